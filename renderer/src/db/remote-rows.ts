/**
 * Another tab's saved changes to the open map, merged into this tab's doc.
 *
 * Two tabs (or windows) may have the same map open. Each one's autosave writes only the rows it
 * changed, and only the fields of those rows it changed (`autosave.ts`), then tells the other tabs
 * which rows it wrote (`tab-channel.ts`). The receiving tab reads those rows back from the
 * database — the stored row is the merge of every tab's writes — and merges them here:
 * - a record this tab has not changed since its last save takes the stored row as it is;
 * - a record this tab has changed keeps its own changed fields over the stored row, and autosave
 *   writes those fields next (so the same field resolves to the later edit);
 * - a record deleted in either tab stays deleted.
 * Pure, so the store can replay it on any state undo or redo brings back.
 */
import { ChainSchema, MapMetaSchema, TopicSchema } from '@shared/model/schema';
import type { Chain, ChainId, MapDoc, MapId, MapMeta, Topic, TopicId } from '@shared/model/types';
import { idsOf } from '@shared/model/ids';
import { own } from './rows';
import type { ChainRow, MapRow, TopicRow, TouchmapDB } from './schema';

/** The rows another tab wrote to one map, as stored now. */
export interface RemoteRows {
  readonly mapId: MapId;
  /** The map's own fields, or null when they were not written. */
  readonly meta: MapMeta | null;
  readonly topics: readonly Topic[];
  readonly topicsDeleted: readonly TopicId[];
  readonly chains: readonly { readonly chain: Chain; readonly order: number }[];
  readonly chainsDeleted: readonly ChainId[];
}

/** What a tab tells the others after a committed save: the ids of the rows it wrote. */
export interface WrittenRows {
  readonly mapId: MapId;
  readonly topics: readonly TopicId[];
  readonly topicsDeleted: readonly TopicId[];
  readonly chains: readonly ChainId[];
  readonly chainsDeleted: readonly ChainId[];
}

type Fields = Readonly<Record<string, unknown>>;

/**
 * `onto` with every field `after` changed relative to `before` (added, replaced or removed).
 * Fields are compared by reference, as commands replace exactly what they change.
 * @example mergeFields(storedRow, savedTopic, editedTopic) // the stored row with this tab's edits
 */
export function mergeFields<T extends object>(onto: T, before: object, after: T): T {
  const result = { ...onto } as Record<string, unknown>;
  const was = before as Fields;
  const now = after as Fields;
  for (const key of Object.keys(now)) {
    if (!Object.hasOwn(was, key) || was[key] !== now[key]) result[key] = now[key];
  }
  for (const key of Object.keys(was)) {
    if (!Object.hasOwn(now, key)) delete result[key];
  }
  return result as T;
}

/** One record: the remote one, with this tab's own changes since `base` kept on top. */
function mergeRecord<T extends object>(local: T | undefined, base: T | undefined, remote: T): T | undefined {
  if (local === undefined) return base === undefined ? remote : undefined; // deleted here: stays deleted
  if (local === base) return remote;
  return mergeFields(remote, base ?? {}, local);
}

/**
 * `doc` with the remote rows merged in; `base` is the doc this tab last saved (what "changed here"
 * is measured against). Returns `doc` itself when nothing changes.
 * @example runCommand((doc) => mergeRemote(doc, base, remote), { history: 'skip' });
 */
