import { describe, expect, it } from 'vitest';
import { createMap, renameMap, rootOf, touchpointsOf, type MapDoc } from '@shared/model';
import { driveCommands } from './driver';
import { asId } from '../../builders/ids';

const base = { id: asId.map('m-1'), rootId: asId.topic('t-root'), now: '2026-11-25T10:00:00.000Z' } as const;

describe('createMap', () => {
  it('starts a map with the business at the centre and the preset stages in its language', () => {
    const doc = createMap({ ...base, title: '  Corner coffee shop ', locale: 'ru', presetId: 'before-during-after', stageIds: [asId.stage('s-a'), asId.stage('s-b'), asId.stage('s-c')] });
    expect(doc.map).toEqual({
      id: 'm-1',
      title: 'Corner coffee shop',
      locale: 'ru',
      stages: [
        { id: 's-a', name: 'До покупки' },
        { id: 's-b', name: 'Покупка' },
        { id: 's-c', name: 'После покупки' },
      ],
      segments: [],
      competitors: [],
      createdAt: base.now,
      updatedAt: base.now,
    });
    expect(rootOf(doc)).toEqual({ id: 't-root', parentId: null, order: 0, label: 'Corner coffee shop' });
    expect(touchpointsOf(doc)).toEqual([]);
    expect(doc.chains).toEqual({});
    expect(doc.chainOrder).toEqual([]);
  });

  it('makes stage ids itself when none are given', () => {
    const doc = createMap({ ...base, title: 'Clinic', locale: 'ja', presetId: 'customer-journey' });
    expect(doc.map.stages.map((stage) => stage.name)).toEqual(['認知', '検討', '購入', '利用体験', 'ロイヤルティ', '推奨']);
    expect(new Set(doc.map.stages.map((stage) => stage.id)).size).toBe(6);
    for (const stage of doc.map.stages) expect(stage.id).toMatch(/^s-[0-9a-z]+$/);
  });

  it('refuses an empty title, unknown presets and locales, and mismatched stage ids', () => {
    expect(() => createMap({ ...base, title: '   ', locale: 'en', presetId: 'customer-journey' })).toThrow('title: must not be empty');
    expect(() => createMap({ ...base, title: 'A', locale: 'de' as never, presetId: 'customer-journey' })).toThrow('locale: "de" is not one of en, ru, ko, ja');
    expect(() => createMap({ ...base, title: 'A', locale: 'en', presetId: 'funnel' as never })).toThrow(/^presetId: "funnel" is not one of customer-journey/);
    expect(() => createMap({ ...base, title: 'A', locale: 'en', presetId: 'before-during-after', stageIds: [asId.stage('s-1')] })).toThrow(
      'stageIds: 1 ids given for the 3 stages of the preset',
    );
    expect(() => createMap({ ...base, title: 'A', locale: 'en', presetId: 'before-during-after', stageIds: [asId.stage('s-1'), asId.stage('s-1'), asId.stage('s-2')] })).toThrow(
      'stageIds[1]: "s-1" is already a stage of this map',
    );
  });
});

describe('renameMap', () => {
  it('renames the map, and the root while it still carries the old title', () => {
    const map = driveCommands({ title: 'Cofee shop' }).addTouchpoint('Barista');
    const before = map.doc;
    map.apply((doc) => renameMap(doc, ' Coffee shop '));
    expect(map.doc.map.title).toBe('Coffee shop');
    expect(map.root.label).toBe('Coffee shop');
    expect(map.topic('Barista')).toBe(before.topics[map.id('Barista')]);
    map.undo();
    expect(map.doc).toBe(before);
  });

  it('leaves a root the user renamed on its own alone', () => {
    const map = driveCommands({ title: 'Clinic — new patients' }).rename('Clinic — new patients', 'Clinic');
    const root = map.root;
    map.apply((doc) => renameMap(doc, 'Clinic — returning patients'));
    expect(map.doc.map.title).toBe('Clinic — returning patients');
    expect(map.root).toBe(root);
  });

  it('returns the same doc for the same title, and refuses an empty one', () => {
    const map = driveCommands({ title: 'Clinic' });
    expect(renameMap(map.doc, 'Clinic ')).toBe(map.doc);
    map.refuses((doc: MapDoc) => renameMap(doc, ''), 'title: must not be empty');
  });
});
