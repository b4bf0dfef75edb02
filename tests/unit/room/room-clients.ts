/** Node Yjs clients of the room server, as the participant page and the facilitator's app connect. */
import { randomFillSync } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { newSecret } from '../../../shared/room';

export interface RoomClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly secret?: string;
  /** Reasons the server gave for refusing this client's updates. */
  readonly refusals: string[];
  close(): void;
}

export interface RoomAddress {
  readonly socketUrl: string;
  readonly token: string;
  readonly ownerToken: string;
}

function connect(socketUrl: string, params: Record<string, string>, doc: Y.Doc, secret?: string): RoomClient {
  const base = socketUrl.replace(/\/room$/, '');
  const provider = new WebsocketProvider(base, 'room', doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const refusals: string[] = [];
  // The room's permission-denied message: [auth, 0, reason]; kept so tests can read the reason.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    refusals.push(decoding.readVarString(decoder));
  };
  return { doc, provider, refusals, ...(secret ? { secret } : {}), close: () => provider.destroy() };
}

export function participantClient(room: RoomAddress, options: { secret?: string; doc?: Y.Doc; token?: string } = {}): RoomClient {
  const secret = options.secret ?? newSecret((b) => randomFillSync(b));
  return connect(room.socketUrl, { token: options.token ?? room.token, pk: secret }, options.doc ?? new Y.Doc(), secret);
}

export function facilitatorClient(room: RoomAddress, doc = new Y.Doc()): RoomClient {
  return connect(room.socketUrl, { token: room.ownerToken }, doc);
}

export function synced(client: RoomClient, timeoutMs = 5000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the client did not sync')), timeoutMs);
    client.provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Resolves when `check()` holds, polling; rejects with `what` after the timeout. */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The HTTP status a WebSocket upgrade to `url` gets (101 when accepted). */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', () => resolve(0));
  });
}
