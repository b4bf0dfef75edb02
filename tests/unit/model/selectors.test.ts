import { describe, expect, it } from 'vitest';
import {
  addDetail,
  addTouchpoint,
  buildChildIndex,
  childrenOf,
  countTouchpoints,
  depthOf,
  descendantIds,
  effectiveChannel,
  effectiveStageId,
  isTouchpoint,
  renameMap,
  rootOf,
  scoreBand,
  touchpointOf,
  touchpointsOf,
  type MapDoc,
} from '@shared/model';
import { deleteTopics, renameTopic } from '@shared/model/commands';
import { copyRecord, topicChanges, topicChangesSince, topicCount, TOPIC_NOTES_KEPT } from '@shared/model/selectors';
import { mapDoc } from '../../builders/map-doc';
import { driveCommands } from './driver';
import { asId } from '../../builders/ids';
import { idsOf } from '@shared/model/ids';

const site = () =>
  driveCommands({ title: 'Clinic' })
    .addTouchpoint('Website', { channel: 'online', stage: 'Consideration' })
    .addTouchpoint('Reception', { channel: 'offline' })
    .addDetail('Booking form', { under: 'Website' })
    .addDetail('Chat', { under: 'Website' })
    .addDetail('Date picker', { under: 'Booking form' });

describe('tree selectors', () => {
  it('finds the root, touchpoints and children in order', () => {
    const map = site();
    expect(rootOf(map.doc).label).toBe('Clinic');
    expect(touchpointsOf(map.doc).map((t) => t.label)).toEqual(['Website', 'Reception']);
    expect(childrenOf(map.doc, map.id('Website')).map((t) => t.label)).toEqual(['Booking form', 'Chat']);
    expect(childrenOf(map.doc, map.id('Chat'))).toEqual([]);
    expect(childrenOf(map.doc, asId.topic('t-unknown'))).toEqual([]);
    expect(countTouchpoints(map.doc)).toBe(2);
  });

  it('sorts siblings with equal orders by id, the same everywhere', () => {
    const map = site();
    const website = map.topic('Website');
    const reception = map.topic('Reception');
    const doc: MapDoc = { ...map.doc, topics: { ...map.doc.topics, [website.id]: { ...website, order: 5 }, [reception.id]: { ...reception, order: 5 } } };
    const [first, second] = [website.id, reception.id].sort();
    expect(touchpointsOf(doc).map((t) => t.id)).toEqual([first, second]);
  });

  it('gives details their touchpoint’s channel and stage', () => {
    const map = site();
    expect(touchpointOf(map.doc, map.id('Date picker'))?.label).toBe('Website');
    expect(touchpointOf(map.doc, map.id('Website'))?.label).toBe('Website');
    expect(touchpointOf(map.doc, asId.topic('t-root'))).toBeUndefined();
    expect(effectiveChannel(map.doc, map.id('Date picker'))).toBe('online');
    expect(effectiveStageId(map.doc, map.id('Date picker'))).toBe(map.stageId('Consideration'));
    expect(effectiveStageId(map.doc, map.id('Reception'))).toBeUndefined();
    expect(effectiveChannel(map.doc, asId.topic('t-root'))).toBeUndefined();
  });

  it('knows depths, touchpoints and descendants', () => {
    const map = site();
    expect([map.root.label, 'Website', 'Booking form', 'Date picker'].map((label) => depthOf(map.doc, map.id(label)))).toEqual([0, 1, 2, 3]);
    expect(depthOf(map.doc, asId.topic('t-unknown'))).toBeUndefined();
    expect(isTouchpoint(map.doc, map.id('Reception'))).toBe(true);
    expect(isTouchpoint(map.doc, map.id('Chat'))).toBe(false);
    expect(isTouchpoint(map.doc, asId.topic('t-root'))).toBe(false);
    expect(isTouchpoint(map.doc, asId.topic('toString'))).toBe(false);
    expect(descendantIds(map.doc, map.id('Website'))).toEqual([map.id('Booking form'), map.id('Date picker'), map.id('Chat')]);
    expect(descendantIds(map.doc, asId.topic('t-root'))).toHaveLength(5);
  });
});

describe('scoreBand', () => {
  it('reads the wow scale: 0–3 awful, 4–7 OK, 8–10 wow', () => {
    expect([0, 3, 4, 7, 8, 10].map(scoreBand)).toEqual(['awful', 'awful', 'ok', 'ok', 'wow', 'wow']);
    expect(scoreBand(undefined)).toBeUndefined();
  });
});

