/**
 * Applying a journal (`journal.ts`) to the stored map: the changes a page made just before it went,
 * written in one Dexie transaction the way autosave writes them (only the fields this tab changed,
 * over the rows as stored), then the journal is cleared.
 *
 * Newer stored work always wins: if the stored map's revision (its `updatedAt`) is not one the
 * journal was made over, someone saved it since — another tab, or the flush did land after all — and
 * the journal is not applied. If its changes are all in the stored rows already, that is the flush
 * having landed, and nothing is said; otherwise the user is told what was not recovered.
 */
import { ChainSchema, MapMetaSchema, TopicSchema } from '@shared/model/schema';
import type { ChainId, MapId, TopicId } from '@shared/model/types';
import { clearJournal, journalKey, journaledMapIds, journalSize, parseJournal, type Journal, type JournalRecord, type JournalStorage } from './journal';
import { toChainRow, toMapRow, toTopicRow } from './rows';
import type { ChainRow, MapRow, TopicRow, TouchmapDB } from './schema';

/** What recovering one map's journal did. */
export type JournalOutcome =
  /** The changes are stored now; `changes` records changed. */
  | { readonly kind: 'recovered'; readonly mapId: MapId; readonly changes: number }
  /** The map was saved since the journal was written, with other changes: the journal was dropped. */
  | { readonly kind: 'stale'; readonly mapId: MapId; readonly changes: number }
  /** Everything in it was stored already (the flush landed): dropped without a word. */
  | { readonly kind: 'already-saved'; readonly mapId: MapId }
  /** The map is gone or in Trash: a deleted map is never brought back by its journal. */
  | { readonly kind: 'map-gone'; readonly mapId: MapId }
  /** The journal failed validation: ignored and dropped. */
  | { readonly kind: 'damaged'; readonly mapId: MapId; readonly reason: string };

export interface RecoverOptions {
  /** The clock for the map row's `updatedAt`; default `new Date().toISOString()`. */
  readonly now?: () => string;
}

/** A stored row with a journal record's changed fields laid over it (the whole record when it is new). */
function patched<T extends object>(stored: T | undefined, record: JournalRecord<object>, row: T): T | undefined {
  if (record.fields === null) return row;
  if (stored === undefined) return undefined; // deleted since: stays deleted
  const result = { ...stored } as Record<string, unknown>;
  const value = row as Readonly<Record<string, unknown>>;
  for (const field of record.fields) {
    if (Object.hasOwn(value, field)) result[field] = value[field];
    else delete result[field];
  }
  return result as T;
}

/** Deep equality of stored rows (JSON values; key order ignored). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((key) => Object.hasOwn(b, key) && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Applies one map's journal, if it has one, and clears it. Never throws for a bad journal: a
 * damaged one is reported and dropped. Resolves to null when the map has no journal.
 * @example const outcome = await recoverJournal(database(), localStorage, mapId);
 */
export async function recoverJournal(db: TouchmapDB, storage: JournalStorage, mapId: MapId, options: RecoverOptions = {}): Promise<JournalOutcome | null> {
  let text: string | null;
  try {
    text = storage.getItem(journalKey(mapId));
  } catch {
    return null; // storage blocked: there is nothing this start can read
  }
  if (text === null) return null;
  const read = parseJournal(text, mapId);
  if (!read.ok) {
    clearJournal(storage, mapId);
    return { kind: 'damaged', mapId, reason: read.reason };
  }
  const outcome = await applyJournal(db, read.journal, options.now ?? (() => new Date().toISOString()));
  // Cleared only after the transaction committed: a failed write leaves the journal for the next start.
  clearJournal(storage, mapId);
  return outcome;
}

/** Recovers the journal of every map that has one (the app's start), one map after the other. */
export async function recoverJournals(db: TouchmapDB, storage: JournalStorage, options: RecoverOptions = {}): Promise<JournalOutcome[]> {
  let ids: MapId[];
  try {
    ids = journaledMapIds(storage);
  } catch {
    return [];
  }
  const outcomes: JournalOutcome[] = [];
  for (const id of ids) {
    try {
      const outcome = await recoverJournal(db, storage, id, options);
      if (outcome !== null) outcomes.push(outcome);
    } catch (error) {
      // The database refused the write: the journal stays, and the next start tries again.
      console.error(`Touchmap: the unsaved changes of map ${id} could not be recovered yet; they are tried again on the next start.`, error);
    }
  }
  return outcomes;
}

