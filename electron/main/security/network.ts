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
export function isAllowedRequestUrl(url: string, roomSocket: string | null = null): boolean {
  try {
    const parsed = new URL(url);
    if (LOCAL_PROTOCOLS.has(parsed.protocol)) return true;
    // While a workshop room is open, its own loopback socket (ws://127.0.0.1:port) and only it.
    return roomSocket !== null && parsed.protocol === 'ws:' && parsed.hostname === '127.0.0.1' && parsed.origin === roomSocket && !parsed.username && !parsed.password;
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

/** `roomSocket` says which room socket is open now (createRoomHost keeps it), if any. */
export function blockRemoteRequests(session: RequestFilterSession, roomSocket: () => string | null = () => null): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, roomSocket()) });
  });
}
