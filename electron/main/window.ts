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
  /** The OS is in dark mode (nativeTheme.shouldUseDarkColors). */
  readonly dark?: boolean;
}

/** The window's colour before React paints: the theme's background (renderer theme tokens), so opening does not flash. */
export const WINDOW_BACKGROUND = { light: '#f6f7f9', dark: '#15181e' } as const;

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
    backgroundColor: options.dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
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
