import { describe, expect, it } from 'vitest';
import { isTrustedSender, isTrustedUrl } from '../../../electron/main/security/trusted-sender';
import { senderEvent } from './fakes';

describe('trusted IPC sender', () => {
  it('trusts the top frame of app://touchmap', () => {
    expect(isTrustedSender(senderEvent('app://touchmap/index.html'))).toBe(true);
    expect(isTrustedSender(senderEvent('app://touchmap/'))).toBe(true);
    expect(isTrustedSender(senderEvent('app://touchmap/index.html#/map/m-1'))).toBe(true);
  });

  it('refuses another host on the same scheme, including look-alikes startsWith would pass', () => {
    expect(isTrustedSender(senderEvent('app://print/doc/x.html'))).toBe(false);
    expect(isTrustedSender(senderEvent('app://touchmap.evil/index.html'))).toBe(false);
    expect(isTrustedSender(senderEvent('app://touchmapx/'))).toBe(false);
    expect(isTrustedSender(senderEvent('app://user@touchmap/'))).toBe(false);
  });

  it('refuses a subframe even on the app origin', () => {
    expect(isTrustedSender(senderEvent('app://touchmap/index.html', { subframe: true }))).toBe(false);
  });

  it('refuses file://, http:// and https://', () => {
    expect(isTrustedSender(senderEvent('file:///opt/Touchmap/resources/app.asar/dist/renderer/index.html'))).toBe(false);
    expect(isTrustedSender(senderEvent('http://touchmap/index.html'))).toBe(false);
    expect(isTrustedSender(senderEvent('http://127.0.0.1:4173/'))).toBe(false);
    expect(isTrustedSender(senderEvent('https://touchmap/'))).toBe(false);
  });

  it('refuses a missing frame and unparsable URLs', () => {
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
    expect(isTrustedSender({ senderFrame: undefined })).toBe(false);
    expect(isTrustedUrl('', true)).toBe(false);
    expect(isTrustedUrl('not a url', true)).toBe(false);
    expect(isTrustedUrl('about:blank', true)).toBe(false);
  });

  it('does not rely on the frame origin (it is "null" for custom schemes)', () => {
    const frame = { url: 'app://touchmap/index.html', parent: null, origin: 'null' };
    expect(isTrustedSender({ senderFrame: frame })).toBe(true);
  });
});
