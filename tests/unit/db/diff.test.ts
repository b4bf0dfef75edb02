import { describe, expect, it } from 'vitest';
import { countTouchpoints, diffDocs, hasChanges, savedStateOf } from '../../../renderer/src/db';
import { addTopic, deleteTopic, setLabel } from './helpers';
import { clinicMap } from '../../fixtures/clinic-map';
import { generateMap, seededRandom } from '../../fixtures/generate-map';
import { addDetail, addTouchpoint, deleteTopics, renameTopic, setTopicFields } from '@shared/model/commands';
import { topicChangesSince } from '@shared/model/selectors';
import type { MapDoc, TopicId } from '@shared/model/types';
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

describe('diffing a run of edits through what the commands noted', () => {
  it('finds the same changes as a walk of every topic, after runs of 1–8 random edits', () => {
    const random = seededRandom(3);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    let made = 0;
    const others = (doc: MapDoc) => Object.values(doc.topics).filter((t) => t.parentId !== null).sort((a, b) => (a.id < b.id ? -1 : 1));
    const touchpoints = (doc: MapDoc) => others(doc).filter((t) => doc.topics[t.parentId as TopicId]?.parentId === null);
    const edits: ((doc: MapDoc) => MapDoc)[] = [
      (doc) => addTouchpoint(doc, { id: asId.topic(`t-new-${made++}`), label: 'Booking form', channel: pick(['online', 'offline'] as const), stageId: pick(doc.map.stages).id }),
      (doc) => addDetail(doc, { id: asId.topic(`t-new-${made++}`), parentId: pick(touchpoints(doc)).id, label: 'Chat' }),
      (doc) => renameTopic(doc, pick(others(doc)).id, pick(['Website', 'Отзыв'])),
      (doc) => setTopicFields(doc, [pick(touchpoints(doc)).id], { score: pick([0, 5, 10]) }),
      (doc) => deleteTopics(doc, [pick(others(doc)).id]),
    ];
    let doc = generateMap({ seed: 4, topics: 300 });
    let saved = savedStateOf(doc);
    for (let run = 0; run < 60; run++) {
      const length = 1 + Math.floor(random() * 8);
      for (let step = 0; step < length; step++) doc = pick(edits)(doc);
      expect(topicChangesSince(saved.doc.topics, doc.topics), `run ${run}: the commands' notes reach the saved doc`).toBeDefined();
      const noted = diffDocs(saved, doc);
      // a copy of the records carries no note: every topic is walked
      const walked = diffDocs(saved, { ...doc, topics: { ...doc.topics } });
      expect(topicChangesSince(saved.doc.topics, { ...doc.topics })).toBeUndefined();
      expect(ids(noted.topicsPut), `run ${run}: written`).toEqual(ids(walked.topicsPut));
      expect([...noted.topicsDeleted].sort(), `run ${run}: deleted`).toEqual([...walked.topicsDeleted].sort());
      expect(noted.after.topicCount, `run ${run}: topics`).toBe(Object.keys(doc.topics).length);
      expect(noted.after.touchpointCount, `run ${run}: touchpoints`).toBe(walked.after.touchpointCount);
      expect(noted.after.rootId).toBe(walked.after.rootId);
      saved = noted.after;
    }
  });
});
