/**
 * The app's origin: `app://touchmap`.
 *
 * NEVER CHANGE the scheme or the host after a release. IndexedDB (every user's maps) and
 * localStorage are keyed by origin; a different origin opens an empty database and the user's
 * maps seem to vanish. If it ever must change, ship a migration that copies the old origin's
 * data first.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'touchmap';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The renderer's entry document. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The print window's host: a different origin from the app, so a print document never
 * shares the maps' storage and is never a trusted IPC sender.
 */
export const PRINT_HOST = 'print';
export const PRINT_ORIGIN = `${APP_SCHEME}://${PRINT_HOST}`;

/** A client route the renderer keeps in the URL hash (renderer/src/store/route.ts), e.g. "#/map/m-1". */
const CLIENT_ROUTE = /^#\/[A-Za-z0-9\-._~%/]{0,256}$/;

/**
 * The URL to open the window at: the entry document, plus the screen that was open when the
 * app last closed, so a restart comes back to the same map. Anything that is not a plain
 * client route is dropped.
 * @example appEntryUrl('#/map/m-1') // "app://touchmap/index.html#/map/m-1"
 */
export function appEntryUrl(route?: string): string {
  return route && CLIENT_ROUTE.test(route) ? `${APP_ENTRY_URL}${route}` : APP_ENTRY_URL;
}

/**
 * The client route of a window URL, if it is the app's.
 * @example clientRouteOf('app://touchmap/index.html#/map/m-1') // "#/map/m-1"
 */
export function clientRouteOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
    return CLIENT_ROUTE.test(parsed.hash) ? parsed.hash : undefined;
  } catch {
    return undefined;
  }
}
