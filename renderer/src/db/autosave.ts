/**
 * Autosave: keeps the open map in IndexedDB without a save button.
 *
 * - It watches a doc source (the store, through two functions — it knows nothing of zustand) and
 *   writes what changed since the last successful save, by record reference (`diff.ts`): changed or
 *   new topics and chains are put, vanished ones deleted, and the `maps` row rewritten with a fresh
 *   `updatedAt` and `touchpointCount`. One edit writes one topic row and the map row.
 * - Each save is one read-write transaction: the stored map is always a state the user saw.
 * - Saves are throttled ({@link PERSIST_THROTTLE_MS}); a failed save keeps its changes and retries
 *   with backoff while the status says "error", so the UI can show "Not saved".
 * - Switching to another map (or to none) saves the previous map's pending changes at once.
 * - `flush()` writes everything pending now: the quit handshake and page hide call it.
 * - `pending()` hands over, synchronously, what is not yet stored and which stored revision (the
 *   `maps` row's `updatedAt`) it lies over: the journal (`journal.ts`) keeps it through a page that
 *   goes away before the flush commits.
 *
 * - Another tab may have the same map open. A save writes, of each changed row, only the fields
 *   this tab changed, over the row as stored now, so the other tab's edits to other fields and
 *   other records survive; `onWritten` names the rows so the other tabs can merge them
 *   (`tab-channel.ts`), and {@link Autosave.acceptRemote} takes their rows in without echoing them.
 *
 * Contract with the store: a doc that enters the source (the first one, or one with another map
 * id) is taken to be stored already — loaded by `loadMap` or written by `createMap`. Only changes
 * made after that are written. If its `maps` row is missing when a change is saved, the map was
 * deleted (in another tab or window): nothing is written, ever again, for that map — a deleted
 * map must not come back — and the status says 'deleted'.
 */
import type { ChainId, MapDoc, MapId, TopicId } from '@shared/model/types';
import { diffDocs, hasChanges, savedStateOf, type DocChanges, type SavedState } from './diff';
import { mergeFields, mergeRemote, type RemoteRows, type WrittenRows } from './remote-rows';
import { own, toChainRow, toMapRow, toTopicRow } from './rows';
import type { ChainRow, TopicRow, TouchmapDB } from './schema';

/**
 * How long autosave gathers changes before writing them. The promise is that an edit
 * visible for one second survives a closed window; 350 ms of gathering plus a write well under
 * 100 ms keeps that with room to spare, while a burst of keystrokes or a drag becomes one write
 * instead of one per event. Throttled, not debounced: continuous typing still saves every 350 ms.
 */
export const PERSIST_THROTTLE_MS = 350;

/** First retry delay after a failed save; it doubles per failure up to {@link RETRY_MAX_MS}. */
export const RETRY_BASE_MS = 500;

/**
 * Longest wait between retries. A failing disk (full, locked) may recover at any moment; ten
 * seconds keeps the wait short without hammering a device that keeps refusing.
 */
export const RETRY_MAX_MS = 10_000;

/**
 * The save state the UI shows: "Saved", "Saving…", "Unsaved changes", "Not saved", and "deleted":
 * the map was deleted elsewhere, so nothing of it is saved any more.
 */
export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error' | 'deleted';

/** A save found the map's row gone: it was deleted in another tab or window. */
export class MapDeletedError extends Error {
  constructor(readonly mapId: MapId) {
    super(`Map "${mapId}" was deleted in another window; it is not saved again.`);
    this.name = 'MapDeletedError';
  }
}

/** The save state, with the reason when the last save failed. */
export interface SaveStatus {
  readonly state: SaveState;
  /** The failed save's error (`name: message`) while `state` is 'error'; otherwise null. */
  readonly error: string | null;
}

/** Where autosave reads the open doc; the store adapts itself to this (see `store/`). */
export interface AutosaveSource {
  /** The open doc, or null when no map is open. */
  getDoc(): MapDoc | null;
  /** Calls `listener` after every doc change; returns the unsubscribe function. */
  subscribe(listener: (doc: MapDoc | null, prev: MapDoc | null) => void): () => void;
}

