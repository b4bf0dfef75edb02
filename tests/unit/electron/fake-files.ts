/**
 * An in-memory file system for the main process's writers (atomic-write.ts, backups.ts,
 * file-dialogs.ts), with a switch to make one step fail — the crash a test wants to survive.
 */
import path from 'node:path';
import type { AtomicFs } from '../../../electron/main/atomic-write';

export type FailingStep = 'open' | 'write' | 'sync' | 'rename' | null;

export class FakeFiles implements AtomicFs {
  readonly files = new Map<string, string>();
  readonly folders = new Set<string>();
  /** The next call of this step throws (once). */
  failAt: FailingStep = null;
  /** Every call, in order: "open <path>", "write <path>", "sync <path>", "rename <from> -> <to>", … */
  readonly log: string[] = [];

  constructor(initial: Record<string, string> = {}) {
    for (const [p, text] of Object.entries(initial)) {
      this.files.set(p, text);
      this.folders.add(path.dirname(p));
    }
  }

  private maybeFail(step: Exclude<FailingStep, null>): void {
    if (this.failAt !== step) return;
    this.failAt = null;
    throw new Error(step === 'write' ? 'ENOSPC: no space left on device, write' : `EIO: simulated crash at ${step}`);
  }

  async openNew(filePath: string) {
    this.log.push(`open ${filePath}`);
    this.maybeFail('open');
    if (!this.folders.has(path.dirname(filePath))) throw new Error(`ENOENT: no such file or directory, open '${filePath}'`);
    if (this.files.has(filePath)) throw new Error(`EEXIST: file already exists, open '${filePath}'`);
    this.files.set(filePath, '');
    return {
      writeFile: async (data: string | Uint8Array) => {
        this.log.push(`write ${filePath}`);
        // A failing write leaves what a full disk leaves: part of the bytes.
        const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
        if (this.failAt === 'write') this.files.set(filePath, text.slice(0, Math.floor(text.length / 2)));
        this.maybeFail('write');
        this.files.set(filePath, text);
      },
      sync: async () => {
        this.log.push(`sync ${filePath}`);
        this.maybeFail('sync');
      },
      close: async () => {
        this.log.push(`close ${filePath}`);
      },
    };
  }

  async rename(from: string, to: string) {
    this.log.push(`rename ${from} -> ${to}`);
    this.maybeFail('rename');
    const text = this.files.get(from);
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, rename '${from}'`);
    this.files.delete(from);
    this.files.set(to, text);
  }

  async unlink(filePath: string) {
    this.log.push(`unlink ${filePath}`);
    if (!this.files.delete(filePath)) throw new Error(`ENOENT: no such file or directory, unlink '${filePath}'`);
  }

  async mkdir(folder: string) {
    this.folders.add(folder);
  }

  async readdir(folder: string): Promise<string[]> {
    return [...this.files.keys()].filter((p) => path.dirname(p) === folder).map((p) => path.basename(p));
  }

  /** Files of a folder, by name. */
  namesIn(folder: string): string[] {
    return [...this.files.keys()].filter((p) => path.dirname(p) === folder).map((p) => path.basename(p)).sort();
  }
}
