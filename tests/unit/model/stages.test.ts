import { describe, expect, it } from 'vitest';
import { addStage, removeStage, renameStage, reorderStage } from '@shared/model';
import { changedTopicIds, driveCommands } from './driver';
import { asId } from '../../builders/ids';

const coffeeShop = () =>
  driveCommands({ title: 'Coffee shop', preset: 'before-during-after' })
    .addTouchpoint('Outdoor ad near the metro', { channel: 'offline', stage: 'Before purchase' })
    .addTouchpoint('Menu on the site', { channel: 'online', stage: 'Before purchase' })
    .addTouchpoint('Paying by card', { channel: 'offline', stage: 'Purchase' })
    .addTouchpoint('SMS survey', { channel: 'online', stage: 'After purchase' })
    .addDetail('Survey link', { under: 'SMS survey' });

describe('stages', () => {
  it('adds a stage at a position or last, touching only the map meta', () => {
    const map = coffeeShop();
    const before = map.doc;
    map.addStage('Loyalty').addStage('Search', 0);
    expect(map.stageNames()).toEqual(['Search', 'Before purchase', 'Purchase', 'After purchase', 'Loyalty']);
    expect(map.doc.topics).toBe(before.topics);
    map.refuses((doc) => addStage(doc, { id: map.stageId(0), name: 'Again' }), /^id: "s-\d+" is already a stage of this map$/);
    map.refuses((doc) => addStage(doc, { id: asId.stage('s-new'), name: ' ' }), 'name: must not be empty');
    map.refuses((doc) => addStage(doc, { id: asId.stage('s-new'), name: 'X', index: 9 }), 'index: 9 is not 0–5');
  });

  it('renames a stage, trimmed; the same name is no change', () => {
    const map = coffeeShop();
    const id = map.stageId('Purchase');
    map.apply((doc) => renameStage(doc, id, ' Ordering '));
    expect(map.stageNames()).toEqual(['Before purchase', 'Ordering', 'After purchase']);
    expect(renameStage(map.doc, id, 'Ordering')).toBe(map.doc);
    map.refuses((doc) => renameStage(doc, asId.stage('s-x'), 'X'), 'id: "s-x" is not a stage of this map');
    map.refuses((doc) => renameStage(doc, id, ''), 'name: must not be empty');
  });

  it('removes a stage and moves its touchpoints to another stage', () => {
    const map = coffeeShop();
    const before = map.doc;
    const purchase = map.stageId('Purchase');
    map.removeStage('Before purchase', 'Purchase');
    expect(map.stageNames()).toEqual(['Purchase', 'After purchase']);
    expect(map.topic('Outdoor ad near the metro').stageId).toBe(purchase);
    expect(map.topic('Menu on the site').stageId).toBe(purchase);
    expect(changedTopicIds(before, map.doc)).toEqual([map.id('Outdoor ad near the metro'), map.id('Menu on the site')].sort());
    map.undo();
    expect(map.doc).toBe(before);
  });

  it('removes a stage leaving its touchpoints unsorted', () => {
    const map = coffeeShop().removeStage('After purchase', null);
    expect(map.topic('SMS survey')).not.toHaveProperty('stageId');
    expect(map.topic('SMS survey').channel).toBe('online');
  });

  it('refuses to move touchpoints into the removed stage or an unknown one', () => {
    const map = coffeeShop();
    const purchase = map.stageId('Purchase');
    map.refuses((doc) => removeStage(doc, purchase, purchase), `moveTo: "${purchase}" is the stage being removed`);
    map.refuses((doc) => removeStage(doc, purchase, asId.stage('s-x')), 'moveTo: "s-x" is not a stage of this map');
    map.refuses((doc) => removeStage(doc, asId.stage('s-x'), null), 'id: "s-x" is not a stage of this map');
  });

  it('reorders stages', () => {
    const map = coffeeShop();
    map.apply((doc) => reorderStage(doc, map.stageId('After purchase'), 0));
    expect(map.stageNames()).toEqual(['After purchase', 'Before purchase', 'Purchase']);
    map.apply((doc) => reorderStage(doc, map.stageId('After purchase'), 2));
    expect(map.stageNames()).toEqual(['Before purchase', 'Purchase', 'After purchase']);
    expect(reorderStage(map.doc, map.stageId('Purchase'), 1)).toBe(map.doc);
    map.refuses((doc) => reorderStage(doc, map.stageId('Purchase'), 3), 'index: 3 is not 0–2');
  });
});
