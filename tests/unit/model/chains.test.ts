import { describe, expect, it } from 'vitest';
import {
  addChain,
  appendChainStep,
  chainsOf,
  deleteChain,
  moveChainStep,
  removeChainStep,
  renameChain,
  reorderChain,
  setChainSegment,
  unscoredSteps,
  weakLink,
} from '@shared/model';
import { driveCommands } from './driver';
import { asId } from '../../builders/ids';

/** The clinic chain of DOMAIN.md §4, rated. */
const clinic = () =>
  driveCommands({ title: 'Clinic' })
    .addSegment('New patients')
    .addTouchpoint('Context ad')
    .addTouchpoint('Site page')
    .addTouchpoint('Online chat')
    .addTouchpoint('Booking by phone')
    .addTouchpoint('Reception')
    .addDetail('Queue', { under: 'Reception' })
    .set('Context ad', { score: 6 })
    .set('Site page', { score: 3 })
    .set('Online chat', { score: 8 })
    .set('Reception', { score: 3 })
    .addChain('First visit', ['Context ad', 'Site page', 'Online chat', 'Booking by phone', 'Reception']);

describe('chains', () => {
  it('adds a chain for a segment, renames it and changes its segment', () => {
    const map = clinic();
    const before = map.doc;
    map.addChain('Return visit', [], { segment: 'New patients' });
    expect(map.chain('Return visit')).toEqual({ id: map.chainId('Return visit'), name: 'Return visit', segmentId: map.segmentId('New patients'), steps: [] });
    expect(map.doc.topics).toBe(before.topics);
    expect(map.doc.chains[map.chainId('First visit')]).toBe(before.chains[map.chainId('First visit')]);
    const id = map.chainId('Return visit');
    map.apply((doc) => renameChain(doc, id, ' Check-up ')).apply((doc) => setChainSegment(doc, id, null));
    expect(map.doc.chains[id]).toEqual({ id, name: 'Check-up', steps: [] });
    expect(setChainSegment(map.doc, id, undefined)).toBe(map.doc);
    expect(renameChain(map.doc, id, 'Check-up')).toBe(map.doc);
    map.refuses((doc) => addChain(doc, { id: asId.chain('j-new'), name: '' }), 'name: must not be empty');
    map.refuses((doc) => addChain(doc, { id, name: 'Again' }), `id: "${id}" is already a chain of this map`);
    map.refuses((doc) => addChain(doc, { id: asId.chain('j-new'), name: 'X', segmentId: asId.segment('g-x') }), 'segmentId: "g-x" is not a segment of this map');
    map.refuses((doc) => setChainSegment(doc, id, asId.segment('g-x')), 'segmentId: "g-x" is not a segment of this map');
    map.refuses((doc) => renameChain(doc, asId.chain('j-x'), 'X'), 'chainId: "j-x" is not a chain of this map');
  });

  it('walks touchpoints only; a touchpoint may repeat (the last chord starts a new round)', () => {
    const map = clinic();
    const id = map.chainId('First visit');
    map.apply((doc) => appendChainStep(doc, id, map.id('Context ad')));
    expect(map.stepLabels('First visit')).toEqual(['Context ad', 'Site page', 'Online chat', 'Booking by phone', 'Reception', 'Context ad']);
    map.refuses((doc) => appendChainStep(doc, id, map.id('Queue')), 'topicId: "Queue" is a detail, not a touchpoint; chains walk touchpoints');
    map.refuses((doc) => appendChainStep(doc, id, asId.topic('t-root')), 'topicId: "Clinic" is the root, not a touchpoint; chains walk touchpoints');
    map.refuses((doc) => appendChainStep(doc, id, asId.topic('t-x')), 'topicId: "t-x" is not a topic of this map');
  });

  it('moves and removes steps', () => {
    const map = clinic();
    const id = map.chainId('First visit');
    map.apply((doc) => moveChainStep(doc, id, 4, 0));
    expect(map.stepLabels('First visit')).toEqual(['Reception', 'Context ad', 'Site page', 'Online chat', 'Booking by phone']);
    map.apply((doc) => moveChainStep(doc, id, 0, 4)).apply((doc) => removeChainStep(doc, id, 1));
    expect(map.stepLabels('First visit')).toEqual(['Context ad', 'Online chat', 'Booking by phone', 'Reception']);
    expect(moveChainStep(map.doc, id, 2, 2)).toBe(map.doc);
    map.refuses((doc) => moveChainStep(doc, id, 0, 4), 'to: 4 is not 0–3');
    map.refuses((doc) => moveChainStep(doc, id, 7, 0), 'from: 7 is not 0–3');
    map.refuses((doc) => removeChainStep(doc, id, 4), 'index: 4 is not 0–3');
  });

  it('deletes and reorders chains, keeping the chain list order', () => {
    const map = clinic().addChain('Check-up').addChain('Referral');
    expect(chainsOf(map.doc).map((chain) => chain.name)).toEqual(['First visit', 'Check-up', 'Referral']);
    map.apply((doc) => reorderChain(doc, map.chainId('Referral'), 0));
    expect(chainsOf(map.doc).map((chain) => chain.name)).toEqual(['Referral', 'First visit', 'Check-up']);
    const before = map.doc;
    map.apply((doc) => deleteChain(doc, map.chainId('First visit')));
    expect(chainsOf(map.doc).map((chain) => chain.name)).toEqual(['Referral', 'Check-up']);
    expect(map.doc.topics).toBe(before.topics);
    map.undo();
    expect(map.doc).toBe(before);
    map.refuses((doc) => deleteChain(doc, asId.chain('j-x')), 'chainId: "j-x" is not a chain of this map');
    map.refuses((doc) => reorderChain(doc, map.chainId('Referral'), 3), 'index: 3 is not 0–2');
  });
});

describe('weak link', () => {
  it('is the lowest-scored step, the earliest on a tie, ignoring unscored steps', () => {
    const map = clinic();
    const chain = map.chain('First visit');
    expect(weakLink(map.doc, chain)).toEqual({ index: 1, topicId: map.id('Site page'), score: 3 });
    expect(unscoredSteps(map.doc, chain)).toEqual([{ index: 3, topicId: map.id('Booking by phone') }]);
  });

  it('moves when the weak link is fixed, and names the position of a repeated touchpoint', () => {
    const map = clinic().set('Site page', { score: 9 }).set('Booking by phone', { score: 5 });
    expect(weakLink(map.doc, map.chain('First visit'))).toEqual({ index: 4, topicId: map.id('Reception'), score: 3 });
    map.set('Reception', { score: 0 }).apply((doc) => appendChainStep(doc, map.chainId('First visit'), map.id('Reception')));
    expect(weakLink(map.doc, map.chain('First visit'))?.index).toBe(4);
    expect(unscoredSteps(map.doc, map.chain('First visit'))).toEqual([]);
  });

  it('is unknown for an empty chain or one with no scored step', () => {
    const map = clinic().addChain('Empty').addChain('Unrated', ['Booking by phone']);
    expect(weakLink(map.doc, map.chain('Empty'))).toBeUndefined();
    expect(weakLink(map.doc, map.chain('Unrated'))).toBeUndefined();
    expect(unscoredSteps(map.doc, map.chain('Unrated'))).toEqual([{ index: 0, topicId: map.id('Booking by phone') }]);
  });
});