/** What applying a journal to a map's stored rows gives: the outcome, and the rows to write when it is 'recovered'. */
export interface JournalPlan {
  readonly outcome: JournalOutcome;
  readonly map: MapRow | null;
  readonly topicRows: readonly TopicRow[];
  readonly chainRows: readonly ChainRow[];
  readonly topicsDeleted: readonly TopicId[];
  readonly chainsDeleted: readonly ChainId[];
}

/** The stored rows a journal touches, as read: undefined where a row is missing. */
export interface StoredRows {
  readonly map: MapRow | undefined;
  /** Rows of the journal's topics, in the journal's order. */
  readonly topics: readonly (TopicRow | undefined)[];
  /** Rows of the journal's chains, in the journal's order. */
  readonly chains: readonly (ChainRow | undefined)[];
  /** Which of the journal's deleted topics and chains are still stored. */
  readonly topicsStillStored: readonly TopicId[];
  readonly chainsStillStored: readonly ChainId[];
}

/**
 * Pure: what a valid journal does to the stored rows it touches — every changed field laid over the
 * row as stored, new records whole — and whether it may: not over a map saved since, nor a map gone.
 * @example const plan = planJournal(journal, stored, now); if (plan.outcome.kind === 'recovered') write(plan);
 */
export function planJournal(journal: Journal, stored: StoredRows, updatedAt: string): JournalPlan {
  const { mapId } = journal;
  const none = (outcome: JournalOutcome): JournalPlan => ({ outcome, map: null, topicRows: [], chainRows: [], topicsDeleted: [], chainsDeleted: [] });
  const mapRow = stored.map;
  if (mapRow === undefined || mapRow.deletedAt !== undefined) return none({ kind: 'map-gone', mapId });
  const topicRows: TopicRow[] = [];
  journal.topics.forEach((record, index) => {
    const row = patched(stored.topics[index], record, toTopicRow(mapId, record.value));
    if (row !== undefined && !same(row, stored.topics[index])) topicRows.push(row);
  });
  const chainRows: ChainRow[] = [];
  journal.chains.forEach((record, index) => {
    const row = patched(stored.chains[index], record, toChainRow(mapId, record.value, record.order));
    if (row !== undefined && !same(row, stored.chains[index])) chainRows.push(row);
  });
  const meta = journal.meta === null ? mapRow : patched(mapRow, journal.meta, toMapRow(journal.meta.value, mapRow.touchpointCount))!;
  const metaChanged = !same(meta, mapRow);
  const changes = topicRows.length + chainRows.length + stored.topicsStillStored.length + stored.chainsStillStored.length + (metaChanged ? 1 : 0);
  if (changes === 0) return none({ kind: 'already-saved', mapId });
  if (!journal.revisions.includes(mapRow.updatedAt)) return none({ kind: 'stale', mapId, changes: journalSize(journal) });
  // What the rows become must pass the model's checks, like anything autosave writes.
  const refused =
    topicRows.find((row) => !TopicSchema.safeParse(row).success)?.id ??
    chainRows.find((row) => !ChainSchema.safeParse(row).success)?.id ??
    (MapMetaSchema.safeParse(meta).success ? undefined : mapId);
  if (refused !== undefined) return none({ kind: 'damaged', mapId, reason: `record ${refused} does not pass the model's checks` });
  const count = Number.isFinite(mapRow.touchpointCount) ? mapRow.touchpointCount : 0;
  return {
    outcome: { kind: 'recovered', mapId, changes },
    map: { ...meta, updatedAt, touchpointCount: Math.max(0, count + journal.touchpointDelta) },
    topicRows,
    chainRows,
    topicsDeleted: stored.topicsStillStored,
    chainsDeleted: stored.chainsStillStored,
  };
}

