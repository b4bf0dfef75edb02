import { describe, expect, it } from 'vitest';
import {
  addStage,
  appendChainStep,
  deleteTopics,
  moveChainStep,
  moveToGroup,
  moveTopic,
  removeCompetitor,
  removeSegment,
  removeStage,
  renameMap,
  reorderStage,
  reorderTopic,
  rootOf,
  setCollapsed,
  setCompetitorScore,
  setPosition,
  setTopicFields,
  type MapDoc,
} from '@shared/model';
import { driveCommands, deepFreeze } from './driver';
import { asId } from '../../builders/ids';

describe('commands are immutable', () => {
  it('never change the doc they are given, so undo can keep the previous doc as it was', () => {
    const map = driveCommands({ title: 'Coffee shop', preset: 'before-during-after' })
      .addSegment('Students')
      .addCompetitor('Chain café')
      .addTouchpoint('Shop window', { channel: 'offline', stage: 0 })
      .addTouchpoint('Barista', { channel: 'offline', stage: 1 })
      .addTouchpoint('Online map listing', { channel: 'online', stage: 0 })
      .addDetail('Latte art', { under: 'Barista' })
      .addDetail('Small talk', { under: 'Barista' })
      .set(['Barista', 'Latte art'], { score: 9, segmentIds: [] })
      .addChain('Morning coffee', ['Online map listing', 'Shop window', 'Barista'], { segment: 'Students' });
    const original = map.doc;
    const snapshot = structuredClone(original);
    deepFreeze(original); // any write into it would now throw

    const id = (label: string) => map.id(label);
    const steps: ((doc: MapDoc) => MapDoc)[] = [
      (doc) => renameMap(doc, 'Corner coffee shop'),
      (doc) => setTopicFields(doc, [id('Barista'), id('Shop window')], { importance: 7, notes: 'Smile', segmentIds: [map.segmentId('Students')] }),
      (doc) => setCompetitorScore(doc, [id('Barista')], map.competitorId('Chain café'), 6),
      (doc) => setPosition(doc, id('Latte art'), { x: 10, y: 20 }),
      (doc) => setCollapsed(doc, id('Barista'), true),
      (doc) => moveTopic(doc, id('Small talk'), { parentId: rootOf(doc).id, index: 0 }),
      (doc) => moveTopic(doc, id('Shop window'), { parentId: id('Barista') }),
      (doc) => moveToGroup(doc, [id('Online map listing')], { channel: 'offline', stageId: null }),
      (doc) => reorderTopic(doc, id('Barista'), 0),
      (doc) => addStage(doc, { id: asId.stage('s-new'), name: 'Loyalty' }),
      (doc) => reorderStage(doc, asId.stage('s-new'), 0),
      (doc) => removeStage(doc, map.stageId(1), map.stageId(0)),
      (doc) => appendChainStep(doc, map.chainId('Morning coffee'), id('Barista')),
      (doc) => moveChainStep(doc, map.chainId('Morning coffee'), 0, 1),
      (doc) => removeSegment(doc, map.segmentId('Students')),
      (doc) => removeCompetitor(doc, map.competitorId('Chain café')),
      (doc) => deleteTopics(doc, [id('Barista')]),
    ];
    let doc = original;
    for (const step of steps) {
      const next = step(doc);
      expect(next).not.toBe(doc);
      doc = next;
    }
    expect(original).toEqual(snapshot);
    expect(doc.topics[id('Barista')]).toBeUndefined();
  });
});
