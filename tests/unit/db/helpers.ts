/**
 * A small driver for the storage tests: fresh databases, edits made the way the model's commands
 * make them (new objects for changed records, the others kept by reference), a
 * doc source standing in for the store, and a log of every row the database is asked to write.
 */
import 'fake-indexeddb/auto';
import type { DBCoreMutateRequest } from 'dexie';
import type { Chain, MapDoc, Topic, TopicId } from '@shared/model/types';
import { TouchmapDB, type AutosaveSource } from '../../../renderer/src/db';
import { entriesOf } from '@shared/model/ids';

let dbCount = 0;

/** A database no other test uses. */
export function freshDb(): TouchmapDB {
  dbCount += 1;
  return new TouchmapDB(`touchmap-test-${dbCount}-${Math.random().toString(36).slice(2)}`);
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
  const topics = Object.fromEntries(entriesOf(doc.topics).filter(([key]) => !doomed.has(key)));
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
