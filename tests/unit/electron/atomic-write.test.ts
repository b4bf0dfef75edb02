import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeAtomicFs, temporaryPathFor, writeFileAtomic, type AtomicFs } from '../../../electron/main/atomic-write';
import { saveFileWithDialog, type FileDialogDeps } from '../../../electron/main/file-dialogs';
import { createSettingsStore } from '../../../electron/main/settings';
import { FakeFiles } from './fake-files';

const OLD_MAP = '{"format":"touchmap","version":1,"maps":["the map as it was"]}\n';
const NEW_MAP = '{"format":"touchmap","version":1,"maps":["the map with today’s touchpoints"]}\n';

describe('writing a file atomically (fake file system)', () => {
  it('writes a temporary file beside the target, syncs it, then renames it over the target', async () => {
    const files = new FakeFiles({ '/maps/Clinic.touchmap': OLD_MAP });
    const temporary = temporaryPathFor('/maps/Clinic.touchmap', 'x1');
    await writeFileAtomic(files, '/maps/Clinic.touchmap', NEW_MAP, temporary);
    expect(path.dirname(temporary)).toBe('/maps');
    expect(files.log).toEqual([`open ${temporary}`, `write ${temporary}`, `sync ${temporary}`, `close ${temporary}`, `rename ${temporary} -> /maps/Clinic.touchmap`]);
    expect(files.files.get('/maps/Clinic.touchmap')).toBe(NEW_MAP);
    expect(files.namesIn('/maps')).toEqual(['Clinic.touchmap']);
  });

  it.each(['write', 'sync', 'rename'] as const)('keeps the old file whole and removes the temporary file when the %s step fails', async (step) => {
    const files = new FakeFiles({ '/maps/Clinic.touchmap': OLD_MAP });
    files.failAt = step;
    await expect(writeFileAtomic(files, '/maps/Clinic.touchmap', NEW_MAP)).rejects.toThrow(step === 'write' ? /ENOSPC/ : new RegExp(step));
    expect(files.files.get('/maps/Clinic.touchmap')).toBe(OLD_MAP);
    expect(files.namesIn('/maps')).toEqual(['Clinic.touchmap']);
  });

  it('leaves nothing behind when the temporary file cannot even be created', async () => {
    const files = new FakeFiles({ '/maps/Clinic.touchmap': OLD_MAP });
    files.failAt = 'open';
    await expect(writeFileAtomic(files, '/maps/Clinic.touchmap', NEW_MAP)).rejects.toThrow(/open/);
    expect(files.log.filter((l) => l.startsWith('unlink'))).toEqual([]);
    expect(files.files.get('/maps/Clinic.touchmap')).toBe(OLD_MAP);
  });

  it('gives each write its own temporary name, so two writers never share one', () => {
    expect(temporaryPathFor('/maps/a.pdf')).not.toBe(temporaryPathFor('/maps/a.pdf'));
    expect(path.basename(temporaryPathFor('/maps/a.pdf'))).toMatch(/^\.a\.pdf\..+\.tmp$/);
  });
});

describe('writing a file atomically (real folder)', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'touchmap-atomic-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('replaces the file and leaves no temporary file', async () => {
    const target = path.join(folder, 'Clinic.touchmap');
    fs.writeFileSync(target, OLD_MAP);
    await writeFileAtomic(nodeAtomicFs, target, NEW_MAP);
    expect(fs.readFileSync(target, 'utf8')).toBe(NEW_MAP);
    expect(fs.readdirSync(folder)).toEqual(['Clinic.touchmap']);
  });

  it('writes bytes as they are', async () => {
    const target = path.join(folder, 'map.png');
    await writeFileAtomic(nodeAtomicFs, target, new Uint8Array([137, 80, 78, 71, 0, 255]));
    expect([...fs.readFileSync(target)]).toEqual([137, 80, 78, 71, 0, 255]);
  });

  it('keeps the old file and cleans up when the process dies between the write and the rename', async () => {
    const target = path.join(folder, 'Clinic.touchmap');
    fs.writeFileSync(target, OLD_MAP);
    const crashing: AtomicFs = { ...nodeAtomicFs, rename: async () => Promise.reject(new Error('EIO: simulated crash before rename')) };
    await expect(writeFileAtomic(crashing, target, NEW_MAP)).rejects.toThrow(/simulated crash/);
    expect(fs.readFileSync(target, 'utf8')).toBe(OLD_MAP);
    expect(fs.readdirSync(folder)).toEqual(['Clinic.touchmap']);
  });

  it('fails with the file system’s own message when the folder is gone', async () => {
    await expect(writeFileAtomic(nodeAtomicFs, path.join(folder, 'gone', 'x.csv'), 'a,b')).rejects.toThrow(/ENOENT/);
  });
});

describe('Save over an existing file', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'touchmap-save-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  function deps(target: string, files: FileDialogDeps['fs']): FileDialogDeps {
    return {
      fs: files,
      settings: createSettingsStore(path.join(folder, 'settings.json'), { readFileSync: () => '{}', writeFileSync: () => undefined, renameSync: () => undefined }),
      documentsDir: folder,
      warn: vi.fn(),
      dialog: { showSaveDialog: async () => ({ canceled: false, filePath: target }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    };
  }

  it('keeps the previous file until the new one is complete: a crash before the rename loses nothing', async () => {
    const target = path.join(folder, 'Clinic.touchmap');
    fs.writeFileSync(target, OLD_MAP);
    const crashing = {
      size: async (p: string) => fs.statSync(p).size,
      readText: async (p: string) => fs.readFileSync(p, 'utf8'),
      // Writing in place is what a crash turns into a broken file: half the bytes, then the error.
      writeFile: async (p: string, data: string | Uint8Array) => {
        fs.writeFileSync(p, String(data).slice(0, 10));
        throw new Error('EIO: simulated crash mid-write');
      },
      ...nodeAtomicFs,
      rename: async () => Promise.reject(new Error('EIO: simulated crash before rename')),
    };
    await expect(saveFileWithDialog(deps(target, crashing), { suggestedName: 'Clinic.touchmap', filters: [], data: NEW_MAP, kind: 'touchmap' })).rejects.toThrow(/simulated crash/);
    expect(fs.readFileSync(target, 'utf8')).toBe(OLD_MAP);
    expect(fs.readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces the file when nothing goes wrong', async () => {
    const target = path.join(folder, 'Clinic.touchmap');
    fs.writeFileSync(target, OLD_MAP);
    const real = { size: async (p: string) => fs.statSync(p).size, readText: async (p: string) => fs.readFileSync(p, 'utf8'), ...nodeAtomicFs };
    expect(await saveFileWithDialog(deps(target, real), { suggestedName: 'Clinic.touchmap', filters: [], data: NEW_MAP, kind: 'touchmap' })).toEqual({ saved: true, path: target });
    expect(fs.readFileSync(target, 'utf8')).toBe(NEW_MAP);
  });
});
