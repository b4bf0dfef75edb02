import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  refusalKindOf,
  refusalMessage,
  checkUpdate,
  openRound,
  propose,
  rate,
  removeParticipant,
  setParticipantName,
  setRoomState,
  publish,
  decide,
  ROOM_LIMITS,
  type RoomActor,
} from '../../../shared/room';
import { asId } from '../../builders/ids';

const ME = 'pme';
const OTHER = 'pother';
const me: RoomActor = { role: 'participant', id: ME };

/** The room as the server holds it: a round open on t-1 and t-2. */
function room(): Y.Doc {
  const doc = new Y.Doc();
  setRoomState(doc, 'open');
  publish(doc, { title: 'Clinic', locale: 'en', stages: [{ id: asId.stage('s-1'), name: 'Awareness' }], touchpoints: [{ id: asId.topic('t-1'), label: 'Website' }], chains: [] });
  openRound(doc, { id: 'r-1', topicIds: [asId.topic('t-1'), asId.topic('t-2')] });
  return doc;
}

/** The update a participant's copy of `server` makes when `edit` runs on it. */
function updateFrom(server: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

const refusal = (result: ReturnType<typeof checkUpdate>) => (result.ok ? 'ok' : result.reason);

describe('checkUpdate: what a participant may write', () => {
  it('lets a participant set their own name, propose, and rate the open round', () => {
    const server = room();
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => setParticipantName(d, ME, 'Ann')), me))).toBe('ok');
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => propose(d, ME, 'x1', { label: 'Kiosk', channel: 'offline', createdAt: '2026-01-01T00:00:00Z' })), me))).toBe('ok');
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => rate(d, ME, asId.topic('t-1'), { score: 7, importance: 3 })), me))).toBe('ok');
  });

  it("refuses writing another participant's name, proposals or ratings", () => {
    const server = room();
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => setParticipantName(d, OTHER, 'Eve')), me))).toMatch(/own name/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => propose(d, OTHER, 'x1', { label: 'Spam', createdAt: 'now' })), me))).toMatch(/own proposals/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => rate(d, OTHER, asId.topic('t-1'), { score: 0 })), me))).toMatch(/own ratings/);
  });

  it("refuses changing or deleting another participant's existing rating", () => {
    const server = room();
    rate(server, OTHER, asId.topic('t-1'), { score: 9 });
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => rate(d, OTHER, asId.topic('t-1'), { score: 1 })), me))).toMatch(/own ratings/);
    const other = server.getMap('ratings').get(OTHER) as Y.Map<unknown>;
    expect(other.get('t-1')).toEqual({ score: 9 });
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => (d.getMap('ratings').get(OTHER) as Y.Map<unknown>).delete('t-1')), me))).toMatch(/own ratings/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => d.getMap('ratings').delete(OTHER)), me))).toMatch(/own ratings/);
  });

  it('refuses writes to the published view, the room, decisions and the round', () => {
    const server = room();
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => d.getMap('published').set('title', 'Hacked')), me))).toMatch(/may not change published/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => setRoomState(d, 'closed')), me))).toMatch(/may not change room/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => decide(d, `${ME}/x`, 'accepted')), me))).toMatch(/may not change decisions/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => d.getMap('round').set('open', false)), me))).toMatch(/may not change round/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => d.getMap('elsewhere').set('a', 1)), me))).toMatch(/not part of the room/);
  });

  it('refuses ratings out of range, for topics outside the round, or with no round open', () => {
    const server = room();
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => rate(d, ME, asId.topic('t-1'), { score: 11 })), me))).toMatch(/score must be a whole number 0–10/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => rate(d, ME, asId.topic('t-1'), { score: 4.5 })), me))).toMatch(/score/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => rate(d, ME, asId.topic('t-1'), { importance: 0 })), me))).toMatch(/importance must be/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => rate(d, ME, asId.topic('t-9'), { score: 5 })), me))).toMatch(/not in the open round/);
    server.getMap('round').set('open', false);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => rate(d, ME, asId.topic('t-1'), { score: 5 })), me))).toMatch(/no rating round is open/);
  });

  it('refuses everything from participants when the room is locked or closed, or they were removed', () => {
    const server = room();
    const name = () => updateFrom(server, (d) => setParticipantName(d, ME, 'Ann'));
    setRoomState(server, 'locked');
    expect(refusal(checkUpdate(server, name(), me))).toMatch(/locked/);
    setRoomState(server, 'closed');
    expect(refusal(checkUpdate(server, name(), me))).toMatch(/closed/);
    setRoomState(server, 'open');
    removeParticipant(server, ME);
    expect(refusal(checkUpdate(server, name(), me))).toMatch(/removed/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => setParticipantName(d, OTHER, 'Bob')), { role: 'participant', id: OTHER }))).toBe('ok');
  });

  it('names the kind of each refusal a phone says in its own language, and reads it back from the message', () => {
    const server = room();
    const kindOf = (result: ReturnType<typeof checkUpdate>) => (result.ok ? 'ok' : refusalKindOf(refusalMessage(result)));
    const name = () => updateFrom(server, (d) => setParticipantName(d, ME, 'Ann'));
    expect(kindOf(checkUpdate(server, updateFrom(server, (d) => rate(d, ME, asId.topic('t-1'), { score: 11 })), me))).toBe('invalid');
    server.getMap('round').set('open', false);
    expect(kindOf(checkUpdate(server, updateFrom(server, (d) => rate(d, ME, asId.topic('t-1'), { score: 5 })), me))).toBe('no-round');
    setRoomState(server, 'locked');
    expect(kindOf(checkUpdate(server, name(), me))).toBe('room-locked');
    setRoomState(server, 'closed');
    expect(kindOf(checkUpdate(server, name(), me))).toBe('room-closed');
    setRoomState(server, 'open');
    removeParticipant(server, ME);
    expect(kindOf(checkUpdate(server, name(), me))).toBe('removed');
    // a text from an older room, or anything else, is a change the room did not take
    expect(refusalKindOf('the room is locked')).toBe('invalid');
    expect(refusalKindOf('')).toBe('invalid');
  });

  it('holds the size limits: label, note, name, proposals per participant, bytes per update', () => {
    const server = room();
    const long = (n: number) => 'x'.repeat(n);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => propose(d, ME, 'a', { label: long(ROOM_LIMITS.label + 1), createdAt: 'now' })), me))).toMatch(/label is longer than 200/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => propose(d, ME, 'a', { label: long(ROOM_LIMITS.label), createdAt: 'now' })), me))).toBe('ok');
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => propose(d, ME, 'a', { label: 'A', note: long(1001), createdAt: 'now' })), me))).toMatch(/note is longer than 1000/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => propose(d, ME, 'a', { label: '  ', createdAt: 'now' })), me))).toMatch(/label is empty/);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => setParticipantName(d, ME, long(41))), me))).toMatch(/name is longer than 40/);
    const fifty = updateFrom(server, (d) => d.transact(() => {
      for (let i = 0; i < 50; i++) propose(d, ME, `p${i}`, { label: `Idea ${i}`, createdAt: 'now' });
    }));
    expect(refusal(checkUpdate(server, fifty, me))).toBe('ok');
    Y.applyUpdate(server, fifty);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => propose(d, ME, 'p50', { label: 'One more', createdAt: 'now' })), me))).toMatch(/more than 50 proposals/);
    // a phone's limit is 64 KB; the facilitator's (the published view grows with the map) is 8 MB
    const bigName = updateFrom(server, (d) => d.getMap('participants').set(ME, { name: long(70_000) }));
    expect(refusal(checkUpdate(server, bigName, me))).toMatch(/over the 65536-byte limit/);
    const wholeMap = updateFrom(server, (d) => d.getMap('published').set('title', long(70_000)));
    expect(refusal(checkUpdate(server, wholeMap, { role: 'facilitator' }))).toBe('ok');
    const huge = updateFrom(server, (d) => d.getMap('published').set('title', long(ROOM_LIMITS.facilitatorUpdateBytes + 1)));
    expect(refusal(checkUpdate(server, huge, { role: 'facilitator' }))).toMatch(/over the 8388608-byte limit/);
  });

  it('refuses a proposal with unknown fields or a wrong channel', () => {
    const server = room();
    const raw = (value: unknown) => updateFrom(server, (d) => {
      const own = new Y.Map<unknown>();
      d.getMap('inbox').set(ME, own);
      own.set('a', value);
    });
    expect(refusal(checkUpdate(server, raw({ label: 'A', createdAt: 'now', score: 10 }), me))).toMatch(/unknown field "score"/);
    expect(refusal(checkUpdate(server, raw({ label: 'A', createdAt: 'now', channel: 'mars' }), me))).toMatch(/online or offline/);
    expect(refusal(checkUpdate(server, raw({ label: 'A', createdAt: 'now' }), me))).toBe('ok');
  });

  it('lets the facilitator write everything and leaves the checked document untouched', () => {
    const server = room();
    const before = Y.encodeStateAsUpdate(server);
    expect(refusal(checkUpdate(server, updateFrom(server, (d) => d.getMap('published').set('title', 'New')), { role: 'facilitator' }))).toBe('ok');
    checkUpdate(server, updateFrom(server, (d) => rate(d, ME, asId.topic('t-1'), { score: 7 })), me);
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  });

  it('refuses an update that depends on changes the room has not seen', () => {
    const server = room();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
    setParticipantName(copy, ME, 'Ann');
    const sv1 = Y.encodeStateVector(copy);
    setParticipantName(copy, ME, 'Anna');
    expect(refusal(checkUpdate(server, Y.encodeStateAsUpdate(copy, sv1), me))).toMatch(/not seen/);
  });
});

