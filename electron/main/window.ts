/**
 * The main window's options: secure web preferences, restored bounds, hidden until the
 * first paint (no white flash). Pure; index.ts passes them to `new BrowserWindow`.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security/web-preferences';
import { MIN_WINDOW_SIZE, type WindowState } from './window-state';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly state: WindowState;
  readonly devTools: boolean;
}

/** The page background before React paints: the app's canvas colour, so opening does not flash white. */
export const WINDOW_BACKGROUND = '#f6f5f2';

/**
 * @example new BrowserWindow(mainWindowOptions({ preloadPath, state, devTools: !app.isPackaged }))
 */
export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  const { state } = options;
  return {
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Touchmap',
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: secureWebPreferences({ preload: options.preloadPath, devTools: options.devTools }),
  };
}

/**
 * The hidden print window: no preload (no bridge, so it can never call main), never shown.
 * Not `offscreen`: the system print dialog needs a real native window to attach to.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1024,
    height: 768,
    title: 'Touchmap — print',
    webPreferences: secureWebPreferences({ devTools: false }),
  };
}
