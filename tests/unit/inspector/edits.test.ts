import { describe, expect, it } from 'vitest';
import { touchpointsOf } from '@shared/model/selectors';
import type { MapDoc, Topic } from '@shared/model/types';
import { buildTemplate } from '@shared/templates';
import { commonValue, segmentState, setActionPart, toggleSegment } from '../../../renderer/src/features/inspector/edits';
import { nameProblem } from '../../../renderer/src/features/map-settings/names';
import { asId } from '../../builders/ids';

let n = 0;
const clinic = (): MapDoc => buildTemplate('clinic', { locale: 'en', newId: asId.maker((p) => `${p}-${++n}`), now: '2026-11-20T09:00:00.000Z' });
const byLabel = (doc: MapDoc, label: string): Topic => {
  const topic = touchpointsOf(doc).find((t) => t.label === label);
  if (!topic) throw new Error(`no touchpoint ${label}`);
  return topic;
};

describe('inspector edits on a multi-selection', () => {
  it('shows the shared value, or mixed when the selection disagrees', () => {
    const doc = clinic();
    const ad = byLabel(doc, 'Context ad');
    const site = byLabel(doc, 'Site page');
    const chat = byLabel(doc, 'Question to the online chat consultant');
    expect(commonValue([ad, site], (t) => t.channel)).toEqual({ value: 'online', mixed: false });
    expect(commonValue([ad, chat], (t) => t.reaction)).toEqual({ value: undefined, mixed: true });
    expect(commonValue([ad, site], (t) => t.action?.owner)).toEqual({ value: undefined, mixed: true });
    expect(commonValue([], (t) => t.score)).toEqual({ value: undefined, mixed: false });
  });

  it('adds a segment to every selected touchpoint, keeping each one’s own, in one command', () => {
    const doc = clinic();
    const [newPatients, returning] = doc.map.segments;
    const ad = byLabel(doc, 'Context ad'); // new patients
    const mailing = byLabel(doc, 'Mailing list or SMS with the clinic’s offers'); // returning
    expect(segmentState([ad, mailing], returning!.id)).toBe('some');
    const next = toggleSegment([ad.id, mailing.id], returning!.id, true)(doc);
    expect(next.topics[ad.id]?.segmentIds).toEqual([newPatients!.id, returning!.id]);
    expect(next.topics[mailing.id]?.segmentIds).toEqual([returning!.id]);
    expect(segmentState([next.topics[ad.id]!, next.topics[mailing.id]!], returning!.id)).toBe('all');
    const off = toggleSegment([ad.id, mailing.id], returning!.id, false)(next);
    expect(off.topics[mailing.id]?.segmentIds).toBeUndefined();
    expect(off.topics[ad.id]?.segmentIds).toEqual([newPatients!.id]);
    expect(doc.topics[ad.id]?.segmentIds).toEqual([newPatients!.id]); // the input doc is untouched
  });

  it('sets one part of the action on each touchpoint, keeping the rest of each one’s action', () => {
    const doc = clinic();
    const ad = byLabel(doc, 'Context ad');
    const reception = byLabel(doc, 'Talk with reception'); // has no action
    const next = setActionPart([ad.id, reception.id], 'owner', 'Head nurse')(doc);
    expect(next.topics[ad.id]?.action).toEqual({ what: 'Rewrite the ad around the free diagnosis', owner: 'Head nurse', due: '2026-12-15', status: 'todo' });
    expect(next.topics[reception.id]?.action).toEqual({ what: '', owner: 'Head nurse', status: 'todo' });
    // clearing the only part of a new action removes the action again
    const cleared = setActionPart([reception.id], 'owner', undefined)(next);
    expect(cleared.topics[reception.id]?.action).toBeUndefined();
    const due = setActionPart([ad.id], 'due', undefined)(doc);
    expect(due.topics[ad.id]?.action).toEqual({ what: 'Rewrite the ad around the free diagnosis', owner: 'Marketing', status: 'todo' });
  });

  it('refuses a bad due date whole: no topic of the selection changes', () => {
    const doc = clinic();
    const ad = byLabel(doc, 'Context ad');
    const site = byLabel(doc, 'Site page');
    expect(() => setActionPart([ad.id, site.id], 'due', '2026-13-45')(doc)).toThrow(/action\.due/);
    expect(doc.topics[ad.id]?.action?.due).toBe('2026-12-15');
  });
});

describe('map settings names', () => {
  const stages = [
    { id: 's-1', name: 'Awareness' },
    { id: 's-2', name: 'Purchase' },
  ];
  it('refuses empty and duplicate names, case-insensitively, but lets an entry keep its own', () => {
    expect(nameProblem('stage', '  ', stages)).toBe('A stage needs a name.');
    expect(nameProblem('stage', ' purchase ', stages)).toBe('There is already a stage “purchase”.');
    expect(nameProblem('stage', 'Purchase', stages, 's-2')).toBeNull();
    expect(nameProblem('competitor', 'City Clinic', [])).toBeNull();
  });
});
