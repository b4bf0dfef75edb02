/**
 * Ids are typed by the kind of record they name (shared/model/ids.ts). The `@ts-expect-error` lines
 * are checked by `npx tsc -b` (tsconfig.test.json covers tests/): each fails the build the day a
 * function taking one kind of id accepts another, or plain text.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseTouchmapFile, serializeTouchmapFile } from '@shared/file-format';
import {
  chainIdFrom,
  competitorIdFrom,
  entriesOf,
  idsOf,
  isTopicIdOf,
  mapIdFrom,
  newId,
  renameStage,
  renameTopic,
  segmentIdFrom,
  stageIdFrom,
  topicIdFrom,
  topicOf,
  type ChainId,
  type CompetitorId,
  type MapDoc,
  type MapId,
  type SegmentId,
  type StageId,
  type TopicId,
} from '@shared/model';
import { mapDoc } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

const clinic = mapDoc('Clinic', { stages: ['Awareness'], competitors: ['City Clinic'] })
  .touchpoint('Website', { channel: 'online', stage: 'Awareness', competitors: { 'City Clinic': 6 } })
  .chain('First visit', ['Website']);

describe('ids typed by kind', () => {
  it('a function taking a topic id refuses a stage id, a chain id and plain text', () => {
    const doc = clinic.build();
    const stage = clinic.ids.stage('Awareness');
    const chain = clinic.ids.chain('First visit');
    const text: string = clinic.ids.topic('Website');
    // @ts-expect-error a stage id is not a topic id
    expect(() => renameTopic(doc, stage, 'x')).toThrow(/is not a topic of this map/);
    // @ts-expect-error a chain id is not a topic id
    expect(topicOf(doc, chain)).toBeUndefined();
    // @ts-expect-error plain text must first be checked (isTopicIdOf) or branded at a boundary
    expect(topicOf(doc, text)?.label).toBe('Website');
    // @ts-expect-error and a topic id is not a stage id
    expect(() => renameStage(doc, clinic.ids.topic('Website'), 'x')).toThrow(/is not a stage of this map/);
    expect(renameTopic(doc, clinic.ids.topic('Website'), 'Site').topics[clinic.ids.topic('Website')]?.label).toBe('Site');
  });

  it('records keyed by id are read with ids of their kind only', () => {
    const doc: MapDoc = clinic.build();
    const competitor = clinic.ids.competitor('City Clinic');
    expect(doc.topics[clinic.ids.topic('Website')]?.competitorScores?.[competitor]).toBe(6);
    // @ts-expect-error the topics are keyed by topic id, not by competitor id
    expect(doc.topics[competitor]).toBeUndefined();
    // @ts-expect-error the chains are keyed by chain id
    expect(doc.chains[clinic.ids.topic('Website')]).toBeUndefined();
    expectTypeOf(idsOf(doc.topics)).toEqualTypeOf<TopicId[]>();
    expectTypeOf(entriesOf(doc.chains)[0]![0]).toEqualTypeOf<ChainId>();
  });

  it('newId makes the kind its prefix names', () => {
    expectTypeOf(newId('m')).toEqualTypeOf<MapId>();
    expectTypeOf(newId('t')).toEqualTypeOf<TopicId>();
    expectTypeOf(newId('s')).toEqualTypeOf<StageId>();
    expectTypeOf(newId('g')).toEqualTypeOf<SegmentId>();
    expectTypeOf(newId('c')).toEqualTypeOf<CompetitorId>();
    expectTypeOf(newId('j')).toEqualTypeOf<ChainId>();
    expect(newId('t')).toMatch(/^t-[0-9a-z]{10}$/);
    expect(newId('j')).toMatch(/^j-[0-9a-z]{10}$/);
  });

  it('the boundary brands cost nothing: the very text comes back, only its type changes', () => {
    for (const brand of [mapIdFrom, topicIdFrom, stageIdFrom, segmentIdFrom, competitorIdFrom, chainIdFrom]) expect(brand('x-1')).toBe('x-1');
    expectTypeOf(stageIdFrom('s-1')).toEqualTypeOf<StageId>();
    expect(asId.topics('t-1', 't-2')).toEqual(['t-1', 't-2']);
  });

  it('the file reader hands out ids typed by kind', () => {
    const read = parseTouchmapFile(serializeTouchmapFile([clinic.build()], '2026-12-01T00:00:00.000Z'));
    if (!read.ok) throw new Error(read.error);
    const doc = read.docs[0]!;
    expectTypeOf(doc.map.id).toEqualTypeOf<MapId>();
    expectTypeOf(doc.map.stages[0]!.id).toEqualTypeOf<StageId>();
    expectTypeOf(doc.chainOrder).toEqualTypeOf<readonly ChainId[]>();
    expect(doc).toEqual(clinic.build());
  });

  it('a node id or a selected id becomes a topic id only when it names a topic of the map', () => {
    const doc = clinic.build();
    const selected: readonly string[] = ['group:online', clinic.ids.topic('Website'), 'constructor'];
    const topics = selected.filter((id) => isTopicIdOf(doc, id));
    expectTypeOf(topics).toEqualTypeOf<TopicId[]>();
    expect(topics).toEqual([clinic.ids.topic('Website')]);
  });
});
