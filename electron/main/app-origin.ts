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
