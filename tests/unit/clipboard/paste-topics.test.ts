/**
 * Pasting touchpoints: a plain-text list into a group, the app's JSON within a map and into another
 * map (stages, segments, competitors matched by name), refusals that name the bad field, and a paste
 * of thousands of lines as one change.
 */
import { describe, expect, it } from 'vitest';
import { childrenOf, CommandError, touchpointsOf, type MapDoc, type TopicId } from '@shared/model';
import { parseOutlineText } from '../../../renderer/src/features/clipboard/outline-text';
import { copiedTopics, makePayload, readPayload } from '../../../renderer/src/features/clipboard/clipboard-payload';
import { pasteTopics, type PasteOptions } from '../../../renderer/src/features/clipboard/paste-topics';
import { mapDoc } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

const counter = () => {
  let n = 0;
  return () => asId.topic(`t-p${(n += 1)}`);
};
const labels = (doc: MapDoc) => touchpointsOf(doc).map((topic) => topic.label);

describe('pasting a plain-text list', () => {
  it('adds a touchpoint per top-level line with its details, into the target group, after the others', () => {
    const map = mapDoc('Clinic', { preset: 'customer-journey' }).touchpoint('Existing', { channel: 'online', stage: 'Awareness' });
    const stageId = map.ids.stage('Purchase');
    const before = map.build();
    const { doc, touchpointIds } = pasteTopics(before, parseOutlineText('Website\r\n\tBooking form\r\nPhone'), { target: { channel: 'offline', stageId }, newId: counter() });
    expect(labels(doc)).toEqual(['Existing', 'Website', 'Phone']);
    expect(touchpointIds).toEqual(['t-p1', 't-p3']);
    expect(doc.topics[asId.topic('t-p1')]).toMatchObject({ channel: 'offline', stageId, label: 'Website' });
    expect(childrenOf(doc, asId.topic('t-p1')).map((t) => t.label)).toEqual(['Booking form']);
    expect(doc.topics[asId.topic('t-p2')]).not.toHaveProperty('channel'); // a detail takes its touchpoint's
    // untouched records keep their reference (autosave writes only the new ones)
    expect(doc.topics[map.ids.topic('Existing')]).toBe(before.topics[map.ids.topic('Existing')]);
    expect(before.topics[asId.topic('t-p1')]).toBeUndefined();
  });

  it('goes to Unsorted with no target, and changes nothing for an empty list', () => {
    const map = mapDoc('Clinic', { preset: 'customer-journey' });
    const { doc } = pasteTopics(map.build(), parseOutlineText('Loose idea'), { target: {}, newId: counter() });
    expect(doc.topics[asId.topic('t-p1')]).not.toHaveProperty('channel');
    expect(doc.topics[asId.topic('t-p1')]).not.toHaveProperty('stageId');
    expect(pasteTopics(map.build(), [], { target: {}, newId: counter() }).doc).toBe(map.build());
  });

  it('pastes 3,000 lines with details quickly, as one new doc', () => {
    const map = mapDoc('Clinic', { preset: 'customer-journey' });
    const lines: string[] = [];
    for (let i = 0; i < 3000; i += 1) lines.push(`Point ${i}`, `  detail ${i}`);
    const started = performance.now();
    const { doc, touchpointIds } = pasteTopics(map.build(), parseOutlineText(lines.join('\n')), { target: {}, newId: counter() });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(touchpointIds).toHaveLength(3000);
    expect(Object.keys(doc.topics)).toHaveLength(6001);
    expect(labels(doc).slice(-2)).toEqual(['Point 2998', 'Point 2999']);
  });

  it('keeps a 10,000-character label', () => {
    const label = 'x'.repeat(10000);
    const { doc } = pasteTopics(mapDoc('Clinic', { preset: 'customer-journey' }).build(), parseOutlineText(label), { target: {}, newId: counter() });
    expect(doc.topics[asId.topic('t-p1')]?.label).toHaveLength(10000);
  });

  it('refuses a target stage that is not in the map', () => {
    expect(() => pasteTopics(mapDoc('Clinic', { preset: 'customer-journey' }).build(), parseOutlineText('A'), { target: { stageId: asId.stage('s-gone') }, newId: counter() })).toThrow('stageId: "s-gone" is not a stage of this map');
  });
});