describe('buildChildIndex across edits', () => {
  it('carries the index over a field edit, with the edited records in it', () => {
    const map = site();
    const before = buildChildIndex(map.doc);
    map.set(['Booking form', 'Reception'], { score: 2 }).rename('Clinic', 'City clinic');
    const after = buildChildIndex(map.doc);
    expect(after).not.toBe(before);
    expect(after.root).toBe(map.topic('City clinic'));
    expect(after.childrenOf(map.id('Website'))[0]).toBe(map.topic('Booking form'));
    expect(after.childrenOf(map.root.id)[1]).toBe(map.topic('Reception'));
    expect(after.childrenOf(map.id('Website'))[1]).toBe(before.childrenOf(map.id('Website'))[1]);
    // lists without an edited topic are the very same arrays: nothing was re-sorted
    expect(after.childrenOf(map.id('Booking form'))).toBe(before.childrenOf(map.id('Booking form')));
  });

  it('carries it over adds, moves and re-orders: every list as a fresh build sorts it, untouched lists the same arrays', () => {
    const map = site().addTouchpoint('Phone', { channel: 'offline' }).addDetail('Menu', { under: 'Phone' });
    const fresh = (doc: MapDoc) => buildChildIndex({ ...doc, topics: { ...doc.topics } });
    const same = (doc: MapDoc) => {
      const carried = buildChildIndex(doc);
      const built = fresh(doc);
      expect(carried.size).toBe(built.size);
      expect(carried.root).toBe(built.root);
      for (const id of idsOf(doc.topics)) expect(carried.childrenOf(id).map((t) => t.id)).toEqual(built.childrenOf(id).map((t) => t.id));
      return carried;
    };
    let index = buildChildIndex(map.doc);
    const steps: [string, () => void][] = [
      ['add a touchpoint at the end', () => map.addTouchpoint('Shop window', { channel: 'offline' })],
      ['add one after the first', () => map.addTouchpoint('Flyer', { after: 'Website' })],
      ['add a detail', () => map.addDetail('Queue', { under: 'Reception' })],
      ['add a detail under a new detail', () => map.addDetail('Ticket', { under: 'Queue' })],
      ['move a detail to another touchpoint', () => map.move('Chat', { under: 'Reception', index: 0 })],
      ['re-order a touchpoint', () => map.reorder('Phone', 0)],
      ['re-order a detail to the front', () => map.reorder('Queue', 0)],
    ];
    for (const [what, step] of steps) {
      const untouched = index.childrenOf(map.id('Booking form'));
      step();
      const next = same(map.doc);
      expect(next, what).not.toBe(index);
      expect(next.childrenOf(map.id('Booking form'))).toBe(untouched); // not copied, not re-sorted
      index = next;
    }
    expect(index.childrenOf(map.id('Reception')).map((t) => t.label)).toEqual(['Queue', 'Chat']);
    expect(index.childrenOf(map.root.id)[0]?.label).toBe('Phone');
  });

  it('rebuilds it when the tree changes', () => {
    const map = site();
    buildChildIndex(map.doc);
    map.reorder('Chat', 0).move('Date picker', { under: 'Chat' }).addDetail('Hours', { under: 'Reception' }).delete('Booking form');
    expect(childrenOf(map.doc, map.id('Website')).map((t) => t.label)).toEqual(['Chat']);
    expect(childrenOf(map.doc, map.id('Chat')).map((t) => t.label)).toEqual(['Date picker']);
    expect(childrenOf(map.doc, map.id('Reception')).map((t) => t.label)).toEqual(['Hours']);
  });
});

describe('buildChildIndex on a large map', () => {
  it('is built once per topics record and reused, so selectors stay cheap on 5,000 topics', () => {
    let doc = driveCommands().doc;
    const root = rootOf(doc).id;
    for (let i = 0; i < 1000; i += 1) doc = addTouchpoint(doc, { id: asId.topic(`t-p${i}`), label: `Touchpoint ${i}` });
    const details: Record<string, ReturnType<typeof rootOf>> = {};
    for (let i = 0; i < 4000; i += 1) details[`t-d${i}`] = { id: asId.topic(`t-d${i}`), parentId: asId.topic(`t-p${i % 1000}`), order: i, label: `Detail ${i}` };
    doc = { ...doc, topics: { ...doc.topics, ...details } };

    const index = buildChildIndex(doc);
    expect(buildChildIndex(doc)).toBe(index);
    expect(buildChildIndex(renameMap(doc, 'Other title'))).not.toBe(index); // the root's label changed
    expect(buildChildIndex({ ...doc, chainOrder: [] })).toBe(index); // same topics record
    expect(index.childrenOf(root)).toHaveLength(1000);

    const started = performance.now();
    let detailsSeen = 0;
    for (const touchpoint of touchpointsOf(doc)) {
      for (const detail of childrenOf(doc, touchpoint.id)) if (effectiveChannel(doc, detail.id) === undefined) detailsSeen += 1;
    }
    expect(detailsSeen).toBe(4000);
    expect(performance.now() - started).toBeLessThan(200);

    const next = addDetail(doc, { id: asId.topic('t-new'), parentId: asId.topic('t-p0'), label: 'New' });
    expect(childrenOf(next, asId.topic('t-p0'))).toHaveLength(5);
    expect(childrenOf(doc, asId.topic('t-p0'))).toHaveLength(4);
  });
});

