import { describe, expect, it } from 'vitest';
import { countTouchpoints, diffDocs, hasChanges, savedStateOf } from '../../../renderer/src/db';
import { addTopic, deleteTopic, setLabel } from './helpers';
import { clinicMap } from '../../fixtures/clinic-map';
import { asId } from '../../builders/ids';

const ids = (topics: readonly { id: string }[]) => topics.map((topic) => topic.id).sort();

describe('diffing a doc against the saved one', () => {
  it('finds nothing when the doc is the saved one, or holds the same records', () => {
    const doc = clinicMap();
    const saved = savedStateOf(doc);
    expect(hasChanges(diffDocs(saved, doc))).toBe(false);
    expect(hasChanges(diffDocs(saved, { ...doc, topics: { ...doc.topics } }))).toBe(false);
  });

  it('sees an add and a delete in the same save (same number of topics)', () => {
    const doc = clinicMap();
    const next = addTopic(deleteTopic(doc, asId.topic('t-2')), { id: asId.topic('t-9'), parentId: asId.topic('t-root'), order: 9, label: 'New' });
    const changes = diffDocs(savedStateOf(doc), next);
    expect(ids(changes.topicsPut)).toEqual(['t-9']);
    expect(changes.topicsDeleted).toEqual(['t-2']);
    expect(changes.after.touchpointCount).toBe(3);
    expect(changes.after.topicCount).toBe(Object.keys(next.topics).length);
  });

  it('keeps the touchpoint count right when a detail becomes a touchpoint and back', () => {
    const doc = clinicMap();
    const promoted = { ...doc, topics: { ...doc.topics, 't-1-1': { ...doc.topics[asId.topic('t-1-1')]!, parentId: 't-root' } } };
    const first = diffDocs(savedStateOf(doc), promoted);
    expect(first.after.touchpointCount).toBe(4);
    const demoted = { ...promoted, topics: { ...promoted.topics, 't-1-1': doc.topics[asId.topic('t-1-1')]! } };
    expect(diffDocs(first.after, demoted).after.touchpointCount).toBe(3);
  });

  it('counts touchpoints from scratch when the root is replaced', () => {
    const doc = clinicMap();
    const { [asId.topic('t-root')]: _oldRoot, ...rest } = doc.topics;
    const topics = Object.fromEntries(
      Object.entries(rest).map(([id, topic]) => [id, topic.parentId === 't-root' ? { ...topic, parentId: 't-new-root' } : topic]),
    );
    const next = { ...doc, topics: { ...topics, 't-new-root': { id: 't-new-root', parentId: null, order: 0, label: 'Clinic' } } };
    const changes = diffDocs(savedStateOf(doc), next);
    expect(changes.after.rootId).toBe('t-new-root');
    expect(changes.after.touchpointCount).toBe(countTouchpoints(next.topics));
    expect(changes.topicsDeleted).toEqual(['t-root']);
  });

  it("editing the root's label leaves the count as it was", () => {
    const doc = clinicMap();
    const changes = diffDocs(savedStateOf(doc), setLabel(doc, asId.topic('t-root'), 'Clinic'));
    expect(ids(changes.topicsPut)).toEqual(['t-root']);
    expect(changes.after.touchpointCount).toBe(3);
  });

  it('treats ids that name Object.prototype members as ordinary ids', () => {
    const doc = clinicMap();
    const withOdd = addTopic(doc, { id: asId.topic('constructor'), parentId: asId.topic('t-root'), order: 5, label: 'Odd id' });
    const added = diffDocs(savedStateOf(doc), withOdd);
    expect(ids(added.topicsPut)).toEqual(['constructor']);
    const removed = diffDocs(added.after, doc);
    expect(removed.topicsDeleted).toEqual(['constructor']);
    expect(removed.after.touchpointCount).toBe(3);
  });
});
