import { describe, expect, it } from 'vitest';
import { RestoreError, chainsOf, childrenOf, restoreMapDoc, rootOf, type MapDoc } from '@shared/model';
import { driveCommands } from './driver';
import { asId } from '../../builders/ids';

/** A doc as the DB stores it: one map row, topic rows and chain rows (with the mapId they carry). */
function rows(doc: MapDoc) {
  return {
    map: structuredClone(doc.map) as unknown,
    topics: Object.values(doc.topics).map((topic) => ({ ...structuredClone(topic), mapId: doc.map.id })) as unknown[],
    chains: chainsOf(doc).map((chain) => ({ ...structuredClone(chain), mapId: doc.map.id })) as unknown[],
  };
}

const clinic = () =>
  driveCommands({ title: 'Clinic' })
    .addSegment('New patients')
    .addCompetitor('City Clinic')
    .addTouchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .addTouchpoint('Website', { channel: 'online', stage: 'Consideration' })
    .addTouchpoint('Reception', { channel: 'offline', stage: 'Purchase' })
    .addDetail('Booking form', { under: 'Website' })
    .addDetail('Date picker', { under: 'Booking form' })
    .set('Website', { score: 4, importance: 8, reaction: 'neutral', action: { what: 'Faster pages', due: '2026-12-15', status: 'todo' } })
    .addChain('First visit', ['Context ad', 'Website', 'Reception'], { segment: 'New patients' })
    .addChain('Check-up', ['Reception']);

/** Replaces one topic row (found by label) in stored rows. */
function withTopicRow(raw: ReturnType<typeof rows>, label: string, change: (row: Record<string, unknown>) => Record<string, unknown>) {
  return { ...raw, topics: raw.topics.map((row) => ((row as { label: string }).label === label ? change({ ...(row as Record<string, unknown>) }) : row)) };
}