describe('the topics a command changed', () => {
  it('are noted against the record the command started from, and only against it', () => {
    const doc = site().doc;
    const online = doc.map.stages[0]!.id;
    const added = addTouchpoint(doc, { id: asId.topic('t-added'), label: 'Chat bot', channel: 'online', stageId: online });
    expect(topicChanges(doc.topics, added.topics)).toEqual(['t-added']);
    const renamed = renameTopic(added, asId.topic('t-added'), 'Chat assistant');
    expect(topicChanges(added.topics, renamed.topics)).toEqual(['t-added']);
    // two commands apart, or undone: not noted, so the caller compares the records itself
    expect(topicChanges(doc.topics, renamed.topics)).toBeUndefined();
    expect(topicChanges(renamed.topics, doc.topics)).toBeUndefined();
    const website = Object.values(doc.topics).find((topic) => topic.label === 'Website')!;
    const removed = deleteTopics(added, [website.id]);
    const gone = Object.keys(added.topics).filter((id) => !Object.hasOwn(removed.topics, id));
    expect([...topicChanges(added.topics, removed.topics)!].sort()).toEqual(gone.sort());
  });
});

describe('what the commands note of their topic changes', () => {
  it('reaches back a run of commands, and no further than TOPIC_NOTES_KEPT: older records are not kept alive by the notes', () => {
    let doc = mapDoc('Clinic', { stages: ['Awareness'] }).touchpoint('Website', { channel: 'online', stage: 'Awareness' }).build();
    const records = [doc.topics];
    for (let i = 0; i < TOPIC_NOTES_KEPT + 10; i++) {
      doc = renameTopic(doc, asId.topic('t-website'), `Website ${i}`);
      records.push(doc.topics);
    }
    const last = records.length - 1;
    expect(topicChangesSince(records[last - 1]!, records[last]!)).toEqual([asId.topic('t-website')]);
    expect(topicChangesSince(records[last - 5]!, records[last]!)).toHaveLength(5);
    expect(topicChangesSince(records[last - TOPIC_NOTES_KEPT]!, records[last]!)).toHaveLength(TOPIC_NOTES_KEPT);
    // the note that led past that record is gone: nothing holds the record before it any more
    expect(topicChanges(records[last - TOPIC_NOTES_KEPT - 1]!, records[last - TOPIC_NOTES_KEPT]!)).toBeUndefined();
    expect(topicChangesSince(records[last - TOPIC_NOTES_KEPT - 1]!, records[last]!, 1000)).toBeUndefined();
  });

  it('carries the topic count from record to record: adds, deletes, a detail, a copy counted anew', () => {
    let doc = mapDoc('Clinic', { stages: ['Awareness'] }).touchpoint('Website', { channel: 'online', stage: 'Awareness' }).build();
    expect(topicCount(doc.topics)).toBe(2);
    doc = addTouchpoint(doc, { id: asId.topic('t-a'), label: 'A', channel: 'online', stageId: doc.map.stages[0]!.id });
    doc = addDetail(doc, { id: asId.topic('t-b'), parentId: asId.topic('t-a'), label: 'B' });
    expect(topicCount(doc.topics)).toBe(4);
    doc = deleteTopics(doc, [asId.topic('t-a')]);
    expect(topicCount(doc.topics)).toBe(2);
    expect(topicCount({ ...doc.topics })).toBe(Object.keys(doc.topics).length);
  });

  it('copies a record with every key in the order the spread keeps, "__proto__" an own key like the others', () => {
    const record = JSON.parse('{"b": 1, "a": 2, "__proto__": 3, "10": 4}') as Record<string, number>;
    const copy = copyRecord(record);
    expect(Object.keys(copy)).toEqual(Object.keys({ ...record }));
    expect(copy).toEqual({ ...record });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });
});
