import { describe, expect, it } from 'vitest';
import { roomAddresses } from '../../../electron/main/room/room-addresses';
import { parseRoomArgs } from '../../../electron/main/room/room-cli';

describe('npm run room: options', () => {
  it('reads host, port and data folder', () => {
    expect(parseRoomArgs(['--host', '192.168.1.5', '--port', '4500', '--data', 'rooms'])).toEqual({ ok: true, options: { host: '192.168.1.5', port: 4500, dataDir: 'rooms', list: false } });
  });
  it('says what is wrong with a bad option', () => {
    expect(parseRoomArgs(['--port', '99999', '--host', 'x'])).toEqual({ ok: false, error: '--port 99999 is not a port number (0–65535).' });
    expect(parseRoomArgs([])).toMatchObject({ ok: false, error: expect.stringMatching(/--host/) });
    expect(parseRoomArgs(['--host'])).toMatchObject({ ok: false, error: '--host needs a value.' });
    expect(parseRoomArgs(['--wat'])).toMatchObject({ ok: false, error: 'Unknown option --wat.' });
  });
});

describe('room addresses', () => {
  it('lists IPv4 interfaces, the local network before the loopback', () => {
    const v4 = (address: string, internal: boolean) => ({ address, family: 'IPv4' as const, internal, netmask: '', mac: '', cidr: null });
    const choices = roomAddresses({
      lo: [v4('127.0.0.1', true)],
      wlan0: [v4('192.168.1.20', false), { ...v4('fe80::1', false), family: 'IPv6' as const, scopeid: 0 }],
    });
    expect(choices).toEqual([
      { address: '192.168.1.20', interface: 'wlan0', internal: false },
      { address: '127.0.0.1', interface: 'lo', internal: true },
    ]);
  });
});
