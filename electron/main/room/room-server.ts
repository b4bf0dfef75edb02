/**
 * The live room's server: HTTP and WebSocket on one port, no Electron (the main process and
 * `npm run room` both start it). It speaks the y-websocket protocol (sync + awareness), so the
 * participant page's WebsocketProvider connects to it. Two tokens: the room token (participants)
 * and the owner token (the facilitator's app). Every participant update goes through the room's
 * rules (shared/room checkUpdate) before it reaches the room document; a refused update is
 * dropped and the participant is sent the room's state again with the reason.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type WebSocket } from 'ws';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { roomMap, applyAndRevert, createUpdateChecker, isSecret, participantIdOf, roomState, removedParticipants, setRoomState, ROOM_LIMITS, refusalMessage, type RefusalKind, type RoomActor } from '../../../shared/room';
import { debounced, readRoomFile, writeRoomFile } from './room-file';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

/** WebSocket close codes in the 4400 range: y-websocket does not reconnect after them. */
export const CLOSE_CODES = { removed: 4403, closed: 4410 } as const;
/** The page's Content-Security-Policy: its own scripts and styles, its own room socket, nothing else. */
export function participantCsp(host: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ws://${host}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface RoomServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Where the room file lives; without it the room lives in memory only. */
  readonly dataDir?: string;
  /** The built renderer (dist/renderer): participant.html and assets/. */
  readonly staticDir?: string;
  readonly persistDelayMs?: number;
  /** Also listen on 127.0.0.1 (same port): the desktop app's own connection stays on the loopback. */
  readonly alsoLoopback?: boolean;
  readonly log?: (line: string) => void;
}

export interface RoomServer {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  readonly ownerToken: string;
  /** The page participants open (the address the QR code carries). */
  readonly participantUrl: string;
  /** The WebSocket address of the room, for the facilitator's app with ownerToken. */
  readonly socketUrl: string;
  readonly ownerUrl: string;
  readonly doc: Y.Doc;
  connectionCount(): number;
  /** Writes the room file now (when a data folder was given). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

interface Connection {
  readonly socket: WebSocket;
  readonly actor: RoomActor;
  readonly awarenessIds: Set<number>;
}

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());
const newToken = () => randomBytes(16).toString('hex');

function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
  socket.destroy();
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml', '.png': 'image/png' };

export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const log = options.log ?? (() => {});
  const saved = options.dataDir ? await readRoomFile(options.dataDir) : undefined;
  const token = saved?.token ?? newToken();
  const ownerToken = saved?.ownerToken ?? newToken();
  const doc = new Y.Doc();
  if (saved) Y.applyUpdate(doc, Buffer.from(saved.state, 'base64'));
  if (roomState(doc) === 'closed' || !saved) setRoomState(doc, 'open');
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const connections = new Set<Connection>();
  const checker = createUpdateChecker(doc);

  const persist = debounced(async () => {
    if (!options.dataDir) return;
    await writeRoomFile(options.dataDir, { version: 1, token, ownerToken, state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') });
  }, options.persistDelayMs ?? 500);

  const send = (conn: Connection, message: Uint8Array) => {
    if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(message);
  };

  doc.on('update', (update: Uint8Array, origin: unknown) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const conn of connections) if (conn !== origin) send(conn, message);
    persist.schedule();
    enforceRoomState();
  });

  awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const changed = [...added, ...updated, ...removed];
    if (origin && typeof origin === 'object' && connections.has(origin as Connection)) {
      const conn = origin as Connection;
      for (const id of added) conn.awarenessIds.add(id);
      for (const id of removed) conn.awarenessIds.delete(id);
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
    const message = encoding.toUint8Array(encoder);
    for (const conn of connections) send(conn, message);
  });

  /** A closed room ends every participant's connection; a removed participant's too. */
  function enforceRoomState() {
    const closed = roomState(doc) === 'closed';
    const removed = new Set(removedParticipants(doc));
    for (const conn of connections) {
      if (conn.actor.role !== 'participant') continue;
      if (closed) conn.socket.close(CLOSE_CODES.closed, 'the room has ended');
      else if (removed.has(conn.actor.id)) conn.socket.close(CLOSE_CODES.removed, 'removed from the room');
    }
  }

