/**
 * A web address opens only on the user's request, after a confirm dialog showed the full address:
 * the renderer's side of it (renderer/src/platform/external-link.ts). The shell's side — no
 * navigation or window.open opens anything, openExternal takes https only — is in
 * navigation.test.ts and main-process.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { isOpenableAddress, openExternalLink, type ExternalLinkDeps } from '../../../renderer/src/platform/external-link';

function deps(answer: boolean, bridgeAnswer?: boolean) {
  const shown: string[] = [];
  const openExternal = vi.fn(async () => bridgeAnswer ?? true);
  const openTab = vi.fn();
  const d: ExternalLinkDeps = {
    confirm: (message) => {
      shown.push(message);
      return answer;
    },
    bridge: () => (bridgeAnswer === undefined ? undefined : { openExternal }),
    openTab,
  };
  return { d, shown, openExternal, openTab };
}

const ADDRESS = 'https://example.com/a/very/long/path?with=query&and=more#fragment';

describe('opening a web address', () => {
  it('shows the full address first and opens nothing when the user cancels', async () => {
    const { d, shown, openExternal, openTab } = deps(false, true);
    await expect(openExternalLink(ADDRESS, d)).resolves.toEqual({ outcome: 'cancelled' });
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain(ADDRESS);
    expect(openExternal).not.toHaveBeenCalled();
    expect(openTab).not.toHaveBeenCalled();
  });

  it('opens through the desktop bridge after the user confirms', async () => {
    const { d, openExternal } = deps(true, true);
    await expect(openExternalLink(ADDRESS, d)).resolves.toEqual({ outcome: 'opened' });
    expect(openExternal).toHaveBeenCalledWith(ADDRESS);
  });

  it('opens a new tab in a browser after the user confirms', async () => {
    const { d, openTab } = deps(true);
    await openExternalLink(ADDRESS, d);
    expect(openTab).toHaveBeenCalledWith(ADDRESS);
  });

  it('refuses, without asking, an address that is not https or carries a password', async () => {
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/', 'not an address']) {
      const { d, shown } = deps(true, true);
      await expect(openExternalLink(url, d)).resolves.toMatchObject({ outcome: 'refused', message: expect.stringContaining('https://') });
      expect(shown).toEqual([]);
      expect(isOpenableAddress(url)).toBe(false);
    }
  });

  it('says so when the shell refuses', async () => {
    const { d } = deps(true, false);
    await expect(openExternalLink(ADDRESS, d)).resolves.toMatchObject({ outcome: 'refused' });
  });
});