describe('copying and pasting touchpoints with their details', () => {
  const source = () =>
    mapDoc('Clinic', { preset: 'customer-journey' })
      .segment('New patients')
      .competitor('City Clinic')
      .touchpoint('Website', { channel: 'online', stage: 'Consideration' })
      .detail('Booking form', { under: 'Website' })
      .detail('Calendar', { under: 'Booking form' })
      .touchpoint('Reception', { channel: 'offline', stage: 'Purchase' });

  it('copies the selection in map order, a detail inside a selected touchpoint only once', () => {
    const map = source();
    const topics = copiedTopics(map.build(), [map.ids.topic('Reception'), map.ids.topic('Booking form'), map.ids.topic('Website'), 'group:online', map.ids.root]);
    expect(topics.map((t) => t.label)).toEqual(['Website', 'Reception']);
  });

  it('pastes a copy within the map with every field and detail, and new ids', () => {
    const map = source().set('Website', { score: 4, importance: 9, notes: 'Slow on phones', position: { x: 10, y: 20 } });
    const competitor = map.ids.competitor('City Clinic');
    const segment = map.ids.segment('New patients');
    map.set('Website', { competitorScores: { [competitor]: 7 }, segmentIds: [segment], action: { what: 'Faster pages', status: 'doing' } });
    const payload = readPayload(JSON.stringify(makePayload(map.build(), copiedTopics(map.build(), [map.ids.topic('Website')]))));
    expect(payload).not.toBeNull();
    const { doc, touchpointIds } = pasteTopics(map.build(), payload?.topics ?? [], { target: {}, source: payload ?? undefined, newId: counter() });
    const copy = doc.topics[touchpointIds[0] as TopicId];
    expect(copy).toMatchObject({
      label: 'Website',
      channel: 'online',
      stageId: map.ids.stage('Consideration'),
      score: 4,
      importance: 9,
      notes: 'Slow on phones',
      competitorScores: { [competitor]: 7 },
      segmentIds: [segment],
      action: { what: 'Faster pages', status: 'doing' },
    });
    expect(copy).not.toHaveProperty('position');
    expect(childrenOf(doc, copy?.id ?? asId.topic('')).map((t) => t.label)).toEqual(['Booking form']);
    expect(childrenOf(doc, childrenOf(doc, copy?.id ?? asId.topic(''))[0]?.id ?? asId.topic('')).map((t) => t.label)).toEqual(['Calendar']);
  });

  it('pastes into another map, matching stages, segments and competitors by name and dropping the rest', () => {
    const from = source().set('Website', { score: 3 });
    from.set('Website', { competitorScores: { [from.ids.competitor('City Clinic')]: 8 }, segmentIds: [from.ids.segment('New patients')] });
    const payload = makePayload(from.build(), copiedTopics(from.build(), [from.ids.topic('Website')]));
    // another map: its own id, and its records' ids unrelated to the source's
    const to = mapDoc('Clinic', { id: 'm-other', preset: 'before-during-after' }).segment('Regulars', { id: 'g-theirs' }).competitor('city clinic', { id: 'c-theirs' });
    expect(to.build().map.stages.some((s) => s.name === 'Consideration')).toBe(false);
    const { doc, touchpointIds } = pasteTopics(to.build(), payload.topics, { target: {}, source: payload, newId: counter() });
    const copy = doc.topics[touchpointIds[0] as TopicId];
    expect(copy).toMatchObject({ channel: 'online', score: 3, competitorScores: { [to.ids.competitor('city clinic')]: 8 } });
    expect(copy).not.toHaveProperty('stageId'); // no "Consideration" here: unsorted
    expect(copy).not.toHaveProperty('segmentIds');
  });

  it('refuses a bad value with the topic and field named, changing nothing', () => {
    const map = source();
    const options: PasteOptions = { target: {}, newId: counter() };
    const entries = [{ label: 'A', children: [{ label: 'B', fields: { score: 14 }, children: [] }] }];
    expect(() => pasteTopics(map.build(), entries, options)).toThrow(CommandError);
    expect(() => pasteTopics(map.build(), entries, options)).toThrow('topics[0].children[0].score: 14 is not 0–10');
    expect(() => pasteTopics(map.build(), [{ label: 42 as unknown as string, children: [] }], options)).toThrow('topics[0].label: 42 is not text');
  });

  it('reads only its own clipboard format', () => {
    expect(readPayload('Website\n  Booking form')).toBeNull();
    expect(readPayload('{"format":"other"}')).toBeNull();
    expect(readPayload('{"format":"touchmap-clipboard","version":2,"topics":[]}')).toBeNull();
  });
});
