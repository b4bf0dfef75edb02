import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_TOUCHMAP_FILE_BYTES } from '../../../shared/ipc';
import { createFileOpenRouter, formatMegabytes, readTouchmapFile, touchmapPathsFromArgv, type TouchmapFs } from '../../../electron/main/file-open';
import { openTouchmapFileWithDialog, saveFileWithDialog, type DialogLike, type FileDialogDeps } from '../../../electron/main/file-dialogs';
import { createSettingsStore } from '../../../electron/main/settings';
import type { AtomicFs } from '../../../electron/main/atomic-write';
import { FakeFiles } from './fake-files';

const MAP_TEXT = '{"format":"touchmap","version":1,"maps":[]}';

function fakeFs(files: Record<string, string | number>) {
  const written = new FakeFiles();
  written.folders.add('/home/u/Exports');
  written.folders.add('/home/u/Documents');
  const fs = {
    size: async (p: string) => {
      const f = files[p];
      if (f === undefined) throw new Error(`ENOENT: no such file, stat '${p}'`);
      return typeof f === 'number' ? f : f.length;
    },
    readText: async (p: string) => {
      const f = files[p];
      if (typeof f !== 'string') throw new Error('unreadable');
      return f;
    },
    // Saves go through the atomic writer; what it wrote lands here.
    written,
    openNew: (p: string) => written.openNew(p),
    rename: (from: string, to: string) => written.rename(from, to),
    unlink: (p: string) => written.unlink(p),
  };
  return fs satisfies TouchmapFs & AtomicFs;
}

describe('.touchmap paths on a command line', () => {
  it('picks the .touchmap files and resolves them against the working folder', () => {
    const cwd = path.resolve('/home/u');
    expect(touchmapPathsFromArgv(['/opt/Touchmap/touchmap', '--no-sandbox', 'maps/Clinic.touchmap', '/tmp/Shop.TOUCHMAP'], cwd)).toEqual([
      path.resolve(cwd, 'maps/Clinic.touchmap'),
      path.resolve('/tmp/Shop.TOUCHMAP'),
    ]);
  });

  it('picks the other tools’ files Touchmap imports too (XMind, FreeMind, OPML, Markdown, CSV, Excel)', () => {
    const cwd = path.resolve('/home/u');
    expect(touchmapPathsFromArgv(['/opt/Touchmap/touchmap', 'Journey.xmind', 'plan.MM', 'a.opml', 'b.md', 'c.csv', 'd.xlsx', 'e.docx'], cwd)).toEqual(
      ['Journey.xmind', 'plan.MM', 'a.opml', 'b.md', 'c.csv', 'd.xlsx'].map((f) => path.resolve(cwd, f)),
    );
  });

  it('ignores the app itself, switches and other files', () => {
    expect(touchmapPathsFromArgv(['electron', 'dist/electron/main.cjs', '--inspect=9229', '--user-data-dir=/x.touchmap', 'notes.txt'], '/')).toEqual([]);
  });
});

describe('reading another tool’s file', () => {
  it('hands its bytes to the renderer, whose reader sniffs zips and encodings', async () => {
    const fs = { ...fakeFs({ '/home/u/Journey.xmind': 'PK..' }), readBytes: async () => new Uint8Array([0x50, 0x4b, 3, 4]) };
    expect(await readTouchmapFile('/home/u/Journey.xmind', fs)).toEqual({ ok: true, file: { name: 'Journey.xmind', text: '', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) } });
  });

  it('refuses a kind of file it does not import, naming the ones it does', async () => {
    const outcome = await readTouchmapFile('/home/u/Report.docx', fakeFs({ '/home/u/Report.docx': 'x' }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain('Touchmap opens files ending in .touchmap, .xmind, .mm, .opml');
  });
});

describe('reading a .touchmap', () => {
  it('returns its name and text, never the folder', async () => {
    const outcome = await readTouchmapFile('/home/u/Clinic.touchmap', fakeFs({ '/home/u/Clinic.touchmap': MAP_TEXT }));
    expect(outcome).toEqual({ ok: true, file: { name: 'Clinic.touchmap', text: MAP_TEXT } });
  });

  it('refuses a file over 50 MB without reading it, naming the limit', async () => {
    const fs = fakeFs({ '/big.touchmap': MAX_TOUCHMAP_FILE_BYTES + 1 });
    const readText = vi.spyOn(fs, 'readText');
    const outcome = await readTouchmapFile('/big.touchmap', fs);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/“big\.touchmap” is 50\.0 MB|“big\.touchmap” is 50 MB/);
    if (!outcome.ok) expect(outcome.message).toContain('up to 50 MB');
    expect(readText).not.toHaveBeenCalled();
  });

  it('accepts exactly 50 MB', async () => {
    const fs = fakeFs({ '/edge.touchmap': MAX_TOUCHMAP_FILE_BYTES });
    fs.readText = async () => MAP_TEXT;
    expect((await readTouchmapFile('/edge.touchmap', fs)).ok).toBe(true);
  });

  it('refuses other extensions and says why a read failed', async () => {
    expect(await readTouchmapFile('/x/notes.txt', fakeFs({ '/x/notes.txt': 'hi' }))).toMatchObject({ ok: false, message: expect.stringContaining('not a Touchmap file') });
    expect(await readTouchmapFile('/x/gone.touchmap', fakeFs({}))).toMatchObject({ ok: false, message: expect.stringContaining('could not be read: ENOENT') });
  });

  it('formats sizes for people', () => {
    expect(formatMegabytes(52_428_800)).toBe('50 MB');
    expect(formatMegabytes(1_572_864)).toBe('1.5 MB');
  });
});

