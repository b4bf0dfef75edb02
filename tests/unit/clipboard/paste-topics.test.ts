/**
 * Pasting touchpoints: a plain-text list into a group, the app's JSON within a map and into another
 * map (stages, segments, competitors matched by name), refusals that name the bad field, and a paste
 * of thousands of lines as one change.
 */
import { describe, expect, it } from 'vitest';
import { CommandError, childrenOf, touchpointsOf, type MapDoc } from '@shared/model';
import { parseOutlineText } from '../../../renderer/src/features/clipboard/outline-text';
import { copiedTopics, makePayload, readPayload } from '../../../renderer/src/features/clipboard/clipboard-payload';
import { pasteTopics, type PasteOptions } from '../../../renderer/src/features/clipboard/paste-topics';
import { createTestMap } from '../model/driver';

const counter = () => {
  let n = 0;
  return () => `t-p${(n += 1)}`;
};
const labels = (doc: MapDoc) => touchpointsOf(doc).map((topic) => topic.label);

describe('pasting a plain-text list', () => {
  it('adds a touchpoint per top-level line with its details, into the target group, after the others', () => {
    const map = createTestMap().addTouchpoint('Existing', { channel: 'online', stage: 'Awareness' });
    const stageId = map.stageId('Purchase');
    const before = map.doc;
    const { doc, touchpointIds } = pasteTopics(before, parseOutlineText('Website\r\n\tBooking form\r\nPhone'), { target: { channel: 'offline', stageId }, newId: counter() });
    expect(labels(doc)).toEqual(['Existing', 'Website', 'Phone']);
    expect(touchpointIds).toEqual(['t-p1', 't-p3']);
    expect(doc.topics['t-p1']).toMatchObject({ channel: 'offline', stageId, label: 'Website' });
    expect(childrenOf(doc, 't-p1').map((t) => t.label)).toEqual(['Booking form']);
    expect(doc.topics['t-p2']).not.toHaveProperty('channel'); // a detail takes its touchpoint's
    // untouched records keep their reference (autosave writes only the new ones)
    expect(doc.topics[map.id('Existing')]).toBe(before.topics[map.id('Existing')]);
    expect(before.topics['t-p1']).toBeUndefined();
  });

  it('goes to Unsorted with no target, and changes nothing for an empty list', () => {
    const map = createTestMap();
    const { doc } = pasteTopics(map.doc, parseOutlineText('Loose idea'), { target: {}, newId: counter() });
    expect(doc.topics['t-p1']).not.toHaveProperty('channel');
    expect(doc.topics['t-p1']).not.toHaveProperty('stageId');
    expect(pasteTopics(map.doc, [], { target: {}, newId: counter() }).doc).toBe(map.doc);
  });

  it('pastes 3,000 lines with details quickly, as one new doc', () => {
    const map = createTestMap();
    const lines: string[] = [];
    for (let i = 0; i < 3000; i += 1) lines.push(`Point ${i}`, `  detail ${i}`);
    const started = performance.now();
    const { doc, touchpointIds } = pasteTopics(map.doc, parseOutlineText(lines.join('\n')), { target: {}, newId: counter() });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(touchpointIds).toHaveLength(3000);
    expect(Object.keys(doc.topics)).toHaveLength(6001);
    expect(labels(doc).slice(-2)).toEqual(['Point 2998', 'Point 2999']);
  });

  it('keeps a 10,000-character label', () => {
    const label = 'x'.repeat(10000);
    const { doc } = pasteTopics(createTestMap().doc, parseOutlineText(label), { target: {}, newId: counter() });
    expect(doc.topics['t-p1']?.label).toHaveLength(10000);
  });

  it('refuses a target stage that is not in the map', () => {
    expect(() => pasteTopics(createTestMap().doc, parseOutlineText('A'), { target: { stageId: 's-gone' }, newId: counter() })).toThrow('stageId: "s-gone" is not a stage of this map');
  });
});

