/**
 * No network at all: the session cancels every request that is not the app's own
 * scheme or an in-memory data:/blob: URL. A remote font, an analytics beacon that slipped in
 * with a dependency, a link followed by mistake — none leaves the machine.
 */
import { APP_SCHEME } from '../app-origin';

const LOCAL_PROTOCOLS: ReadonlySet<string> = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

/**
 * @example isAllowedRequestUrl('app://touchmap/assets/index.js') // true
 * @example isAllowedRequestUrl('https://fonts.googleapis.com/')  // false
 */
export function isAllowedRequestUrl(url: string): boolean {
  try {
    return LOCAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** What the blocker needs of a Session. */
export interface RequestFilterSession {
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

export function blockRemoteRequests(session: RequestFilterSession): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
