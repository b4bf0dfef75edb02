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
import { newSecret, openRound, participantIdOf, propose, rate, readRound, setParticipantName } from '../../shared/room';
import { createHash } from 'node:crypto';
import { asId } from '../builders/ids';
import type { TopicId } from '../../shared/model/types';

const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());

interface Room {
  readonly socketUrl: string;
  readonly token: string;
  readonly ownerToken: string;
  /** The owner address as `npm run room` prints it: what the facilitator pastes into the panel. */
  readonly ownerUrl: string;
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
      const owner = /owner\) socket: (\S+\?token=([0-9a-f]+))/.exec(text);
      if (participant && owner) {
        child.removeAllListeners('exit');
        resolve({ socketUrl: `ws://${participant[1]}/room`, token: participant[2]!, ownerToken: owner[2]!, ownerUrl: owner[1]!, stop: () => child.kill('SIGTERM') });
      }
    });
  });
}

/** A participant that only sends: its own Yjs doc makes the updates, the room's are ignored. */
export class LightParticipant {
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

/**
 * The round the facilitator's app opened, as the room holds it: its touchpoints' ids once it has
 * `count` of them. Read by an owner client that leaves again, so the participants below need
 * nothing of the room's state.
 */
export async function openRoundTopics(room: Room, count: number, timeoutMs = 30_000): Promise<string[]> {
  const host = await facilitator(room);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const round = readRound(host.doc);
      if (round?.open && round.topicIds.length >= count) return [...round.topicIds];
      if (Date.now() > deadline) throw new Error(`the room has no open round of ${count} touchpoints after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    host.provider.destroy();
  }
}

export interface Phones {
  readonly people: readonly LightParticipant[];
  close(): void;
}

/** `participants` phones joined and named ("Phone 1" …), as people are after scanning the code. */
export async function joinPhones(room: Room, participants: number): Promise<Phones> {
  const people = await Promise.all(Array.from({ length: participants }, () => LightParticipant.connect(room)));
  people.forEach((p, n) => setParticipantName(p.doc, p.id, `Phone ${n + 1}`));
  return { people, close: () => people.forEach((p) => p.close()) };
}

export interface Burst {
  /** Every proposal's label, as the facilitator's inbox should list them: each once. */
  readonly labels: readonly string[];
  readonly ratings: number;
  /** performance.now() (this process) when the last update was sent. */
  readonly lastSentAt: number;
}

/**
 * Each phone proposes `proposals` touchpoints and rates every one of `topicIds`, one update per
 * tap, its taps evenly spread over `windowMs` and the phones staggered across one tap's interval,
 * so the room sees a steady stream rather than thirty bursts at once.
 */
export async function proposeAndRate(phones: Phones, topicIds: readonly TopicId[], options: { proposals: number; windowMs: number }): Promise<Burst> {
  const labels: string[] = [];
  let ratings = 0;
  let lastSentAt = 0;
  const taps = topicIds.length + options.proposals;
  const interval = options.windowMs / taps;
  await Promise.all(
    phones.people.map(async (p, n) => {
      // a proposal after every (taps / proposals)-th rating: ideas come while rating
      const proposeEvery = Math.max(1, Math.floor(taps / Math.max(1, options.proposals)));
      let proposed = 0;
      let rated = 0;
      await new Promise((r) => setTimeout(r, (interval * n) / phones.people.length));
      for (let tap = 0; tap < taps; tap++) {
        if (proposed < options.proposals && (tap % proposeEvery === proposeEvery - 1 || rated === topicIds.length)) {
          const label = `Idea ${n + 1}.${proposed + 1}`;
          labels.push(label);
          propose(p.doc, p.id, `x${proposed}`, { label, createdAt: new Date().toISOString() });
          proposed++;
        } else {
          rate(p.doc, p.id, topicIds[rated]!, { score: (n + rated) % 11 });
          rated++;
          ratings++;
        }
        lastSentAt = performance.now();
        await new Promise((r) => setTimeout(r, interval));
      }
    }),
  );
  return { labels, ratings, lastSentAt };
}