  function refuse(conn: Connection, verdict: { readonly kind: RefusalKind; readonly reason: string }, resync: boolean) {
    log(`refused an update from ${conn.actor.role === 'participant' ? conn.actor.id : 'the facilitator'}: ${verdict.reason}`);
    const denied = encoding.createEncoder();
    encoding.writeVarUint(denied, MESSAGE_AUTH);
    authProtocol.writePermissionDenied(denied, refusalMessage(verdict));
    send(conn, encoding.toUint8Array(denied));
    if (!resync) return;
    // The room's state again, so the participant sees what the room really holds.
    const state = encoding.createEncoder();
    encoding.writeVarUint(state, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(state, doc);
    send(conn, encoding.toUint8Array(state));
  }

  function onMessage(conn: Connection, data: Uint8Array) {
    const decoder = decoding.createDecoder(data);
    const encoder = encoding.createEncoder();
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        syncProtocol.writeSyncStep2(encoder, doc, decoding.readVarUint8Array(decoder));
        send(conn, encoding.toUint8Array(encoder));
        return;
      }
      if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) return;
      const update = decoding.readVarUint8Array(decoder);
      const verdict = checker.check(update, conn.actor);
      if (verdict.ok) Y.applyUpdate(doc, update, conn);
      else if (verdict.paths) {
        // Applied and put back in one transaction; its origin is not `conn`, so the participant
        // receives the correction too.
        applyAndRevert(doc, update, verdict.paths, { refusedFrom: conn });
        refuse(conn, verdict, false);
      } else refuse(conn, verdict, true);
    } else if (type === MESSAGE_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      if (update.byteLength <= 8 * 1024) awarenessProtocol.applyAwarenessUpdate(awareness, update, conn);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()]));
      send(conn, encoding.toUint8Array(encoder));
    }
  }

  // A socket's largest message, by who holds it: a phone's updates are small, the facilitator's
  // published view grows with the map (ROOM_LIMITS); room messages add a few bytes of framing.
  const participantSockets = new WebSocketServer({ noServer: true, maxPayload: ROOM_LIMITS.updateBytes * 2 });
  const ownerSockets = new WebSocketServer({ noServer: true, maxPayload: ROOM_LIMITS.facilitatorUpdateBytes + 1024 });

  async function actorOf(url: URL): Promise<RoomActor | { refused: number; text: string }> {
    const given = url.searchParams.get('token');
    if (sameToken(given, ownerToken)) return { role: 'facilitator' };
    if (!sameToken(given, token)) return { refused: 401, text: 'Unauthorized' };
    if (roomState(doc) === 'closed') return { refused: 410, text: 'Gone' };
    const secret = url.searchParams.get('pk');
    if (!isSecret(secret)) return { refused: 400, text: 'Bad Request' };
    const id = await participantIdOf(secret, sha256);
    if (removedParticipants(doc).includes(id)) return { refused: 403, text: 'Forbidden' };
    return { role: 'participant', id };
  }

  const http: Server = createServer((req, res) => void serveFile(req, res));
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://room');
    void actorOf(url).then((actor) => {
      if ('refused' in actor) {
        log(`refused a connection: ${actor.refused} ${actor.text}`);
        refuseUpgrade(socket, actor.refused, actor.text);
        return;
      }
      (actor.role === 'facilitator' ? ownerSockets : participantSockets).handleUpgrade(req, socket, head, (ws) => accept(ws, actor));
    });
  });

  function accept(socket: WebSocket, actor: RoomActor) {
    const conn: Connection = { socket, actor, awarenessIds: new Set() };
    connections.add(conn);
    socket.binaryType = 'arraybuffer';
    socket.on('message', (data: ArrayBuffer) => {
      try {
        onMessage(conn, new Uint8Array(data));
      } catch (error) {
        log(`could not read a message: ${(error as Error).message}`);
      }
    });
    socket.on('close', () => {
      connections.delete(conn);
      awarenessProtocol.removeAwarenessStates(awareness, [...conn.awarenessIds], null);
    });
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, doc);
    send(conn, encoding.toUint8Array(step1));
    const states = [...awareness.getStates().keys()];
    if (states.length > 0) {
      const aw = encoding.createEncoder();
      encoding.writeVarUint(aw, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(awareness, states));
      send(conn, encoding.toUint8Array(aw));
    }
  }

  /** Only the participant page and its assets; everything with the strict CSP. */
  async function serveFile(req: IncomingMessage, res: ServerResponse) {
    const headers = {
      'content-security-policy': participantCsp(req.headers.host ?? `${options.host}:${port}`),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    const pathname = new URL(req.url ?? '/', 'http://room').pathname;
    const relative = pathname === '/' ? 'participant.html' : pathname.startsWith('/assets/') ? pathname.slice(1) : undefined;
    if (req.method !== 'GET' || !options.staticDir || relative === undefined) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const root = path.resolve(options.staticDir);
    const file = path.resolve(root, relative);
    try {
      if (!file.startsWith(root + path.sep) || !(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('Not found');
    }
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const loopback: Server | undefined = options.alsoLoopback && options.host !== '127.0.0.1' ? createServer(http.listeners('request')[0] as never) : undefined;
  if (loopback) {
    for (const listener of http.listeners('upgrade')) loopback.on('upgrade', listener as never);
    try {
      await new Promise<void>((resolve, reject) => {
        loopback.once('error', reject);
        loopback.listen(port, '127.0.0.1', () => resolve());
      });
    } catch (error) {
      http.close();
      throw error;
    }
  }
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  const base = `${hostForUrl}:${port}`;
  log(`room listening on ${base}`);
  // The facilitator's panel shows this address (text and QR code); participants already have it.
  roomMap(doc, 'room').set('address', `http://${base}/?token=${token}`);

  return {
    host: options.host,
    port,
    token,
    ownerToken,
    participantUrl: `http://${base}/?token=${token}`,
    socketUrl: `ws://${base}/room`,
    ownerUrl: `ws://${loopback ? `127.0.0.1:${port}` : base}/room?token=${ownerToken}`,
    doc,
    connectionCount: () => connections.size,
    flush: () => persist.flush(),
    async close() {
      for (const conn of connections) conn.socket.close(1001, 'the room server stopped');
      await persist.flush();
      await new Promise<void>((resolve) => {
        participantSockets.close();
        ownerSockets.close();
        loopback?.close();
        loopback?.closeAllConnections();
        http.close(() => resolve());
        http.closeAllConnections();
      });
      awareness.destroy();
      checker.destroy();
    },
  };
}
