import { describe, expect, it } from 'vitest';
import { captureWindowState, DEFAULT_WINDOW_SIZE, restoreWindowState } from '../../../electron/main/window-state';
import { createSettingsStore, type SettingsFs } from '../../../electron/main/settings';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('restoring the window', () => {
  it('opens at the default size centred on the primary display the first time', () => {
    expect(restoreWindowState(undefined, [laptop])).toEqual({
      x: Math.round((1440 - DEFAULT_WINDOW_SIZE.width) / 2),
      y: Math.round((875 - DEFAULT_WINDOW_SIZE.height) / 2),
      ...DEFAULT_WINDOW_SIZE,
      maximized: false,
    });
  });

  it('comes back where it was, maximised or not', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: true };
    expect(restoreWindowState(saved, [laptop, monitorRight])).toEqual(saved);
  });

  it('moves to the primary display when its monitor is gone', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: false };
    const restored = restoreWindowState(saved, [laptop]);
    expect(restored.width).toBe(DEFAULT_WINDOW_SIZE.width);
    expect(restored.x).toBeGreaterThanOrEqual(0);
    expect(restored.x + restored.width).toBeLessThanOrEqual(1440);
  });

  it('pulls a window hanging over an edge back inside, and shrinks one larger than its display', () => {
    const hanging = restoreWindowState({ x: 1000, y: 500, width: 1000, height: 700, maximized: false }, [laptop]);
    expect(hanging.x + hanging.width).toBeLessThanOrEqual(1440);
    expect(hanging.y + hanging.height).toBeLessThanOrEqual(875);
    const huge = restoreWindowState({ x: 0, y: 0, width: 5000, height: 3000, maximized: false }, [laptop]);
    expect(huge).toMatchObject({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('treats a sliver on screen as lost (it could not be grabbed)', () => {
    const sliver = restoreWindowState({ x: 1420, y: 0, width: 800, height: 600, maximized: false }, [laptop]);
    expect(sliver.x + sliver.width).toBeLessThanOrEqual(1440);
    expect(sliver.width).toBe(DEFAULT_WINDOW_SIZE.width);
  });

  it('saves the normal bounds, so un-maximising later returns there', () => {
    const win = { getNormalBounds: () => ({ x: 10.4, y: 20, width: 1000, height: 700 }), isMaximized: () => true };
    expect(captureWindowState(win)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
  });
});

function memoryFs(initial?: string): SettingsFs & { files: Map<string, string> } {
  const files = new Map<string, string>(initial === undefined ? [] : [['/u/shell-settings.json', initial]]);
  return {
    files,
    readFileSync: (f) => {
      const text = files.get(f);
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
    writeFileSync: (f, text) => void files.set(f, text),
    renameSync: (from, to) => {
      files.set(to, files.get(from) ?? '');
      files.delete(from);
    },
  };
}

describe('shell settings file', () => {
  it('starts from defaults when missing or corrupt', () => {
    expect(createSettingsStore('/u/shell-settings.json', memoryFs()).get()).toEqual({ lastFolders: {} });
    expect(createSettingsStore('/u/shell-settings.json', memoryFs('{not json')).get()).toEqual({ lastFolders: {} });
    expect(createSettingsStore('/u/shell-settings.json', memoryFs('{"window":{"x":"left"}}')).get()).toEqual({ lastFolders: {} });
  });

  it('writes through a temporary file and reads back what it wrote', () => {
    const fs = memoryFs();
    const store = createSettingsStore('/u/shell-settings.json', fs);
    store.update((s) => ({ ...s, window: { x: 1, y: 2, width: 900, height: 600, maximized: false }, lastFolders: { pdf: '/home/u/Exports' } }));
    expect(fs.files.has('/u/shell-settings.json.tmp')).toBe(false);
    const again = createSettingsStore('/u/shell-settings.json', fs);
    expect(again.get()).toEqual({ window: { x: 1, y: 2, width: 900, height: 600, maximized: false }, lastFolders: { pdf: '/home/u/Exports' } });
  });

  it('keeps working in memory when the disk refuses the write', () => {
    const fs = memoryFs();
    fs.writeFileSync = () => {
      throw new Error('EROFS');
    };
    const store = createSettingsStore('/u/shell-settings.json', fs);
    store.update((s) => ({ ...s, lastFolders: { open: '/tmp' } }));
    expect(store.get().lastFolders.open).toBe('/tmp');
  });
});
