/**
 * The live room's figures (`npm run bench -- --only room_rating_latency,room_capacity`):
 * - room_rating_latency: a participant's rating → the facilitator's doc holding it, ms, with 30
 *   participants rating at a person's pace (one rating each per `spacingMs`).
 * - room_capacity: participants one server process holds before the p95 of that latency passes
 *   250 ms, ramping up in steps.
 * The server runs in its own Node process (`npm run room`), as in a workshop; participants are
 * light protocol clients (they send their updates and ignore the room's), so the bench process
 * measures the server, not thirty copies of the document; the facilitator is a real Yjs client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { newSecret, openRound, participantIdOf, rate } from '../../shared/room';
import { createHash } from 'node:crypto';
import { asId } from '../builders/ids';

const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());

interface Room {
  readonly socketUrl: string;
  readonly token: string;
  readonly ownerToken: string;
  stop(): void;
}

export async function startRoomProcess(root: string): Promise<Room> {
  const child: ChildProcess = spawn(process.execPath, ['scripts/room.mjs', '--host', '127.0.0.1', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the room server exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const participant = /Participants open: http:\/\/([^/]+)\/\?token=([0-9a-f]+)/.exec(text);
      const owner = /owner\) socket: \S+\?token=([0-9a-f]+)/.exec(text);
      if (participant && owner) {
        child.removeAllListeners('exit');
        resolve({ socketUrl: `ws://${participant[1]}/room`, token: participant[2]!, ownerToken: owner[1]!, stop: () => child.kill('SIGTERM') });
      }
    });
  });
}

/** A participant that only sends: its own Yjs doc makes the updates, the room's are ignored. */
class LightParticipant {
  readonly doc = new Y.Doc();
  private socket!: WebSocket;
  constructor(readonly id: string) {}
  static async connect(room: Room): Promise<LightParticipant> {
    const secret = newSecret((b) => randomFillSync(b));
    const p = new LightParticipant(await participantIdOf(secret, sha256));
    p.socket = new WebSocket(`${room.socketUrl}?token=${room.token}&pk=${secret}`);
    p.doc.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, update);
      p.socket.send(encoding.toUint8Array(encoder));
    });
    await new Promise<void>((resolve, reject) => {
      p.socket.once('open', () => resolve());
      p.socket.once('error', reject);
    });
    return p;
  }
  close() {
    this.socket.close();
  }
}

async function facilitator(room: Room): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(room.socketUrl.replace(/\/room$/, ''), 'room', doc, {
    params: { token: room.ownerToken },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, provider };
}

/**
 * `participants` rate `topics` touchpoints each, one rating per `spacingMs` (staggered); returns the
 * latency of every rating, ms.
 */
export async function ratingLatencies(room: Room, participants: number, topics: number, spacingMs: number): Promise<number[]> {
  const host = await facilitator(room);
  const topicIds = Array.from({ length: topics }, (_, i) => asId.topic(`t${i}`));
  openRound(host.doc, { id: `r${Date.now()}`, topicIds });
  await new Promise((r) => setTimeout(r, 100));
  const people = await Promise.all(Array.from({ length: participants }, () => LightParticipant.connect(room)));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const ratings = host.doc.getMap('ratings');
  const seen = (key: string) => {
    const t0 = sentAt.get(key);
    if (t0 !== undefined) {
      latencies.push(performance.now() - t0);
      sentAt.delete(key);
    }
  };
  ratings.observeDeep((events) => {
    for (const event of events) {
      if (event.target === ratings) {
        for (const key of event.keys.keys()) {
          const own = ratings.get(key);
          if (own instanceof Y.Map) for (const topic of own.keys()) seen(`${key}/${topic}`);
        }
      } else {
        const owner = event.path[0] as string;
        for (const topic of event.keys.keys()) seen(`${owner}/${topic}`);
      }
    }
  });
  const total = participants * topics;
  await Promise.all(
    people.map(async (p, n) => {
      await new Promise((r) => setTimeout(r, (spacingMs * n) / participants));
      for (let t = 0; t < topics; t++) {
        sentAt.set(`${p.id}/t${t}`, performance.now());
        rate(p.doc, p.id, asId.topic(`t${t}`), { score: (n + t) % 11 });
        await new Promise((r) => setTimeout(r, spacingMs));
      }
    }),
  );
  const deadline = Date.now() + 30_000;
  while (latencies.length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const p of people) p.close();
  host.provider.destroy();
  if (latencies.length < total) throw new Error(`${total - latencies.length} of ${total} ratings never reached the facilitator`);
  return latencies;
}

export function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? Number.NaN;
}

/**
 * Ramps participants up by `step` (each rating `topics` topics, one per `spacingMs`) until the p95
 * latency passes `limitMs`; returns the last count under it and what each step measured.
 */
export async function roomCapacity(root: string, opts: { step: number; max: number; topics: number; spacingMs: number; limitMs: number; log: (line: string) => void }) {
  const steps: { participants: number; p95: number }[] = [];
  let capacity = 0;
  for (let n = opts.step; n <= opts.max; n += opts.step) {
    const room = await startRoomProcess(root);
    try {
      const worst = p95(await ratingLatencies(room, n, opts.topics, opts.spacingMs));
      steps.push({ participants: n, p95: worst });
      opts.log(`room_capacity: ${n} participants → p95 ${worst.toFixed(1)} ms`);
      if (worst > opts.limitMs) break;
      capacity = n;
    } finally {
      room.stop();
    }
  }
  return { capacity, steps };
}