/** One committed save, for the status bar's diagnostics and the benchmark (`edit_rows_written`). */
export interface WriteReport {
  readonly mapId: MapId;
  /** Rows put or deleted in the transaction, the `maps` row included. */
  readonly rows: number;
  readonly topicsPut: number;
  readonly topicsDeleted: number;
  readonly chainsPut: number;
  readonly chainsDeleted: number;
  /** Always false: a map whose `maps` row is missing was deleted, and is not written again. Kept for the report's readers. */
  readonly full: boolean;
  /** From the transaction's start to its commit. */
  readonly ms: number;
  /** The `updatedAt` this write gave the `maps` row: the stored revision from now on. */
  readonly updatedAt: string;
}

/** One map's changes not yet stored, and the stored revisions they lie over. */
export interface PendingSave {
  /** What is stored, as this tab knows it. */
  readonly saved: SavedState;
  /** The newest doc of the map. */
  readonly latest: MapDoc;
  /**
   * The `maps` row's `updatedAt` values the stored map may have under these changes: the one this
   * tab last wrote or read, and that of a write still running (it may commit after the page is gone).
   */
  readonly revisions: readonly string[];
}

export interface AutosaveOptions {
  /** Gathering time before a write; default {@link PERSIST_THROTTLE_MS}. Tests use less. */
  readonly throttleMs?: number;
  /** First retry delay; default {@link RETRY_BASE_MS}. */
  readonly retryBaseMs?: number;
  /** Called whenever the status changes (not on every edit). */
  readonly onStatus?: (status: SaveStatus) => void;
  /** Called after every committed save. */
  readonly onWrite?: (report: WriteReport) => void;
  /** Called after every committed save with the ids of the rows written, for the other tabs. */
  readonly onWritten?: (rows: WrittenRows) => void;
  /** Called once when a save finds that the map was deleted elsewhere. */
  readonly onDeleted?: (mapId: MapId) => void;
  /** The clock for the map row's `updatedAt`; default `new Date().toISOString()`. */
  readonly now?: () => string;
}

/** A running autosave. */
export interface Autosave {
  /**
   * Writes everything pending now, skipping the throttle and any retry wait, and resolves once it
   * is committed. Rejects if a write fails (retries still go on in the background).
   */
  flush(): Promise<void>;
  /** Stops watching and cancels waiting writes; a write in progress still commits. Flush first to keep pending changes. */
  stop(): void;
  /** The current status. */
  status(): SaveStatus;
  /**
   * Takes in rows another tab saved to the open map: they become part of what is stored (so they
   * are not written back), and the returned command merges them into any doc, keeping this tab's
   * unsaved changes on top. Run it on the store with `{ history: 'skip' }`. Null when the rows
   * are of another map than the open one.
   */
  acceptRemote(remote: RemoteRows): ((doc: MapDoc) => MapDoc) | null;
  /** The open map was deleted elsewhere: drop its pending changes and never write it again. */
  mapDeleted(mapId: MapId): void;
  /**
   * Every map's changes not yet committed, with their stored revisions; synchronous and cheap (no
   * diff), so a page being hidden can journal them before it goes.
   */
  pending(): readonly PendingSave[];
  /** Rows written by the last committed transaction (0 before the first). */
  readonly lastWriteRowCount: number;
}

/** One map being saved: what is stored, and the newest doc seen for it. */
interface Session {
  saved: SavedState;
  latest: MapDoc;
  /** The stored `maps` row's `updatedAt` as this tab last wrote or read it. */
  revision: string;
  /** The `updatedAt` of this map's write now running, if one is. */
  writingRevision: string | null;
  /** Other tabs' rows taken in while a write of this map was running; applied again once it commits. */
  remoteDuringWrite: RemoteRows[];
}