describe('restoreMapDoc', () => {
  it('restores a sound map exactly, with no repairs and without the rows’ mapId', () => {
    const map = clinic();
    const { doc, repairs } = restoreMapDoc(rows(map.doc));
    expect(repairs).toEqual([]);
    expect(doc).toEqual(map.doc);
  });

  it('drops a bad field value, not the topic, and says so', () => {
    const map = clinic();
    const raw = withTopicRow(rows(map.doc), 'Website', (row) => ({ ...row, score: 14, reaction: 'meh', importance: 8 }));
    const { doc, repairs } = restoreMapDoc(raw);
    expect(doc.topics[map.id('Website')]).toMatchObject({ label: 'Website', importance: 8, channel: 'online' });
    expect(doc.topics[map.id('Website')]).not.toHaveProperty('score');
    expect(doc.topics[map.id('Website')]).not.toHaveProperty('reaction');
    expect(repairs).toEqual([
      'topic "Website": score: 14 is not 0–10 — removed',
      'topic "Website": reaction: "meh" is not one of positive, neutral, negative — removed',
    ]);
  });

  it('drops references to stages, segments and competitors the map does not have', () => {
    const map = clinic();
    const city = map.competitorId('City Clinic');
    const segment = map.segmentId('New patients');
    const raw = withTopicRow(rows(map.doc), 'Reception', (row) => ({ ...row, stageId: 's-gone', segmentIds: ['g-gone', segment], competitorScores: { 'c-gone': 3, [city]: 6 } }));
    const { doc, repairs } = restoreMapDoc(raw);
    const reception = doc.topics[map.id('Reception')];
    expect(reception).not.toHaveProperty('stageId');
    expect(reception?.segmentIds).toEqual([segment]);
    expect(reception?.competitorScores).toEqual({ [city]: 6 });
    expect(repairs).toEqual([
      'topic "Reception": stageId: "s-gone" is not a stage of this map (now unsorted) — removed',
      'topic "Reception": segmentIds: "g-gone" not segments of this map — removed',
      'topic "Reception": competitorScores: "c-gone" not competitors of this map — removed',
    ]);
  });

  it('re-attaches orphans to the root as touchpoints', () => {
    const map = clinic();
    const raw = { ...rows(map.doc), topics: rows(map.doc).topics.filter((row) => (row as { label: string }).label !== 'Booking form') };
    const { doc, repairs } = restoreMapDoc(raw);
    expect(doc.topics[map.id('Date picker')]?.parentId).toBe('t-root');
    expect(childrenOf(doc, asId.topic('t-root')).map((t) => t.label)).toContain('Date picker');
    expect(repairs).toEqual([`topic "Date picker": its parent "${map.id('Booking form')}" is missing — now a touchpoint`]);
  });

  it('breaks a cycle by re-attaching the topic where the loop closes', () => {
    const map = clinic();
    // Website → Booking form → Date picker → Website
    const raw = withTopicRow(rows(map.doc), 'Website', (row) => ({ ...row, parentId: map.id('Date picker') }));
    const { doc, repairs } = restoreMapDoc(raw);
    expect(repairs).toEqual(['topic "Website": its parents looped back to it — now a touchpoint']);
    expect(doc.topics[map.id('Website')]?.parentId).toBe('t-root');
    expect(doc.topics[map.id('Booking form')]?.parentId).toBe(map.id('Website'));
    expect(doc.topics[map.id('Website')]?.channel).toBe('online');
  });

  it('breaks a topic that is its own parent', () => {
    const map = clinic();
    const raw = withTopicRow(rows(map.doc), 'Reception', (row) => ({ ...row, parentId: row.id }));
    const { doc, repairs } = restoreMapDoc(raw);
    expect(doc.topics[map.id('Reception')]?.parentId).toBe('t-root');
    expect(repairs).toHaveLength(1);
  });

  it('creates a missing root named after the map, and demotes a second root', () => {
    const map = clinic();
    const noRoot = { ...rows(map.doc), topics: rows(map.doc).topics.filter((row) => (row as { parentId: unknown }).parentId !== null) };
    const restored = restoreMapDoc(noRoot);
    const root = rootOf(restored.doc);
    expect(root.label).toBe('Clinic');
    expect(root.id).not.toBe('t-root');
    expect(childrenOf(restored.doc, root.id).map((t) => t.label)).toEqual(['Context ad', 'Website', 'Reception']);
    expect(restored.repairs[0]).toBe('the map had no root topic — one named "Clinic" was created');
    // the orphans it adopts are reported too
    expect(restored.repairs).toHaveLength(4);

    const twoRoots = withTopicRow(rows(map.doc), 'Reception', (row) => ({ ...row, parentId: null, channel: undefined }));
    const second = restoreMapDoc(twoRoots);
    expect(rootOf(second.doc).id).toBe('t-root');
    expect(second.doc.topics[map.id('Reception')]?.parentId).toBe('t-root');
    expect(second.repairs).toEqual(['topic "Reception": a second root — now a touchpoint']);
  });

  it('creates the root of a map with no topics at all', () => {
    const { doc, repairs } = restoreMapDoc({ map: rows(clinic().doc).map, topics: [], chains: [] });
    expect(Object.values(doc.topics)).toEqual([{ id: rootOf(doc).id, parentId: null, order: 0, label: 'Clinic' }]);
    expect(repairs).toEqual(['the map had no topics — its root topic was created']);
  });

  it('drops a detail’s own channel and stage: it shows its touchpoint’s', () => {
    const map = clinic();
    const raw = withTopicRow(rows(map.doc), 'Booking form', (row) => ({ ...row, channel: 'offline', stageId: map.stageId(0) }));
    const { doc, repairs } = restoreMapDoc(raw);
    expect(doc.topics[map.id('Booking form')]).not.toHaveProperty('channel');
    expect(repairs).toEqual(['topic "Booking form": a detail has no channel or stage of its own — removed']);
  });

  it('drops topics without a usable id, and repeated ids, keeping the first', () => {
    const map = clinic();
    const raw = rows(map.doc);
    const { doc, repairs } = restoreMapDoc({ ...raw, topics: [...raw.topics, 'junk', { label: 'No id' }, { ...(raw.topics[1] as object), label: 'Copy' }] });
    expect(Object.keys(doc.topics)).toHaveLength(6);
    expect(repairs).toEqual([
      'topics[6]: "junk" is not a topic — dropped',
      'topics[7]: no valid id — dropped',
      `topics[8]: id "${(raw.topics[1] as { id: string }).id}" repeats — the later topic was dropped`,
    ]);
  });

  it('repairs a missing label and order', () => {
    const map = clinic();
    const raw = withTopicRow(rows(map.doc), 'Context ad', (row) => ({ ...row, label: 42, order: 'first' }));
    const { doc, repairs } = restoreMapDoc(raw);
    const ad = doc.topics[map.id('Context ad')];
    expect(ad?.label).toBe('');
    expect(childrenOf(doc, asId.topic('t-root')).map((t) => t.id)).toEqual([map.id('Website'), map.id('Reception'), map.id('Context ad')]);
    expect(repairs).toEqual([
      `topic ${map.id('Context ad')}: label 42 is not text — emptied`,
      `topic ${map.id('Context ad')}: order "first" is not a number — placed last among its siblings`,
    ]);
  });

  it('removes chain steps that name no touchpoint, and bad segments of chains', () => {
    const map = clinic();
    const raw = rows(map.doc);
    raw.chains = raw.chains.map((row) =>
      (row as { name: string }).name === 'First visit'
        ? { ...(row as object), steps: ['t-gone', map.id('Website'), map.id('Booking form'), 7], segmentId: 'g-gone' }
        : row,
    );
    raw.chains.push({ id: map.chainId('Check-up'), name: 'Duplicate', steps: [] }, { name: 'No id' });
    const { doc, repairs } = restoreMapDoc(raw);
    expect(doc.chains[map.chainId('First visit')]).toEqual({ id: map.chainId('First visit'), name: 'First visit', steps: [map.id('Website')] });
    expect(doc.chainOrder).toEqual([map.chainId('First visit'), map.chainId('Check-up')]);
    expect(repairs).toEqual([
      'chain "First visit": 3 steps naming no touchpoint of this map — removed',
      'chain "First visit": segmentId "g-gone" is not a segment of this map — removed',
      `chains[2]: id "${map.chainId('Check-up')}" repeats — the later chain was dropped`,
      'chains[3]: no valid id — dropped',
    ]);
  });

  it('orders chains by a stored chain order when storage keeps one', () => {
    const map = clinic().addChain('Referral');
    const raw = rows(map.doc);
    const order = [map.chainId('Referral'), 'j-gone', map.chainId('First visit')];
    const { doc, repairs } = restoreMapDoc({ ...raw, chainOrder: order });
    expect(doc.chainOrder).toEqual([map.chainId('Referral'), map.chainId('First visit'), map.chainId('Check-up')]);
    expect(repairs).toEqual([]);
  });

  it('repairs the map meta around a usable id', () => {
    const map = clinic();
    const raw = rows(map.doc);
    const meta = raw.map as Record<string, unknown>;
    const stages = meta.stages as unknown[];
    raw.map = { ...meta, title: '', locale: 'de', stages: [...stages, { id: 's-1', name: 'Copy' }, { name: 'No id' }], segments: 'none', updatedAt: undefined };
    const { doc, repairs } = restoreMapDoc(raw);
    expect(doc.map.title).toBe('Untitled map');
    expect(doc.map.locale).toBe('en');
    expect(doc.map.stages).toEqual(map.doc.map.stages);
    expect(doc.map.segments).toEqual([]);
    expect(doc.map.updatedAt).toBe(map.doc.map.createdAt);
    expect(repairs.slice(0, 6)).toEqual([
      'map title: "" is not a title — renamed "Untitled map"',
      'map locale: "de" is not one of en, ru, ko, ja — set to "en"',
      'map: a missing creation or change time was filled in',
      'stages[6]: id "s-1" repeats — stage dropped',
      'stages[7].id: is missing (an id) — stage dropped',
      'map segments: "none" is not a list — no segments kept',
    ]);
    // the segment went, so the chain's segment goes with it
    expect(repairs).toContain('chain "First visit": segmentId "g-1" is not a segment of this map — removed');
  });

  it('throws only when the map itself is unusable', () => {
    expect(() => restoreMapDoc({ map: null, topics: [], chains: [] })).toThrow(RestoreError);
    expect(() => restoreMapDoc({ map: { title: 'No id' }, topics: [], chains: [] })).toThrow('map.id: is missing (an id)');
  });
});
