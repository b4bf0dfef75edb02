/**
 * The one way the app opens a web address: only when the user asked for it, after a confirm
 * dialog has shown the full address, and only for https. The desktop shell opens nothing on a
 * navigation or a window.open (electron/main/security/navigation.ts); it opens what this asks
 * through the bridge's openExternal, and checks the address again. In a browser the address
 * opens in a new tab with no access back to the app (noopener).
 */
import type { TouchmapBridge } from '@shared/ipc';
import { t } from '../i18n';
import { desktopBridge } from './files';

/** What opening needs: the confirm dialog, the bridge in the desktop app, the browser's window.open. */
export interface ExternalLinkDeps {
  confirm(message: string): boolean;
  bridge(): Pick<TouchmapBridge, 'openExternal'> | undefined;
  openTab(url: string): void;
}

const BROWSER: ExternalLinkDeps = {
  confirm: (message) => window.confirm(message),
  bridge: desktopBridge,
  openTab: (url) => void window.open(url, '_blank', 'noopener,noreferrer'),
};

/** What came of a request: opened, the user said no, or not an address the app opens (`message` says why). */
export type ExternalLinkOutcome = { readonly outcome: 'opened' | 'cancelled' } | { readonly outcome: 'refused'; readonly message: string };

/**
 * True for an https address with a host and no user name or password: what the shell opens.
 * @example isOpenableAddress('https://example.com/help') // true
 * @example isOpenableAddress('file:///etc/passwd') // false
 */
export function isOpenableAddress(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/**
 * Call from a click handler only: shows the full address and opens it if the user confirms.
 * @example await openExternalLink('https://example.com/help') // { outcome: 'opened' } after "OK"
 */
export async function openExternalLink(url: string, deps: ExternalLinkDeps = BROWSER): Promise<ExternalLinkOutcome> {
  if (!isOpenableAddress(url)) return { outcome: 'refused', message: t('link.refused', { url }) };
  if (!deps.confirm(t('link.confirm', { url }))) return { outcome: 'cancelled' };
  const bridge = deps.bridge();
  if (!bridge) {
    deps.openTab(url);
    return { outcome: 'opened' };
  }
  return (await bridge.openExternal(url)) ? { outcome: 'opened' } : { outcome: 'refused', message: t('link.refused', { url }) };
}
