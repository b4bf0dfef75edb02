import { describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl, openExternalSafely } from '../../../electron/main/security/external-url';
import { ALLOWED_PERMISSIONS, denyPermissions, guardWebContents, isPermissionAllowed, type PermissionSession } from '../../../electron/main/security/navigation';
import { blockRemoteRequests, isAllowedRequestUrl } from '../../../electron/main/security/network';
import { FakeWebContents, preventable } from './fakes';

function guarded() {
  const contents = new FakeWebContents();
  guardWebContents(contents);
  return { contents };
}

describe('navigation guards', () => {
  it('refuses every navigation', () => {
    const { contents } = guarded();
    for (const url of ['https://example.com/', 'app://touchmap/other.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = preventable();
      contents.emit('will-navigate', event, url);
      expect(event.prevented).toBe(true);
    }
  });

  it('refuses redirects away from the app origin', () => {
    const { contents } = guarded();
    const away = preventable();
    contents.emit('will-redirect', away, 'https://tracker.example/');
    expect(away.prevented).toBe(true);
    const home = preventable();
    contents.emit('will-redirect', home, 'app://touchmap/index.html');
    expect(home.prevented).toBe(false);
  });

  it('denies every new window', () => {
    const { contents } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://touchmap/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents <webview> from attaching', () => {
    const { contents } = guarded();
    const event = preventable();
    contents.emit('will-attach-webview', event);
    expect(event.prevented).toBe(true);
  });
});

describe('safe external URLs', () => {
  it('accepts https only', () => {
    expect(isSafeExternalUrl('https://example.com/docs?a=1')).toBe(true);
    for (const url of ['http://example.com/', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'app://touchmap/', 'mailto:a@b.c', 'https://user:pw@example.com/', 'not a url', '']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('opens a safe URL through the shell, and refuses the rest without calling it', () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    expect(openExternalSafely('https://example.com/', shell)).toBe(true);
    expect(openExternalSafely('file:///etc/passwd', shell)).toBe(false);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('swallows a shell failure (no handler installed)', async () => {
    const shell = { openExternal: vi.fn(() => Promise.reject(new Error('no handler'))) };
    expect(openExternalSafely('https://example.com/', shell)).toBe(true);
    await Promise.resolve();
  });
});

describe('permissions', () => {
  function install() {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
    let device: (() => boolean) | undefined;
    denyPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    });
    if (!request || !check || !device) throw new Error('handlers not installed');
    const ask = (permission: string, requestingUrl: string, isMainFrame = true) => {
      let granted: boolean | undefined;
      request?.({}, permission, (g) => (granted = g), { requestingUrl, isMainFrame });
      return granted;
    };
    return { ask, check, device };
  }

  it('denies camera, microphone, geolocation, notifications, MIDI and the rest', () => {
    const { ask } = install();
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'hid', 'serial', 'usb', 'clipboard-read', 'display-capture', 'openExternal', 'idle-detection', 'unknown']) {
      expect(ask(permission, 'app://touchmap/index.html'), permission).toBe(false);
    }
  });

  it('grants the few harmless ones only to the app itself, top frame', () => {
    const { ask } = install();
    for (const permission of ALLOWED_PERMISSIONS) {
      expect(ask(permission, 'app://touchmap/index.html')).toBe(true);
      expect(ask(permission, 'app://touchmap/index.html', false)).toBe(false);
      expect(ask(permission, 'https://evil.example/')).toBe(false);
      expect(ask(permission, 'app://print/doc/x.html')).toBe(false);
    }
  });

  it('answers permission checks the same way', () => {
    const { check } = install();
    expect(check({}, 'geolocation', 'app://touchmap', { requestingUrl: 'app://touchmap/index.html' })).toBe(false);
    expect(check({}, 'clipboard-sanitized-write', 'app://touchmap', {})).toBe(true);
    expect(check({}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
  });

  it('never grants a device (HID, USB, serial)', () => {
    expect(install().device()).toBe(false);
    expect(isPermissionAllowed('usb', 'app://touchmap/')).toBe(false);
  });
});

describe('no network', () => {
  it('lets through only the app scheme and in-memory URLs', () => {
    expect(isAllowedRequestUrl('app://touchmap/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://touchmap/1234')).toBe(true);
    for (const url of ['https://fonts.googleapis.com/css', 'http://127.0.0.1/', 'wss://x/', 'ftp://x/', 'file:///etc/hosts', 'garbage']) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it("lets through the open workshop room's loopback socket, and only while it is open", () => {
    const room = 'ws://127.0.0.1:4455';
    expect(isAllowedRequestUrl('ws://127.0.0.1:4455/room?token=abc', null)).toBe(false);
    expect(isAllowedRequestUrl('ws://127.0.0.1:4455/room?token=abc', room)).toBe(true);
    for (const url of ['ws://127.0.0.1:4456/room', 'ws://192.168.1.20:4455/room', 'ws://localhost:4455/room', 'http://127.0.0.1:4455/', 'wss://127.0.0.1:4455/room', 'ws://u:p@127.0.0.1:4455/room']) {
      expect(isAllowedRequestUrl(url, room), url).toBe(false);
    }
    let open: string | null = room;
    let listener: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | undefined;
    blockRemoteRequests({ webRequest: { onBeforeRequest: (l) => (listener = l) } }, () => open);
    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      listener?.({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancelled('ws://127.0.0.1:4455/room')).toBe(false);
    open = null;
    expect(cancelled('ws://127.0.0.1:4455/room')).toBe(true);
  });

  it('cancels remote requests in the session', () => {
    let listener: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | undefined;
    blockRemoteRequests({ webRequest: { onBeforeRequest: (l) => (listener = l) } });
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      listener?.({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://update.example/check')).toBe(true);
    expect(decide('app://touchmap/index.html')).toBe(false);
  });
});
