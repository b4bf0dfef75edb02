/**
 * The one way a URL leaves the app: the system browser, and only for https, and only through the
 * bridge's openExternal that the renderer calls after the user confirmed the full address
 * (navigation.ts opens nothing). Anything else
 * (file:, javascript:, smb:, custom schemes that launch other programs) is refused, because
 * shell.openExternal hands the URL to the OS, which may run a program for it.
 */

/**
 * @example isSafeExternalUrl('https://example.com/help') // true
 * @example isSafeExternalUrl('file:///etc/passwd')       // false
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Opens `url` in the system browser if it is safe; returns whether it did. */
export function openExternalSafely(url: string, shell: ShellLike): boolean {
  if (!isSafeExternalUrl(url)) return false;
  shell.openExternal(url).catch(() => {
    // The OS had no handler or refused; nothing the app can do, and nothing to leak.
  });
  return true;
}
