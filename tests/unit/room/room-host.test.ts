import { describe, expect, it } from 'vitest';
import { createRoomHost } from '../../../electron/main/room/room-host';
import type { RoomServerOptions } from '../../../electron/main/room/room-server';

function fakes() {
  const started: RoomServerOptions[] = [];
  const allowed: (string | null)[] = [];
  let closed = 0;
  const host = createRoomHost({
    start: async (options) => {
      started.push(options);
      return { participantUrl: `http://${options.host}:4455/?token=t`, ownerUrl: 'ws://127.0.0.1:4455/room?token=o', close: async () => void closed++ };
    },
    addresses: () => [{ address: '192.168.1.20', interface: 'wlan0', internal: false }, { address: '127.0.0.1', interface: 'lo', internal: true }],
    dataDir: '/data/room',
    staticDir: '/app/dist/renderer',
    allowSocket: (origin) => allowed.push(origin),
  });
  return { host, started, allowed, closed: () => closed };
}

describe('the desktop app’s room host', () => {
  it('starts the server on the chosen address and the loopback, and opens the guard to that socket only', async () => {
    const { host, started, allowed } = fakes();
    const opened = await host.open({ host: '192.168.1.20', port: 4455 });
    expect(opened).toEqual({ participantUrl: 'http://192.168.1.20:4455/?token=t', ownerUrl: 'ws://127.0.0.1:4455/room?token=o' });
    expect(started).toEqual([{ host: '192.168.1.20', port: 4455, dataDir: '/data/room', staticDir: '/app/dist/renderer', alsoLoopback: true }]);
    expect(allowed).toEqual(['ws://127.0.0.1:4455']);
  });

  it('closing stops the server and closes the guard again', async () => {
    const { host, allowed, closed } = fakes();
    await host.open({ host: '192.168.1.20', port: 4455 });
    await host.close();
    expect(closed()).toBe(1);
    expect(allowed.at(-1)).toBeNull();
  });

  it('refuses an address that is not this computer’s, starting nothing', async () => {
    const { host, started } = fakes();
    await expect(host.open({ host: '10.9.9.9', port: 4455 })).rejects.toThrow(/not an address of this computer/);
    expect(started).toEqual([]);
  });

  it('one room at a time: opening again stops the first', async () => {
    const { host, started, closed } = fakes();
    await host.open({ host: '192.168.1.20', port: 4455 });
    await host.open({ host: '127.0.0.1', port: 4455 });
    expect(started).toHaveLength(2);
    expect(closed()).toBe(1);
  });
});