describe('routing files from the OS to the renderer', () => {
  function router(files: Record<string, string | number>) {
    const deliver = vi.fn();
    const warn = vi.fn();
    return { router: createFileOpenRouter({ fs: fakeFs(files), deliver, warn }), deliver, warn };
  }

  it('queues a file that arrives before the renderer listens, and delivers it once it does', async () => {
    const { router: r, deliver } = router({ '/a.touchmap': MAP_TEXT, '/b.touchmap': MAP_TEXT });
    await r.open('/a.touchmap');
    await r.open('/b.touchmap');
    expect(deliver).not.toHaveBeenCalled();
    expect(r.pending().map((f) => f.name)).toEqual(['a.touchmap', 'b.touchmap']);
    r.markReady();
    expect(deliver.mock.calls.map(([f]) => f.name)).toEqual(['a.touchmap', 'b.touchmap']);
    expect(r.pending()).toEqual([]);
  });

  it('delivers at once while the renderer listens, and queues again after it goes away', async () => {
    const { router: r, deliver } = router({ '/a.touchmap': MAP_TEXT });
    r.markReady();
    await r.open('/a.touchmap');
    expect(deliver).toHaveBeenCalledTimes(1);
    r.markNotReady();
    await r.open('/a.touchmap');
    expect(deliver).toHaveBeenCalledTimes(1);
    r.markReady();
    expect(deliver).toHaveBeenCalledTimes(2);
  });

  it('warns about a refused file and delivers nothing', async () => {
    const { router: r, deliver, warn } = router({ '/huge.touchmap': 80 * 1024 * 1024 });
    r.markReady();
    await r.open('/huge.touchmap');
    expect(deliver).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('“huge.touchmap” is 80 MB; Touchmap opens .touchmap files up to 50 MB'));
  });
});

describe('Save and Open dialogs', () => {
  function deps(files: Record<string, string | number> = {}, answers: { save?: string; open?: string } = {}) {
    const fs = fakeFs(files);
    const settingsFiles = new Map<string, string>();
    const settings = createSettingsStore('/u/s.json', {
      readFileSync: () => {
        throw new Error('ENOENT');
      },
      writeFileSync: (f, t) => void settingsFiles.set(f, t),
      renameSync: () => {},
    });
    const dialog = {
      showSaveDialog: vi.fn(async () => (answers.save ? { canceled: false, filePath: answers.save } : { canceled: true })),
      showOpenDialog: vi.fn(async () => (answers.open ? { canceled: false, filePaths: [answers.open] } : { canceled: true, filePaths: [] })),
    } satisfies DialogLike;
    const warn = vi.fn();
    const d: FileDialogDeps = { dialog, fs, settings, documentsDir: '/home/u/Documents', warn };
    return { d, fs, dialog, settings, warn };
  }
  const pdf = { suggestedName: 'Clinic.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], data: new Uint8Array([1]), kind: 'pdf' as const };

  it('saves where the user chose and remembers that folder for that kind only', async () => {
    const { d, fs, dialog, settings } = deps({}, { save: '/home/u/Exports/Clinic.pdf' });
    expect(await saveFileWithDialog(d, pdf)).toEqual({ saved: true, path: '/home/u/Exports/Clinic.pdf' });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: path.join('/home/u/Documents', 'Clinic.pdf'), filters: pdf.filters }));
    expect(fs.written.namesIn('/home/u/Exports')).toEqual(['Clinic.pdf']);
    expect(fs.written.files.get('/home/u/Exports/Clinic.pdf')).toBe('\u0001');
    expect(settings.get().lastFolders).toEqual({ pdf: '/home/u/Exports' });
    await saveFileWithDialog(d, pdf);
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(expect.objectContaining({ defaultPath: path.join('/home/u/Exports', 'Clinic.pdf') }));
    await saveFileWithDialog(d, { ...pdf, kind: 'csv', suggestedName: 'plan.csv' });
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(expect.objectContaining({ defaultPath: path.join('/home/u/Documents', 'plan.csv') }));
  });

  it('writes nothing when the user cancels', async () => {
    const { d, fs } = deps();
    expect(await saveFileWithDialog(d, pdf)).toEqual({ saved: false });
    expect(fs.written.files.size).toBe(0);
  });

  it('opens a .touchmap the user picks', async () => {
    const { d, dialog } = deps({ '/maps/Clinic.touchmap': MAP_TEXT }, { open: '/maps/Clinic.touchmap' });
    expect(await openTouchmapFileWithDialog(d)).toEqual({ name: 'Clinic.touchmap', text: MAP_TEXT });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        filters: [
          { name: 'Maps and outlines', extensions: ['touchmap', 'xmind', 'mm', 'opml', 'md', 'markdown', 'csv', 'tsv', 'tab', 'xlsx'] },
          { name: 'Touchmap maps', extensions: ['touchmap'] },
        ],
      }),
    );
  });

  it('returns null on cancel, and warns and returns null for a file over the limit', async () => {
    expect(await openTouchmapFileWithDialog(deps().d)).toBeNull();
    const big = deps({ '/maps/Big.touchmap': 60 * 1024 * 1024 }, { open: '/maps/Big.touchmap' });
    expect(await openTouchmapFileWithDialog(big.d)).toBeNull();
    expect(big.warn).toHaveBeenCalledWith(expect.stringContaining('up to 50 MB'));
  });
});
