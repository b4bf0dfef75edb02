import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { acceptProposal, applyRoundScores, mergeProposal, rejectProposal, startRound } from '../../../renderer/src/features/room/room-actions';
import type { RoomLink } from '../../../renderer/src/features/room/room-link';
import { openRound, propose, rate, readInbox } from '../../../shared/room';
import { openEditor } from '../../builders/editor';
import { mapDoc } from '../../builders/map-doc';

/** The facilitator's side of a room without a socket: the room document alone. */
function fakeLink(): RoomLink {
  const doc = new Y.Doc();
  return { doc, ownerUrl: 'ws://test/room?token=x', status: () => 'connected', synced: () => true, subscribe: () => () => {}, destroy: () => {} };
}

const cafe = mapDoc('Cafe', { stages: ['Awareness', 'Loyalty'] }).touchpoint('Website', { channel: 'online', stage: 'Awareness', notes: 'Old note' });

describe('the facilitator turns the room into commands', () => {
  it('accepting a proposal adds the touchpoint at its stage and channel in one undo step', () => {
    const editor = openEditor(cafe.build());
    const link = fakeLink();
    propose(link.doc, 'pann', 'x1', { label: 'Loyalty app', stageId: cafe.ids.stage('Loyalty'), channel: 'online', note: 'Stamps', createdAt: '2026-01-01T00:00:00Z' });
    expect(acceptProposal(link, readInbox(link.doc)[0]!)).toBe(true);
    const added = Object.values(editor.doc.topics).find((topic) => topic.label === 'Loyalty app');
    expect(added).toMatchObject({ stageId: cafe.ids.stage('Loyalty'), channel: 'online', notes: 'Stamps', parentId: cafe.ids.root });
    expect(readInbox(link.doc)[0]!.decision).toBe('accepted');
    expect(editor.undoSteps).toBe(1);
    editor.undo();
    expect(Object.values(editor.doc.topics).some((topic) => topic.label === 'Loyalty app')).toBe(false);
  });

  it('a stage the map no longer has is left out rather than refused', () => {
    const editor = openEditor(cafe.build());
    const link = fakeLink();
    propose(link.doc, 'pann', 'x1', { label: 'Kiosk', stageId: 's-gone', createdAt: 'now' });
    acceptProposal(link, readInbox(link.doc)[0]!);
    expect(Object.values(editor.doc.topics).find((topic) => topic.label === 'Kiosk')?.stageId).toBeUndefined();
  });

  it('merging adds the note to the chosen touchpoint; rejecting changes nothing on the map', () => {
    const editor = openEditor(cafe.build());
    const link = fakeLink();
    propose(link.doc, 'pann', 'x1', { label: 'Site', note: 'Slow on phones', createdAt: '1' });
    propose(link.doc, 'pann', 'x2', { label: 'Spam', createdAt: '2' });
    const [site, spam] = readInbox(link.doc);
    mergeProposal(link, site!, cafe.ids.topic('Website'));
    expect(editor.topic('Website').notes).toBe('Old note\nSlow on phones');
    const before = editor.doc;
    rejectProposal(link, spam!);
    expect(editor.doc).toBe(before);
    expect(readInbox(link.doc).map((item) => item.decision)).toEqual(['merged', 'rejected']);
  });

  it("applying a round writes the means as scores in one undo step", () => {
    const editor = openEditor(cafe.build());
    const link = fakeLink();
    const web = cafe.ids.topic('Website');
    startRound(link, [web], 5, Date.parse('2026-01-01T00:00:00Z'));
    expect(link.doc.getMap('round').get('endsAt')).toBe('2026-01-01T00:05:00.000Z');
    rate(link.doc, 'pa', web, { score: 9, importance: 8 });
    rate(link.doc, 'pb', web, { score: 6 });
    expect(applyRoundScores(link)).toBe(true);
    expect(editor.topic('Website')).toMatchObject({ score: 8, importance: 8 });
    expect(editor.undoSteps).toBe(1);
    editor.undo();
    expect(editor.topic('Website').score).toBeUndefined();
  });

  it('applying a round nobody rated does nothing', () => {
    const editor = openEditor(cafe.build());
    const link = fakeLink();
    openRound(link.doc, { id: 'r', topicIds: [cafe.ids.topic('Website')] });
    expect(applyRoundScores(link)).toBe(false);
    expect(editor.undoSteps).toBe(0);
  });
});