export function mergeRemote(doc: MapDoc, base: MapDoc, remote: RemoteRows): MapDoc {
  if (doc.map.id !== remote.mapId) return doc;
  let topics: Record<TopicId, Topic> | null = null;
  const writeTopics = () => (topics ??= { ...doc.topics });
  for (const topic of remote.topics) {
    const merged = mergeRecord(own(doc.topics, topic.id), own(base.topics, topic.id), topic);
    if (merged !== undefined && merged !== own(doc.topics, topic.id)) writeTopics()[topic.id] = merged;
  }
  for (const id of remote.topicsDeleted) {
    if (Object.hasOwn(doc.topics, id)) delete writeTopics()[id];
  }

  let chains: Record<ChainId, Chain> | null = null;
  const writeChains = () => (chains ??= { ...doc.chains });
  for (const { chain } of remote.chains) {
    const merged = mergeRecord(own(doc.chains, chain.id), own(base.chains, chain.id), chain);
    if (merged !== undefined && merged !== own(doc.chains, chain.id)) writeChains()[chain.id] = merged;
  }
  for (const id of remote.chainsDeleted) {
    if (Object.hasOwn(doc.chains, id)) delete writeChains()[id];
  }
  let chainOrder = doc.chainOrder;
  if (chains !== null) {
    // The remote positions place the chains it wrote; every other chain keeps its place here.
    const remoteOrder = new Map(remote.chains.map(({ chain, order }) => [chain.id, order]));
    const finalChains: Record<ChainId, Chain> = chains;
    const listed = doc.chainOrder.filter((id) => Object.hasOwn(finalChains, id));
    const added = idsOf(finalChains).filter((id) => !listed.includes(id));
    const position = (id: ChainId, index: number) => (doc.chainOrder === base.chainOrder ? remoteOrder.get(id) ?? index : index);
    chainOrder = [...listed, ...added]
      .map((id, index) => ({ id, at: position(id, index), index }))
      .sort((a, b) => a.at - b.at || a.index - b.index)
      .map(({ id }) => id);
  }

  const map = remote.meta === null ? doc.map : (mergeRecord(doc.map, base.map, remote.meta) ?? doc.map);
  if (topics === null && chains === null && map === doc.map) return doc;
  return { ...doc, map, topics: topics ?? doc.topics, chains: chains ?? doc.chains, chainOrder };
}

/** The result of reading another tab's rows: the rows, or that the map is gone. */
export type RemoteRead = { readonly deleted: true } | { readonly deleted: false; readonly rows: RemoteRows };

/**
 * Reads the rows another tab says it wrote, as they are stored now, in one transaction. A row
 * that no longer exists counts as deleted; a row that fails the model's schema is left out (and
 * logged) rather than let into the doc.
 */
export async function readRemoteRows(db: TouchmapDB, written: WrittenRows): Promise<RemoteRead> {
  const { mapId } = written;
  const [mapRow, topicRows, chainRows] = await db.transaction('r', db.maps, db.topics, db.chains, () =>
    Promise.all([
      db.maps.get(mapId),
      db.topics.bulkGet(written.topics.map((id): [MapId, TopicId] => [mapId, id])),
      db.chains.bulkGet(written.chains.map((id): [MapId, ChainId] => [mapId, id])),
    ]),
  );
  if (mapRow === undefined) return { deleted: true };
  const topics: Topic[] = [];
  const topicsDeleted = [...written.topicsDeleted];
  written.topics.forEach((id, index) => {
    const row: TopicRow | undefined = topicRows[index];
    if (row === undefined) topicsDeleted.push(id);
    else pushValid(topics, TopicSchema.safeParse(row), `topic ${id}`);
  });
  const chains: { chain: Chain; order: number }[] = [];
  const chainsDeleted = [...written.chainsDeleted];
  written.chains.forEach((id, index) => {
    const row: ChainRow | undefined = chainRows[index];
    if (row === undefined) chainsDeleted.push(id);
    else {
      const parsed = ChainSchema.safeParse(row);
      if (parsed.success) chains.push({ chain: parsed.data as Chain, order: Number.isFinite(row.order) ? row.order : Number.MAX_VALUE });
      else logRefused(`chain ${id}`, parsed.error);
    }
  });
  const meta: MapMeta[] = [];
  pushValid(meta, MapMetaSchema.safeParse(mapRow satisfies MapRow), `map ${mapId}`);
  return { deleted: false, rows: { mapId, meta: meta[0] ?? null, topics, topicsDeleted, chains, chainsDeleted } };
}

function pushValid<T>(into: T[], parsed: { success: true; data: unknown } | { success: false; error: unknown }, what: string): void {
  if (parsed.success) into.push(parsed.data as T);
  else logRefused(what, parsed.error);
}

function logRefused(what: string, error: unknown): void {
  console.warn(`Touchmap: another tab's ${what} does not pass the model's checks and was not merged here; reopen the map to repair it.`, error);
}
