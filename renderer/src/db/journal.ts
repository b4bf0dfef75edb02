/**
 * The journal: a map's not-yet-saved changes, written synchronously to `localStorage` when the
 * page is hidden or goes away.
 *
 * Autosave gathers changes for {@link PERSIST_THROTTLE_MS} and writes them in an IndexedDB
 * transaction; a page reloaded or closed within that moment goes before the transaction commits,
 * and the edit would be lost. `localStorage` is written before the call returns, so the page's
 * hide handler journals what autosave has not stored yet, and the next start applies it
 * (`journal-recovery.ts`) through a Dexie transaction, unless the stored map changed since.
 *
 * - One entry per map (`touchmap.journal.<mapId>`), versioned ({@link JOURNAL_VERSION}).
 * - Only the changed records travel, and of an edited record only the names of the fields this tab
 *   changed, so applying it lays exactly those fields over the stored row (as autosave does) and a
 *   5,000-touchpoint map journals an edit in a few hundred bytes.
 * - It names the stored revisions (the `maps` row's `updatedAt`) the changes were made over: a
 *   journal whose map was saved since (by another tab, or by the flush after all) is not applied.
 * - Reading validates it with the model's schemas; anything else is reported as damaged, never used.
 */
import * as z from 'zod';
import { ChainSchema, MapMetaSchema, TopicSchema } from '@shared/model/schema';
import type { Chain, ChainId, MapId, MapMeta, Topic, TopicId } from '@shared/model/types';
import { mapIdFrom } from '@shared/model/ids';
import { diffDocs, hasChanges } from './diff';
import { own, toChainRow, toTopicRow } from './rows';
import type { PendingSave } from './autosave';

/** The journal's format version; a reader refuses any other. */
export const JOURNAL_VERSION = 1;

import { JOURNAL_KEY_PREFIX, journalKey } from './journal-key';
export { JOURNAL_KEY_PREFIX, journalKey } from './journal-key';

/** An edited or added record: the whole record as this tab has it, and which of its fields changed (null: added). */
export interface JournalRecord<T> {
  readonly value: T;
  readonly fields: readonly string[] | null;
}

/** One map's unsaved changes. */
export interface Journal {
  readonly version: typeof JOURNAL_VERSION;
  readonly mapId: MapId;
  /** The tab that wrote it: a tab clears only its own journal once its save lands. */
  readonly tabId: string;
  /** The stored `maps` row's `updatedAt` values the changes were made over (see {@link PendingSave.revisions}). */
  readonly revisions: readonly string[];
  /** When it was written (ISO). */
  readonly writtenAt: string;
  /** The map's own fields, when they changed (`updatedAt` is the save's, never journaled). */
  readonly meta: JournalRecord<MapMeta> | null;
  readonly topics: readonly JournalRecord<Topic>[];
  readonly topicsDeleted: readonly TopicId[];
  /** Chains with their position in the map's chain list (`order` is one of the fields). */
  readonly chains: readonly (JournalRecord<Chain> & { readonly order: number })[];
  readonly chainsDeleted: readonly ChainId[];
  /** How the map's touchpoint count moves when the changes land. */
  readonly touchpointDelta: number;
}

/** Where journals live: `localStorage` in the app, a plain fake in tests. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** The names of the fields that differ between two records (added, replaced or removed), by reference. */
export function changedFields(before: object, after: object): string[] {
  const was = before as Readonly<Record<string, unknown>>;
  const now = after as Readonly<Record<string, unknown>>;
  const fields = Object.keys(now).filter((key) => !Object.hasOwn(was, key) || was[key] !== now[key]);
  for (const key of Object.keys(was)) if (!Object.hasOwn(now, key)) fields.push(key);
  return fields;
}

/** How many records a journal changes: what the recovery notice counts. */
export const journalSize = (journal: Journal): number =>
  (journal.meta ? 1 : 0) + journal.topics.length + journal.topicsDeleted.length + journal.chains.length + journal.chainsDeleted.length;

/**
 * The journal of one map's pending save, or null when nothing is pending. O(changed records) plus
 * the diff's pass over the topic keys (about a millisecond at 5,000 topics).
 * @example const journal = journalOf(autosave.pending()[0], tabId, new Date().toISOString());
 */
