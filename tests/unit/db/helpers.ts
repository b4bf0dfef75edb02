/**
 * A small driver for the storage tests: fresh databases, hand-built maps, edits made the way the
 * model's commands make them (new objects for changed records, the others kept by reference), a
 * doc source standing in for the store, and a log of every row the database is asked to write.
 */
import 'fake-indexeddb/auto';
import type { DBCoreMutateRequest } from 'dexie';
import type { Chain, MapDoc, Topic, TopicId } from '@shared/model/types';
import { TouchmapDB, type AutosaveSource } from '../../../renderer/src/db';

let dbCount = 0;

/** A database no other test uses. */
export function freshDb(): TouchmapDB {
  dbCount += 1;
  return new TouchmapDB(`touchmap-test-${dbCount}-${Math.random().toString(36).slice(2)}`);
}

export const CREATED = '2026-11-20T09:00:00.000Z';

/**
 * A clinic map: root `t-root`, touchpoints `t-1`…`t-N` alternating stage and channel, each odd
 * touchpoint with `details` details `t-<i>-<k>`, and chains `j-1` (t-1 → t-2) and `j-2` (t-2 → t-1 → t-2).
 */
export function makeDoc(options: { id?: string; title?: string; touchpoints?: number; details?: number } = {}): MapDoc {
  const id = options.id ?? 'm-clinic';
  const title = options.title ?? 'Clinic — new patients';
  const touchpoints = options.touchpoints ?? 3;
  const details = options.details ?? 2;
  const topics: Record<TopicId, Topic> = {
    't-root': { id: 't-root', parentId: null, order: 0, label: title },
  };
  for (let i = 1; i <= touchpoints; i += 1) {
    topics[`t-${i}`] = {
      id: `t-${i}`,
      parentId: 't-root',
      order: i,
      label: `Touchpoint ${i} — Контекст 광고 広告`,
      channel: i % 2 === 0 ? 'offline' : 'online',
      stageId: i % 3 === 0 ? 's-co' : 's-aw',
      kind: 'communication',
      segmentIds: ['g-1'],
      importance: 8,
      score: 4,
      competitorScores: { 'c-1': 7 },
      reaction: 'neutral',
      notes: 'Ad text promises a free first consultation',
      action: { what: 'Rewrite the ad', owner: 'Marketing', due: '2026-12-15', status: 'todo' },
      position: { x: 420, y: -80 },
      collapsed: false,
    };
    if (i % 2 === 1) {
      for (let k = 1; k <= details; k += 1) {
        topics[`t-${i}-${k}`] = { id: `t-${i}-${k}`, parentId: `t-${i}`, order: k, label: `Detail ${i}.${k}` };
      }
    }
  }
  // Steps name touchpoints only (a small map keeps the steps it has).
  const steps = (ids: string[]) => ids.filter((step) => step in topics);
  const chains: Record<string, Chain> = {
    'j-1': { id: 'j-1', name: 'First visit', segmentId: 'g-1', steps: steps(['t-1', 't-2']) },
    'j-2': { id: 'j-2', name: 'Return visit', steps: steps(['t-2', 't-1', 't-2']) },
  };
  return {
    map: {
      id,
      title,
      locale: 'en',
      stages: [
        { id: 's-aw', name: 'Awareness' },
        { id: 's-co', name: 'Consideration' },
      ],
      segments: [{ id: 'g-1', name: 'New patients' }],
      competitors: [{ id: 'c-1', name: 'City Clinic' }],
      createdAt: CREATED,
      updatedAt: CREATED,
    },
    topics,
    chains,
    chainOrder: ['j-1', 'j-2'],
  };
}

// Edits as the commands make them: only the changed records are new objects.

export function setLabel(doc: MapDoc, id: TopicId, label: string): MapDoc {
  return { ...doc, topics: { ...doc.topics, [id]: { ...doc.topics[id]!, label } } };
}

export function addTopic(doc: MapDoc, topic: Topic): MapDoc {
  return { ...doc, topics: { ...doc.topics, [topic.id]: topic } };
}

/** Deletes a topic and everything below it. */
export function deleteTopic(doc: MapDoc, id: TopicId): MapDoc {
  const doomed = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const topic of Object.values(doc.topics)) {
      if (topic.parentId !== null && doomed.has(topic.parentId) && !doomed.has(topic.id)) {
        doomed.add(topic.id);
        grew = true;
      }
    }
  }
  const topics = Object.fromEntries(Object.entries(doc.topics).filter(([key]) => !doomed.has(key)));
  return { ...doc, topics };
}

export function setChain(doc: MapDoc, chain: Chain): MapDoc {
  const chainOrder = doc.chainOrder.includes(chain.id) ? doc.chainOrder : [...doc.chainOrder, chain.id];
  return { ...doc, chains: { ...doc.chains, [chain.id]: chain }, chainOrder };
}

/** A stand-in for the store: holds one doc and tells subscribers when it changes. */
export function createSource(initial: MapDoc | null): AutosaveSource & { set(doc: MapDoc | null): void } {
  let doc = initial;
  const listeners = new Set<(doc: MapDoc | null, prev: MapDoc | null) => void>();
  return {
    getDoc: () => doc,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      const prev = doc;
      doc = next;
      for (const listener of listeners) listener(next, prev);
    },
  };
}

/** One write request as the database received it. */
export interface LoggedWrite {
  readonly table: string;
  readonly type: DBCoreMutateRequest['type'];
  /** Record ids (the second half of compound keys); `*` for a range delete. */
  readonly ids: readonly string[];
}

/**
 * Logs every write request below Dexie's API (its DBCore), so tests see what reached IndexedDB
 * rather than what autosave says it wrote. Call before the database is first used.
 */
export function logWrites(db: TouchmapDB): LoggedWrite[] {
  const log: LoggedWrite[] = [];
  const idOf = (key: unknown) => (Array.isArray(key) ? String(key[1]) : String(key));
  db.use({
    stack: 'dbcore',
    name: 'test-write-log',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            const ids =
              req.type === 'add' || req.type === 'put'
                ? req.values.map((value: { id: string }) => value.id)
                : req.type === 'delete'
                  ? req.keys.map(idOf)
                  : ['*'];
            log.push({ table: name, type: req.type, ids });
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return log;
}

/** Rows written, per table and kind: `{ 'topics.put': ['t-1'], 'maps.put': ['m-clinic'] }`. */
export function summarise(log: readonly LoggedWrite[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const write of log) (out[`${write.table}.${write.type}`] ??= []).push(...write.ids);
  for (const ids of Object.values(out)) ids.sort();
  return out;
}
