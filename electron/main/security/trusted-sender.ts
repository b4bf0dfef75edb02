/**
 * Who may call the main process: only the top frame of a page served from the app's own
 * origin, `app://touchmap`.
 *
 * Why not `frame.origin`: for a custom scheme it can be the string "null". Why not
 * `url.startsWith('app://touchmap')`: `app://touchmap.evil/` starts with it too. So the URL is
 * parsed and protocol and host are compared exactly, and a subframe is never trusted even on
 * the right origin (it could be any document a bug let in).
 */
import { APP_HOST, APP_SCHEME } from '../app-origin';

/** What the check needs of an IPC event's sender frame (Electron's WebFrameMain has more). */
export interface SenderFrameLike {
  readonly url: string;
  /** null for a top-level frame. */
  readonly parent: unknown;
}

/** What the check needs of an IPC event (IpcMainInvokeEvent / IpcMainEvent). */
export interface SenderEventLike {
  readonly senderFrame: SenderFrameLike | null | undefined;
}

/**
 * @example isTrustedUrl('app://touchmap/index.html', true) // true
 * @example isTrustedUrl('app://touchmap.evil/', true)      // false
 */
export function isTrustedUrl(url: string, isMainFrame: boolean): boolean {
  if (!isMainFrame) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** The adapter for IPC events: a missing frame (already gone) is not trusted. */
export function isTrustedSender(event: SenderEventLike): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return isTrustedUrl(frame.url, frame.parent === null);
}