export function journalOf(pending: PendingSave, tabId: string, writtenAt: string): Journal | null {
  const { saved, latest } = pending;
  const changes = diffDocs(saved, latest);
  if (!hasChanges(changes)) return null;
  const before = saved.doc;
  const mapId = changes.mapId;
  const topics = changes.topicsPut.map((topic): JournalRecord<Topic> => {
    const was = own(before.topics, topic.id);
    return { value: topic, fields: was === undefined ? null : changedFields(toTopicRow(mapId, was), toTopicRow(mapId, topic)) };
  });
  const chains = changes.chainsPut.map(({ chain, order }) => {
    const was = own(before.chains, chain.id);
    const wasRow = was === undefined ? null : toChainRow(mapId, was, saved.chainPositions.get(chain.id) ?? order);
    return { value: chain, order, fields: wasRow === null ? null : changedFields(wasRow, toChainRow(mapId, chain, order)) };
  });
  const { updatedAt: _savedAt, ...metaBefore } = before.map;
  const { updatedAt: _editedAt, ...metaAfter } = latest.map;
  const metaFields = changes.metaChanged ? changedFields(metaBefore, metaAfter) : [];
  return {
    version: JOURNAL_VERSION,
    mapId,
    tabId,
    revisions: [...pending.revisions],
    writtenAt,
    meta: metaFields.length > 0 ? { value: latest.map, fields: metaFields } : null,
    topics,
    topicsDeleted: [...changes.topicsDeleted],
    chains,
    chainsDeleted: [...changes.chainsDeleted],
    touchpointDelta: changes.after.touchpointCount - saved.touchpointCount,
  };
}

/** What writing a journal did: its size in characters, or why `localStorage` refused it. */
export type JournalWrite = { readonly ok: true; readonly chars: number } | { readonly ok: false; readonly reason: string };

/**
 * Writes a journal now, synchronously (replacing the map's previous one). Never throws: a full or
 * blocked `localStorage` is reported, and autosave's own flush still runs.
 */
export function writeJournal(storage: JournalStorage, journal: Journal): JournalWrite {
  const text = JSON.stringify(journal);
  try {
    storage.setItem(journalKey(journal.mapId), text);
    return { ok: true, chars: text.length };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/**
 * Journals every pending save of a running autosave; returns what each write did. The page's hide
 * handlers call it before starting the (asynchronous) flush.
 */
export function journalPending(storage: JournalStorage, pending: readonly PendingSave[], tabId: string, now: string): JournalWrite[] {
  const writes: JournalWrite[] = [];
  for (const save of pending) {
    const journal = journalOf(save, tabId, now);
    if (journal !== null) writes.push(writeJournal(storage, journal));
  }
  return writes;
}

/** Removes a map's journal; with `tabId`, only if that tab wrote it (another tab's stays for its recovery). */
export function clearJournal(storage: JournalStorage, mapId: MapId, tabId?: string): void {
  try {
    const key = journalKey(mapId);
    if (tabId !== undefined) {
      const text = storage.getItem(key);
      if (text === null || journalTabOf(text) !== tabId) return;
    }
    storage.removeItem(key);
  } catch (error) {
    console.warn(`Touchmap: could not clear the journal of map ${mapId}.`, error);
  }
}

/** The tab id of a journal's text, without validating the rest (null when it has none). */
export function journalTabOf(text: string | null): string | null {
  if (text === null) return null;
  try {
    const tabId = (JSON.parse(text) as { tabId?: unknown }).tabId;
    return typeof tabId === 'string' ? tabId : null;
  } catch {
    return null;
  }
}

/** The ids of the maps that have a journal. */
export function journaledMapIds(storage: JournalStorage): MapId[] {
  const ids: MapId[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(JOURNAL_KEY_PREFIX)) ids.push(mapIdFrom(key.slice(JOURNAL_KEY_PREFIX.length)));
  }
  return ids;
}

const fieldList = z.array(z.string()).nullable();
const JournalSchema = z.object({
  version: z.literal(JOURNAL_VERSION),
  mapId: z.string().min(1),
  tabId: z.string(),
  revisions: z.array(z.string()).min(1),
  writtenAt: z.string(),
  meta: z.object({ value: MapMetaSchema, fields: z.array(z.string()) }).nullable(),
  topics: z.array(z.object({ value: TopicSchema, fields: fieldList })),
  topicsDeleted: z.array(z.string()),
  chains: z.array(z.object({ value: ChainSchema, order: z.number(), fields: fieldList })),
  chainsDeleted: z.array(z.string()),
  touchpointDelta: z.int(),
});

/** A journal read back: valid, or damaged with the reason. */
export type JournalRead = { readonly ok: true; readonly journal: Journal } | { readonly ok: false; readonly reason: string };

/**
 * Parses and validates a journal's text for map `mapId` with the model's schemas.
 * @example const read = parseJournal(storage.getItem(journalKey(id))!, id); if (read.ok) apply(read.journal);
 */
export function parseJournal(text: string, mapId: MapId): JournalRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not JSON' };
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (version !== JOURNAL_VERSION) return { ok: false, reason: `its version ${JSON.stringify(version) ?? 'is missing and'} is not ${JOURNAL_VERSION}` };
  const parsed = JournalSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join('.') || 'the journal'}: ${issue.message}` };
  }
  if (parsed.data.mapId !== mapId) return { ok: false, reason: `it belongs to map ${parsed.data.mapId}` };
  return { ok: true, journal: parsed.data as unknown as Journal };
}