/** Writes a valid journal over the stored map in one transaction, unless the stored map changed since. */
async function applyJournal(db: TouchmapDB, journal: Journal, now: () => string): Promise<JournalOutcome> {
  const { mapId } = journal;
  const key = <I extends string>(id: I): [MapId, I] => [mapId, id];
  return db.transaction('rw', db.maps, db.topics, db.chains, async (): Promise<JournalOutcome> => {
    const [map, topics, chains, deletedTopics, deletedChains] = await Promise.all([
      db.maps.get(mapId),
      db.topics.bulkGet(journal.topics.map(({ value }) => key(value.id))),
      db.chains.bulkGet(journal.chains.map(({ value }) => key(value.id))),
      db.topics.bulkGet(journal.topicsDeleted.map(key)),
      db.chains.bulkGet(journal.chainsDeleted.map(key)),
    ]);
    const plan = planJournal(
      journal,
      {
        map,
        topics,
        chains,
        topicsStillStored: deletedTopics.flatMap((row) => (row ? [row.id] : [])),
        chainsStillStored: deletedChains.flatMap((row) => (row ? [row.id] : [])),
      },
      now(),
    );
    if (plan.map === null) return plan.outcome;
    await Promise.all([
      db.maps.put(plan.map),
      plan.topicRows.length > 0 ? db.topics.bulkPut([...plan.topicRows]) : undefined,
      plan.chainRows.length > 0 ? db.chains.bulkPut([...plan.chainRows]) : undefined,
      plan.topicsDeleted.length > 0 ? db.topics.bulkDelete(plan.topicsDeleted.map(key)) : undefined,
      plan.chainsDeleted.length > 0 ? db.chains.bulkDelete(plan.chainsDeleted.map(key)) : undefined,
    ]);
    return plan.outcome;
  });
}

/** The journals found in `storage`, valid ones only (the recovery screen only reads, so a damaged one is left for the next start). */
export function readJournals(storage: JournalStorage): Journal[] {
  const journals: Journal[] = [];
  try {
    for (const id of journaledMapIds(storage)) {
      const text = storage.getItem(journalKey(id));
      const read = text === null ? null : parseJournal(text, id);
      if (read?.ok) journals.push(read.journal);
    }
  } catch {
    // storage blocked: no journal to read
  }
  return journals;
}

/**
 * Pure: raw tables (as the recovery screen reads them) with the journals applied the way the next
 * start would apply them — only over the revision each was made over. Resolves to the new tables and
 * how many changes they gained; the tables given are not changed.
 * @example const { tables, changes } = withJournals(raw.tables, readJournals(localStorage), now);
 */
export function withJournals(
  tables: Readonly<Record<string, readonly unknown[]>>,
  journals: readonly Journal[],
  updatedAt: string,
): { tables: Record<string, readonly unknown[]>; changes: number } {
  const out: Record<string, unknown[]> = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, [...rows]]));
  let changes = 0;
  for (const journal of journals) {
    const { mapId } = journal;
    const mapIndex = (out.maps ?? []).findIndex((row) => (row as { id?: unknown } | null)?.id === mapId);
    const rowOf = (table: string, id: string) => (out[table] ?? []).find((row) => (row as { mapId?: unknown; id?: unknown } | null)?.mapId === mapId && (row as { id?: unknown }).id === id);
    const plan = planJournal(
      journal,
      {
        map: mapIndex < 0 ? undefined : (out.maps![mapIndex] as MapRow),
        topics: journal.topics.map(({ value }) => rowOf('topics', value.id) as TopicRow | undefined),
        chains: journal.chains.map(({ value }) => rowOf('chains', value.id) as ChainRow | undefined),
        topicsStillStored: journal.topicsDeleted.filter((id) => rowOf('topics', id) !== undefined),
        chainsStillStored: journal.chainsDeleted.filter((id) => rowOf('chains', id) !== undefined),
      },
      updatedAt,
    );
    if (plan.map === null || plan.outcome.kind !== 'recovered') continue;
    changes += plan.outcome.changes;
    out.maps![mapIndex] = plan.map;
    const replace = (table: string, rows: readonly { id: string }[], deleted: readonly string[]) => {
      const gone = new Set([...deleted, ...rows.map((row) => row.id)]);
      out[table] = [...(out[table] ?? []).filter((row) => !((row as { mapId?: unknown }).mapId === mapId && gone.has((row as { id: string }).id))), ...rows];
    };
    replace('topics', plan.topicRows, plan.topicsDeleted);
    replace('chains', plan.chainRows, plan.chainsDeleted);
  }
  return { tables: out, changes };
}