/** Calls a caller's callback; one that throws must not stop saving, so its error is only logged. */
function notify<T>(callback: ((value: T) => void) | undefined, value: T): void {
  try {
    callback?.(value);
  } catch (error) {
    console.error('Touchmap autosave: a status or write callback threw; saving goes on.', error);
  }
}

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Starts saving the source's doc into `db`.
 *
 * @example
 * const autosave = startAutosave(db, {
 *   getDoc: () => useDocStore.getState().doc,
 *   subscribe: (listener) => useDocStore.subscribe((s, p) => { if (s.doc !== p.doc) listener(s.doc, p.doc); }),
 * }, { onStatus: (status) => useUiStore.setState({ saveStatus: status }) });
 * window.addEventListener('pagehide', () => void autosave.flush());
 */
export function startAutosave(db: TouchmapDB, source: AutosaveSource, options: AutosaveOptions = {}): Autosave {
  const throttleMs = options.throttleMs ?? PERSIST_THROTTLE_MS;
  const retryBaseMs = options.retryBaseMs ?? RETRY_BASE_MS;
  const now = options.now ?? (() => new Date().toISOString());

  let current: Session | null = null;
  /** Maps switched away from with changes not yet written; saved first, oldest first. */
  const closing: Session[] = [];
  let inFlight: Promise<boolean> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerIsImmediate = false;
  let retryDelay = retryBaseMs;
  let lastError: string | null = null;
  let lastWriteRowCount = 0;
  let stopped = false;
  /** Maps found deleted elsewhere: never written again by this autosave. */
  const deletedMaps = new Set<MapId>();
  let reported: SaveStatus = { state: 'saved', error: null };

  const initial = source.getDoc();
  if (initial) current = openSession(initial);

  function openSession(doc: MapDoc): Session {
    return { saved: savedStateOf(doc), latest: doc, revision: doc.map.updatedAt, writingRevision: null, remoteDuringWrite: [] };
  }

  const isDirty = (session: Session) => session.latest !== session.saved.doc && !deletedMaps.has(session.latest.map.id);
  const hasWork = () => closing.length > 0 || (current !== null && isDirty(current));

  function computeStatus(): SaveStatus {
    if (current !== null && deletedMaps.has(current.latest.map.id)) return { state: 'deleted', error: null };
    if (inFlight) return { state: 'saving', error: null };
    if (lastError !== null && hasWork()) return { state: 'error', error: lastError };
    return { state: hasWork() ? 'unsaved' : 'saved', error: null };
  }

  function publishStatus(): void {
    if (!inFlight && !hasWork()) {
      // Nothing left unsaved (e.g. an undo back to the stored doc after a failed write): no error to show.
      lastError = null;
      retryDelay = retryBaseMs;
    }
    const next = computeStatus();
    if (next.state === reported.state && next.error === reported.error) return;
    reported = next;
    notify(options.onStatus, next);
  }

  /**
   * Runs a write after `delay`. A waiting throttle or retry timer is kept (so a stream of edits
   * cannot postpone the save forever), unless an immediate run is asked for.
   */
  function schedule(delay: number): void {
    if (stopped || inFlight) return; // the write's end schedules what follows
    const immediate = delay === 0;
    if (timer !== null) {
      if (!immediate || timerIsImmediate) return;
      clearTimeout(timer);
    }
    timerIsImmediate = immediate;
    timer = setTimeout(() => {
      timer = null;
      void startWrite();
    }, delay);
  }

  function cancelTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function observe(doc: MapDoc | null): void {
    if (stopped) return;
    if (current !== null && doc !== null && doc.map.id === current.latest.map.id) {
      if (doc === current.latest) return;
      current.latest = doc;
      schedule(throttleMs);
    } else {
      // Another map (or none): the previous map's pending changes go first, without waiting.
      if (current !== null && isDirty(current)) closing.push(current);
      current = doc === null ? null : openSession(doc);
      if (closing.length > 0) schedule(0);
    }
    publishStatus();
  }

  /** Starts one write if there is work and none is running; resolves to whether it succeeded. */
  function startWrite(): Promise<boolean> {
    if (inFlight) return inFlight;
    const session = closing[0] ?? (current !== null && isDirty(current) ? current : null);
    if (session === null) {
      publishStatus();
      return Promise.resolve(true);
    }
    const changes = diffDocs(session.saved, session.latest);
    if (!hasChanges(changes)) {
      // A new doc object holding the same records (e.g. undo back to the saved state): nothing to write.
      commit(session, changes);
      afterWrite(true);
      return Promise.resolve(true);
    }
    session.remoteDuringWrite = [];
    const updatedAt = now();
    session.writingRevision = updatedAt;
    const write = writeChanges(session.saved, changes, updatedAt)
      .then(
        (report) => {
          session.revision = report.updatedAt;
          session.writingRevision = null;
          commit(session, changes);
          lastWriteRowCount = report.rows;
          lastError = null;
          retryDelay = retryBaseMs;
          notify(options.onWrite, report);
          return true;
        },
        (error: unknown) => {
          session.writingRevision = null;
          if (error instanceof MapDeletedError) {
            forgetDeleted(error.mapId);
            return true;
          }
          // The transaction aborted as a whole and `saved` is unchanged, so the retry writes these
          // changes again, together with any made since.
          lastError = describeError(error);
          return false;
        },
      )
      .then((ok) => {
        inFlight = null;
        afterWrite(ok);
        return ok;
      });
    inFlight = write;
    publishStatus();
    return write;
  }

  function commit(session: Session, changes: DocChanges): void {
    let saved = changes.after;
    // Rows another tab wrote while this write ran are stored too; without this they would look
    // like this tab's own changes and be written back.
    for (const remote of session.remoteDuringWrite) saved = savedStateOf(mergeRemote(saved.doc, saved.doc, remote));
    session.remoteDuringWrite = [];
    session.saved = saved;
    const index = closing.indexOf(session);
    if (index >= 0 && !isDirty(session)) closing.splice(index, 1);
  }

  function afterWrite(ok: boolean): void {
    if (!ok) {
      schedule(retryDelay);
      retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
    } else if (closing.length > 0) {
      schedule(0);
    } else if (current !== null && isDirty(current)) {
      // Edits made during the write: gather them for another throttle window.
      schedule(throttleMs);
    }
    publishStatus();
  }

  /** A map deleted elsewhere: its pending changes are dropped and it is never written again. */
  function forgetDeleted(mapId: MapId): void {
    if (deletedMaps.has(mapId)) return;
    deletedMaps.add(mapId);
    for (let i = closing.length - 1; i >= 0; i--) if (closing[i]!.latest.map.id === mapId) closing.splice(i, 1);
    notify(options.onDeleted, mapId);
  }

  /**
   * Writes the changes in one transaction. Rows that existed when this tab last saved get only the
   * fields this tab changed, laid over the row as stored now (another tab may have written it
   * since); new rows are put whole; a row deleted meanwhile stays deleted.
   */
  async function writeChanges(saved: SavedState, changes: DocChanges, updatedAt: string): Promise<WriteReport> {
    const started = performance.now();
    const { mapId, after } = changes;
    const before = saved.doc;
    const edited = changes.topicsPut.filter((topic) => own(before.topics, topic.id) !== undefined);
    const added = changes.topicsPut.filter((topic) => own(before.topics, topic.id) === undefined);
    const editedChains = changes.chainsPut.filter(({ chain }) => own(before.chains, chain.id) !== undefined);
    const addedChains = changes.chainsPut.filter(({ chain }) => own(before.chains, chain.id) === undefined);
    let rows = 0;
    await db.transaction('rw', db.maps, db.topics, db.chains, async () => {
      const [storedMap, storedTopics, storedChains] = await Promise.all([
        db.maps.get(mapId),
        db.topics.bulkGet(edited.map((topic): [MapId, TopicId] => [mapId, topic.id])),
        db.chains.bulkGet(editedChains.map(({ chain }): [MapId, ChainId] => [mapId, chain.id])),
      ]);
      // Gone, or moved to Trash elsewhere (the row stays, with `deletedAt`): never written again from here.
      if (storedMap === undefined || storedMap.deletedAt !== undefined) throw new MapDeletedError(mapId);
      const meta = changes.metaChanged ? mergeFields(storedMap, before.map, after.doc.map) : storedMap;
      // The count moves by this tab's own change, so another tab's added touchpoints are not lost from it.
      const stored = Number.isFinite(storedMap.touchpointCount) ? storedMap.touchpointCount : saved.touchpointCount;
      const mapRow = toMapRow({ ...meta, updatedAt }, Math.max(0, stored + after.touchpointCount - saved.touchpointCount));
      const topicRows: TopicRow[] = added.map((topic) => toTopicRow(mapId, topic));
      edited.forEach((topic, index) => {
        const row = storedTopics[index];
        if (row !== undefined) topicRows.push(mergeFields(row, own(before.topics, topic.id)!, toTopicRow(mapId, topic)));
      });
      const chainRows: ChainRow[] = addedChains.map(({ chain, order }) => toChainRow(mapId, chain, order));
      editedChains.forEach(({ chain, order }, index) => {
        const row = storedChains[index];
        if (row !== undefined) chainRows.push(mergeFields(row, { ...own(before.chains, chain.id)!, mapId, order: saved.chainPositions.get(chain.id) }, toChainRow(mapId, chain, order)));
      });
      const writes: Promise<unknown>[] = [db.maps.put(mapRow)];
      if (topicRows.length > 0) writes.push(db.topics.bulkPut(topicRows));
      if (changes.topicsDeleted.length > 0) {
        writes.push(db.topics.bulkDelete(changes.topicsDeleted.map((id): [MapId, TopicId] => [mapId, id])));
      }
      if (chainRows.length > 0) writes.push(db.chains.bulkPut(chainRows));
      if (changes.chainsDeleted.length > 0) {
        writes.push(db.chains.bulkDelete(changes.chainsDeleted.map((id): [MapId, ChainId] => [mapId, id])));
      }
      rows =
        1 + changes.topicsPut.length + changes.topicsDeleted.length + changes.chainsPut.length + changes.chainsDeleted.length;
      await Promise.all(writes);
    });
    notify(options.onWritten, {
      mapId,
      topics: changes.topicsPut.map((topic) => topic.id),
      topicsDeleted: changes.topicsDeleted,
      chains: changes.chainsPut.map(({ chain }) => chain.id),
      chainsDeleted: changes.chainsDeleted,
    });
    return {
      mapId,
      rows,
      topicsPut: changes.topicsPut.length,
      topicsDeleted: changes.topicsDeleted.length,
      chainsPut: changes.chainsPut.length,
      chainsDeleted: changes.chainsDeleted.length,
      full: false,
      ms: performance.now() - started,
      updatedAt,
    };
  }

  const unsubscribe = source.subscribe((doc) => observe(doc));

  return {
    async flush() {
      cancelTimer();
      for (;;) {
        if (inFlight) {
          await inFlight; // someone else's write; then look again
          continue;
        }
        if (!hasWork()) return;
        if (!(await startWrite())) {
          throw new Error(`Touchmap could not save the map (${lastError ?? 'unknown error'}); it keeps retrying.`);
        }
      }
    },
    stop() {
      stopped = true;
      unsubscribe();
      cancelTimer();
    },
    status: () => computeStatus(),
    acceptRemote(remote) {
      const session = current;
      if (stopped || session === null || session.latest.map.id !== remote.mapId || deletedMaps.has(remote.mapId)) return null;
      const base = session.saved.doc;
      const storedNow = mergeRemote(base, base, remote);
      session.saved = savedStateOf(storedNow);
      if (remote.meta !== null) session.revision = remote.meta.updatedAt;
      if (inFlight) session.remoteDuringWrite.push(remote);
      // A doc with no unsaved change becomes the stored doc itself, so autosave sees nothing to save.
      return (doc) => (doc === base ? storedNow : mergeRemote(doc, base, remote));
    },
    mapDeleted(mapId) {
      forgetDeleted(mapId);
      publishStatus();
    },
    pending() {
      const sessions = current !== null && !closing.includes(current) ? [...closing, current] : closing;
      return sessions
        .filter((session) => isDirty(session) || session.writingRevision !== null)
        .map((session) => ({
          saved: session.saved,
          latest: session.latest,
          revisions: session.writingRevision === null ? [session.revision] : [session.revision, session.writingRevision],
        }));
    },
    get lastWriteRowCount() {
      return lastWriteRowCount;
    },
  };
}
