/**
 * The web preferences of every window Touchmap opens: Electron's security checklist in one
 * place, so the main window and the hidden print window cannot drift apart, and a unit test
 * can read each setting.
 */
import type { WebPreferences } from 'electron';

export interface SecureWebPreferencesOptions {
  /** Absolute path of the bundled preload; absent for windows that need no bridge (print). */
  readonly preload?: string;
  /** DevTools only in development builds: a packaged app gives no console to a page. */
  readonly devTools?: boolean;
  /** Page JavaScript. The print window keeps it on only so main can await its fonts; its CSP forbids page scripts. */
  readonly javascript?: boolean;
}

/**
 * @example new BrowserWindow({ webPreferences: secureWebPreferences({ preload }) })
 */
export function secureWebPreferences(options: SecureWebPreferencesOptions = {}): WebPreferences {
  return {
    ...(options.preload ? { preload: options.preload } : {}),
    // The renderer never touches Node: it runs sandboxed, in its own JS world apart from the preload.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    // Same-origin policy on; never mix insecure content into the app origin.
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // No <webview>: it would be a second, unguarded browser inside the window.
    webviewTag: false,
    // Middle-click (auxclick) could open links in new windows behind the window-open handler's back.
    disableBlinkFeatures: 'Auxclick',
    // Dropping a file must reach the renderer's drop handler, never navigate the window to file://.
    navigateOnDragDrop: false,
    // Spellcheck downloads dictionaries from Google: no network at all.
    spellcheck: false,
    enableWebSQL: false,
    safeDialogs: true,
    devTools: options.devTools ?? false,
    javascript: options.javascript ?? true,
  };
}
