import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../../../electron/main/room/room-server';
import { openRound, participantIdOf, propose, rate, readInbox, readRatings } from '../../../shared/room';
import { facilitatorClient, participantClient, synced, until, type RoomClient } from './room-clients';
import { asId } from '../../builders/ids';

const PARTICIPANTS = 30;
const PROPOSALS = 5;
const TOPICS = 50;
const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());

const clients: RoomClient[] = [];
let server: RoomServer | undefined;
afterAll(async () => {
  for (const client of clients) client.close();
  await server?.close();
});

describe('room server under load', () => {
  it(`${PARTICIPANTS} participants each propose ${PROPOSALS} touchpoints and rate ${TOPICS}: all arrive at the facilitator, none twice`, async () => {
    server = await startRoomServer({ host: '127.0.0.1', port: 0 });
    const host = facilitatorClient(server);
    clients.push(host);
    await synced(host);
    const topicIds = Array.from({ length: TOPICS }, (_, i) => asId.topic(`t${i}`));
    openRound(host.doc, { id: 'r1', topicIds });
    const people = Array.from({ length: PARTICIPANTS }, () => participantClient(server!));
    clients.push(...people);
    await Promise.all(people.map((p) => synced(p, 20_000)));
    const ids = await Promise.all(people.map((p) => participantIdOf(p.secret!, sha256)));
    const expected = new Map<string, number>();
    await until(() => people.every((p) => p.doc.getMap('round').get('open') === true), 'the round on every page', 20_000);
    const started = Date.now();
    people.forEach((p, n) => {
      const id = ids[n]!;
      for (let k = 0; k < PROPOSALS; k++) propose(p.doc, id, `x${k}`, { label: `Idea ${n}.${k}`, createdAt: new Date().toISOString() });
      topicIds.forEach((topicId, t) => {
        const score = (n + t) % 11;
        expected.set(`${id}/${topicId}`, score);
        // One update per rating, as a person tapping buttons makes them.
        rate(p.doc, id, topicId, { score });
      });
    });
    await until(() => readInbox(host.doc).length === PARTICIPANTS * PROPOSALS && [...readRatings(host.doc).values()].reduce((s, m) => s + m.size, 0) === PARTICIPANTS * TOPICS, 'every proposal and rating', 60_000);
    expect(Date.now() - started).toBeLessThan(60_000);
    const inbox = readInbox(host.doc);
    expect(new Set(inbox.map((item) => item.key)).size).toBe(inbox.length);
    const ratings = readRatings(host.doc);
    for (const [key, score] of expected) {
      const [id, topicId] = key.split('/') as [string, string];
      expect(ratings.get(id)?.get(asId.topic(topicId))?.score).toBe(score);
    }
    expect(people.every((p) => p.refusals.length === 0)).toBe(true);
  }, 90_000);
});