describe('applyAndRevert', () => {
  it("applies a refused update and puts back what it touched, keeping others' values", async () => {
    const { applyAndRevert, readPublished, readRatings } = await import('../../../shared/room');
    const server = room();
    rate(server, OTHER, asId.topic('t-1'), { score: 9 });
    const update = updateFrom(server, (d) => {
      d.getMap('published').set('title', 'Hacked');
      d.getMap('ratings').delete(OTHER);
      rate(d, ME, asId.topic('t-9'), { score: 1 });
    });
    const verdict = checkUpdate(server, update, me);
    expect(verdict.ok).toBe(false);
    if (verdict.ok || !verdict.paths) throw new Error('expected a revertible refusal');
    applyAndRevert(server, update, verdict.paths, 'test');
    expect(readPublished(server).title).toBe('Clinic');
    expect(readRatings(server).get(OTHER)?.get(asId.topic('t-1'))).toEqual({ score: 9 });
    expect(readRatings(server).has(ME)).toBe(false);
  });
});

describe('createUpdateChecker: the same rules on a kept mirror of the room', () => {
  it('agrees with checkUpdate, follows the room, and recovers after an update it could not take', async () => {
    const { createUpdateChecker } = await import('../../../shared/room');
    const server = room();
    const checker = createUpdateChecker(server);
    const ok = updateFrom(server, (d) => rate(d, ME, asId.topic('t-1'), { score: 3 }));
    expect(refusal(checker.check(ok, me))).toBe('ok');
    Y.applyUpdate(server, ok);
    server.getMap('round').set('open', false); // the facilitator closes the round: the mirror follows
    expect(refusal(checker.check(updateFrom(server, (d) => rate(d, ME, asId.topic('t-1'), { score: 4 })), me))).toMatch(/no rating round is open/);
    server.getMap('round').set('open', true);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
    setParticipantName(copy, ME, 'Ann');
    const sv = Y.encodeStateVector(copy);
    setParticipantName(copy, ME, 'Anna');
    expect(refusal(checker.check(Y.encodeStateAsUpdate(copy, sv), me))).toMatch(/not seen/);
    expect(refusal(checker.check(updateFrom(server, (d) => rate(d, ME, asId.topic('t-2'), { score: 5 })), me))).toBe('ok');
    checker.destroy();
  });
});
