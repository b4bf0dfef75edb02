/**
 * Guards on every web contents: no navigation away from the app, no new windows, no
 * <webview>, and permissions denied unless harmless and asked by the app itself.
 *
 * The app is a single page: it never navigates (history API routes fire no will-navigate),
 * so every navigation is refused, and so is every window.open. Neither opens the system browser:
 * a navigation or a window.open happens without the user choosing the address (a script, a
 * dropped link, a redirect), so none may. An address leaves the app only through the bridge's
 * openExternal, which the renderer calls after the user saw the full address and confirmed it
 * (renderer/src/platform/external-link.ts), and which main checks again (external-url.ts).
 */
import { APP_HOST, APP_SCHEME } from '../app-origin';
import { isTrustedUrl } from './trusted-sender';

interface PreventableEvent {
  preventDefault(): void;
}

/** What the guards need of a WebContents. */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Blocks navigation, redirects, window.open and <webview> on `contents`; opens nothing. */
export function guardWebContents(contents: GuardableContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Permissions the app's own page may have, each harmless and needed:
 * - clipboard-sanitized-write: copying topics to the clipboard (write-only, sanitised);
 * - persistent-storage: navigator.storage.persist(), so the maps in IndexedDB are never evicted;
 * - fullscreen: the presentation view's requestFullscreen().
 * Everything else (camera, microphone, geolocation, notifications, MIDI, HID, …) is denied.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'clipboard-sanitized-write',
  'persistent-storage',
  'fullscreen',
]);

/**
 * @example isPermissionAllowed('geolocation', 'app://touchmap/') // false
 * @example isPermissionAllowed('fullscreen', 'https://evil.example/') // false
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, isMainFrame = true): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  return requestingUrl !== undefined && isTrustedUrl(requestingUrl, isMainFrame);
}

/** What the permission guards need of a Session. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string; isMainFrame?: boolean },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string; isMainFrame?: boolean }) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/** Installs deny-by-default permission handlers on `session`. */
export function denyPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, details.isMainFrame ?? false));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    // A check for a permission we would grant comes from our own origin; the origin alone is
    // enough here because nothing is granted by a check that a request would not also grant.
    const url = details.requestingUrl ?? requestingOrigin;
    return isPermissionAllowed(permission, url, details.isMainFrame ?? true);
  });
  // WebHID / WebUSB / Web Serial devices: never.
  session.setDevicePermissionHandler(() => false);
}