describe('copying and pasting touchpoints with their details', () => {
  const source = () =>
    createTestMap({ title: 'Clinic' })
      .addSegment('New patients')
      .addCompetitor('City Clinic')
      .addTouchpoint('Website', { channel: 'online', stage: 'Consideration' })
      .addDetail('Booking form', { under: 'Website' })
      .addDetail('Calendar', { under: 'Booking form' })
      .addTouchpoint('Reception', { channel: 'offline', stage: 'Purchase' });

  it('copies the selection in map order, a detail inside a selected touchpoint only once', () => {
    const map = source();
    const topics = copiedTopics(map.doc, [map.id('Reception'), map.id('Booking form'), map.id('Website'), 'group:online', map.root.id]);
    expect(topics.map((t) => t.label)).toEqual(['Website', 'Reception']);
  });

  it('pastes a copy within the map with every field and detail, and new ids', () => {
    const map = source().set('Website', { score: 4, importance: 9, notes: 'Slow on phones', position: { x: 10, y: 20 } });
    map.apply((d) => d); // no-op
    const competitor = map.competitorId('City Clinic');
    const segment = map.segmentId('New patients');
    map.set('Website', { competitorScores: { [competitor]: 7 }, segmentIds: [segment], action: { what: 'Faster pages', status: 'doing' } });
    const payload = readPayload(JSON.stringify(makePayload(map.doc, copiedTopics(map.doc, [map.id('Website')]))));
    expect(payload).not.toBeNull();
    const { doc, touchpointIds } = pasteTopics(map.doc, payload?.topics ?? [], { target: {}, source: payload ?? undefined, newId: counter() });
    const copy = doc.topics[touchpointIds[0] as string];
    expect(copy).toMatchObject({
      label: 'Website',
      channel: 'online',
      stageId: map.stageId('Consideration'),
      score: 4,
      importance: 9,
      notes: 'Slow on phones',
      competitorScores: { [competitor]: 7 },
      segmentIds: [segment],
      action: { what: 'Faster pages', status: 'doing' },
    });
    expect(copy).not.toHaveProperty('position');
    expect(childrenOf(doc, copy?.id ?? '').map((t) => t.label)).toEqual(['Booking form']);
    expect(childrenOf(doc, childrenOf(doc, copy?.id ?? '')[0]?.id ?? '').map((t) => t.label)).toEqual(['Calendar']);
  });

  it('pastes into another map, matching stages, segments and competitors by name and dropping the rest', () => {
    const from = source().set('Website', { score: 3 });
    from.set('Website', { competitorScores: { [from.competitorId('City Clinic')]: 8 }, segmentIds: [from.segmentId('New patients')] });
    const payload = makePayload(from.doc, copiedTopics(from.doc, [from.id('Website')]));
    // another map: its own id, and its records' ids unrelated to the source's
    const to = createTestMap({ preset: 'before-during-after' }).apply((d) => ({ ...d, map: { ...d.map, id: 'm-other' } }));
    to.addSegment('Regulars').addCompetitor('city clinic');
    expect(to.doc.map.stages.some((s) => s.name === 'Consideration')).toBe(false);
    const { doc, touchpointIds } = pasteTopics(to.doc, payload.topics, { target: {}, source: payload, newId: counter() });
    const copy = doc.topics[touchpointIds[0] as string];
    expect(copy).toMatchObject({ channel: 'online', score: 3, competitorScores: { [to.competitorId('city clinic')]: 8 } });
    expect(copy).not.toHaveProperty('stageId'); // no "Consideration" here: unsorted
    expect(copy).not.toHaveProperty('segmentIds');
  });

  it('refuses a bad value with the topic and field named, changing nothing', () => {
    const map = source();
    const options: PasteOptions = { target: {}, newId: counter() };
    const entries = [{ label: 'A', children: [{ label: 'B', fields: { score: 14 }, children: [] }] }];
    expect(() => pasteTopics(map.doc, entries, options)).toThrow(CommandError);
    expect(() => pasteTopics(map.doc, entries, options)).toThrow('topics[0].children[0].score: 14 is not 0–10');
    expect(() => pasteTopics(map.doc, [{ label: 42 as unknown as string, children: [] }], options)).toThrow('topics[0].label: 42 is not text');
  });

  it('reads only its own clipboard format', () => {
    expect(readPayload('Website\n  Booking form')).toBeNull();
    expect(readPayload('{"format":"other"}')).toBeNull();
    expect(readPayload('{"format":"touchmap-clipboard","version":2,"topics":[]}')).toBeNull();
  });
});
