import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/security/web-preferences';
import { mainWindowOptions, printWindowOptions, WINDOW_BACKGROUND } from '../../../electron/main/window';
import { MIN_WINDOW_SIZE } from '../../../electron/main/window-state';

const CHECKLIST = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
} as const;

describe('secure web preferences (Electron security checklist)', () => {
  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(secureWebPreferences()).toMatchObject(CHECKLIST);
  });

  it('blocks middle-click new windows and enables no blink feature', () => {
    const prefs = secureWebPreferences();
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('gives DevTools only when asked (development builds)', () => {
    expect(secureWebPreferences().devTools).toBe(false);
    expect(secureWebPreferences({ devTools: true }).devTools).toBe(true);
  });

  it('sets a preload only when one is given', () => {
    expect(secureWebPreferences()).not.toHaveProperty('preload');
    expect(secureWebPreferences({ preload: '/app/dist/electron/preload.cjs' }).preload).toBe('/app/dist/electron/preload.cjs');
  });
});

describe('main window options', () => {
  const state = { x: 10, y: 20, width: 1200, height: 800, maximized: false };
  const options = mainWindowOptions({ preloadPath: '/p/preload.cjs', state, devTools: false });

  it('opens hidden at the restored bounds, no smaller than the editor needs', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false, title: 'Touchmap' });
    expect(options.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(options.minHeight).toBe(MIN_WINDOW_SIZE.height);
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND.light);
    expect(mainWindowOptions({ preloadPath: '/p/preload.cjs', state, devTools: false, dark: true }).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
  });

  it('uses the secure preferences with the preload', () => {
    expect(options.webPreferences).toMatchObject({ ...CHECKLIST, preload: '/p/preload.cjs', devTools: false });
  });
});

describe('print window options', () => {
  const options = printWindowOptions();

  it('is never shown and has no preload, so it can never call main', () => {
    expect(options.show).toBe(false);
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('is as locked down as the main window', () => {
    expect(options.webPreferences).toMatchObject({ ...CHECKLIST, devTools: false });
  });
});
