/**
 * The journal: a map's unsaved changes written synchronously when the page goes, applied on the
 * next start through one transaction — unless the stored map was saved since.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapDoc, Topic, TopicId } from '@shared/model/types';
import { asId } from '../../builders/ids';
import { createMapRepository, startAutosave, type Autosave, type MapRepository, type TouchmapDB } from '../../../renderer/src/db';
import {
  JOURNAL_VERSION,
  clearJournal,
  journalKey,
  journalOf,
  journalPending,
  parseJournal,
  writeJournal,
  type JournalStorage,
} from '../../../renderer/src/db/journal';
import { readJournals, recoverJournal, recoverJournals, withJournals } from '../../../renderer/src/db/journal-recovery';
import { recoveryFiles } from '../../../renderer/src/db/raw-rows';
import { parseTouchmapFile } from '@shared/file-format';
import { savedStateOf } from '../../../renderer/src/db/diff';
import { addTopic, createSource, deleteTopic, freshDb, setLabel } from './helpers';
import { clinicMap } from '../../fixtures/clinic-map';

const OPENED = '2026-12-07T09:00:00.000Z';
const SAVED = '2026-12-07T09:05:00.000Z';
const RECOVERED = '2026-12-07T10:00:00.000Z';
/** Long enough that nothing is written unless a test flushes: the page "goes" before the save. */
const NEVER = 60_000;

/** `localStorage` as a plain map, with a quota to refuse past. */
function fakeStorage(quota = Infinity): JournalStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (value.length > quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
}

const newTouchpoint = (id: TopicId, label: string): Topic => ({ id, parentId: asId.topic('t-root'), order: 99, label, channel: 'online', stageId: asId.stage('s-aw') });

let db: TouchmapDB;
let repo: MapRepository;
let storage: ReturnType<typeof fakeStorage>;
const running: Autosave[] = [];

beforeEach(() => {
  db = freshDb();
  repo = createMapRepository(db, { now: () => RECOVERED });
  storage = fakeStorage();
});
afterEach(async () => {
  for (const autosave of running.splice(0)) autosave.stop();
  db.close();
  await Dexie.delete(db.name);
});

/** A stored map open in a "tab": its doc source and autosave, which never saves unless flushed. */
async function openTab(doc: MapDoc, create = true, throttleMs = NEVER) {
  if (create) await repo.createMap(doc);
  const source = createSource(doc);
  const autosave = startAutosave(db, source, { throttleMs, now: () => SAVED });
  running.push(autosave);
  return { source, autosave, edit: (change: (doc: MapDoc) => MapDoc) => source.set(change(source.getDoc()!)) };
}

/** The page goes: the journal is written, the autosave stops before its write (nothing reaches the database). */
function pageGoes(autosave: Autosave, tabId = 'tab-a') {
  const writes = journalPending(storage, autosave.pending(), tabId, '2026-12-07T09:10:00.000Z');
  autosave.stop();
  return writes;
}

const clinic = () => clinicMap();

describe('writing the journal', () => {
  it('holds only the changed records, and of an edited one the names of the fields that changed', () => {
    const doc = clinicMap();
    const edited = deleteTopic(addTopic(setLabel(doc, asId.topic('t-2'), 'Reception desk'), newTouchpoint(asId.topic('t-new'), 'Chat')), asId.topic('t-3'));
    const journal = journalOf({ saved: savedStateOf(doc), latest: edited, revisions: [doc.map.updatedAt] }, 'tab-a', OPENED)!;
    expect(journal.version).toBe(JOURNAL_VERSION);
    expect(journal.topics.map(({ value, fields }) => [value.id, fields])).toEqual([
      [asId.topic('t-2'), ['label']],
      [asId.topic('t-new'), null],
    ]);
    expect(journal.topicsDeleted).toEqual([asId.topic('t-3'), asId.topic('t-3-1'), asId.topic('t-3-2')]); // with its details
    expect(journal.touchpointDelta).toBe(0); // one touchpoint added, one deleted
    expect(journal.meta).toBeNull();
    expect(journal.revisions).toEqual([doc.map.updatedAt]);
  });

  it('writes nothing when nothing is pending', async () => {
    const { autosave } = await openTab(clinicMap());
    expect(pageGoes(autosave)).toEqual([]);
    expect(storage.items.size).toBe(0);
  });

  it('reports a full localStorage instead of throwing', () => {
    const doc = clinicMap();
    const journal = journalOf({ saved: savedStateOf(doc), latest: setLabel(doc, asId.topic('t-1'), 'Banner'), revisions: ['r'] }, 'tab-a', OPENED)!;
    const write = writeJournal(fakeStorage(10), journal);
    expect(write).toEqual({ ok: false, reason: expect.stringMatching(/^QuotaExceededError/) });
  });

  it('at 5,000 touchpoints, journals one edit in under 2 KB, where the whole map would take megabytes', () => {
    const doc = clinicMap({ touchpoints: 5000, details: 1 });
    const edited = setLabel(doc, asId.topic('t-4321'), 'Reception desk');
    const saved = savedStateOf(doc); // autosave keeps it from the open on: not part of the hide's cost
    let started = performance.now();
    const journal = journalOf({ saved, latest: edited, revisions: ['r'] }, 'tab-a', OPENED)!;
    const journalChars = JSON.stringify(journal).length;
    const journalMs = performance.now() - started;
    started = performance.now();
    const wholeChars = JSON.stringify(edited).length;
    const wholeMs = performance.now() - started;
    console.info(`5,000 touchpoints (7,501 topics): journal of one edit ${journalChars} chars in ${journalMs.toFixed(1)} ms; the whole map ${wholeChars} chars in ${wholeMs.toFixed(1)} ms`);
    expect(journalChars).toBeLessThan(2_000);
    // localStorage holds about 5 M UTF-16 characters per origin, shared by every map's journal:
    // the whole map would take half of it or more on every hide
    expect(wholeChars).toBeGreaterThan(2_000_000);
  });

  it('a tab clears only the journal it wrote', () => {
    const doc = clinicMap();
    writeJournal(storage, journalOf({ saved: savedStateOf(doc), latest: setLabel(doc, asId.topic('t-1'), 'Banner'), revisions: ['r'] }, 'tab-a', OPENED)!);
    clearJournal(storage, doc.map.id, 'tab-b');
    expect(storage.getItem(journalKey(doc.map.id))).not.toBeNull();
    clearJournal(storage, doc.map.id, 'tab-a');
    expect(storage.getItem(journalKey(doc.map.id))).toBeNull();
  });
});

describe('reading the journal', () => {
  const doc = clinicMap();
  const valid = () => JSON.parse(JSON.stringify(journalOf({ saved: savedStateOf(doc), latest: setLabel(doc, asId.topic('t-1'), 'Banner'), revisions: ['r'] }, 'tab-a', OPENED))) as Record<string, unknown>;

  it('accepts a journal it wrote', () => {
    expect(parseJournal(JSON.stringify(valid()), doc.map.id)).toMatchObject({ ok: true, journal: { mapId: doc.map.id } });
  });

  it.each([
    ['not JSON', '{"version": 1, ', /not JSON/],
    ['another version', JSON.stringify({ ...valid(), version: 2 }), /version 2 is not 1/],
    ['a score the model refuses', JSON.stringify({ ...valid(), topics: [{ value: { ...doc.topics[asId.topic('t-1')], score: 14 }, fields: ['score'] }] }), /topics\.0\.value\.score: 14 is not 0–10/],
    ['another map', JSON.stringify({ ...valid(), mapId: 'm-other' }), /belongs to map m-other/],
  ])('refuses %s, saying why', (_, text, reason) => {
    const read = parseJournal(text, doc.map.id);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(reason);
  });
});

describe('recovering the journal on the next start', () => {
  it('applies the changes of a page that went before its save, through one transaction, and clears it', async () => {
    const doc = clinic();
    const tab = await openTab(doc);
    tab.edit((d) => addTopic(d, newTouchpoint(asId.topic('t-new'), 'Online chat')));
    tab.edit((d) => setLabel(d, asId.topic('t-2'), 'Reception desk'));
    expect(pageGoes(tab.autosave)).toEqual([{ ok: true, chars: expect.any(Number) }]);
    expect((await repo.loadMap(doc.map.id))!.doc.topics[asId.topic('t-new')]).toBeUndefined(); // the save never ran

    expect(await recoverJournals(db, storage, { now: () => RECOVERED })).toEqual([{ kind: 'recovered', mapId: doc.map.id, changes: 2 }]);
    const stored = (await repo.loadMap(doc.map.id))!;
    expect(stored.repairs).toEqual([]);
    expect(stored.doc.topics[asId.topic('t-new')]?.label).toBe('Online chat');
    expect(stored.doc.topics[asId.topic('t-2')]?.label).toBe('Reception desk');
    expect(stored.doc.topics[asId.topic('t-2')]).toEqual({ ...doc.topics[asId.topic('t-2')], label: 'Reception desk' });
    const row = (await db.maps.get(doc.map.id))!;
    expect(row.touchpointCount).toBe(4);
    expect(row.updatedAt).toBe(RECOVERED);
    expect(storage.items.size).toBe(0);
    expect(await recoverJournal(db, storage, doc.map.id)).toBeNull(); // once only
  });

  it('deletes what the page deleted, and the count follows', async () => {
    const doc = clinic();
    const tab = await openTab(doc);
    tab.edit((d) => deleteTopic(d, asId.topic('t-1')));
    pageGoes(tab.autosave);
    expect(await recoverJournal(db, storage, doc.map.id)).toEqual({ kind: 'recovered', mapId: doc.map.id, changes: 3 }); // t-1 and its two details
    expect(await db.topics.get([doc.map.id, asId.topic('t-1-1')])).toBeUndefined();
    expect((await db.maps.get(doc.map.id))!.touchpointCount).toBe(2);
  });

  it('is not applied when another tab saved the map since: the newer stored work wins', async () => {
    const doc = clinic();
    const tabA = await openTab(doc);
    const tabB = await openTab(doc, false);
    tabA.edit((d) => setLabel(d, asId.topic('t-2'), 'From the tab that closed'));
    pageGoes(tabA.autosave);
    tabB.edit((d) => setLabel(d, asId.topic('t-2'), 'Saved later in another tab'));
    await tabB.autosave.flush();

    expect(await recoverJournal(db, storage, doc.map.id)).toEqual({ kind: 'stale', mapId: doc.map.id, changes: 1 });
    expect((await db.topics.get([doc.map.id, asId.topic('t-2')]))!.label).toBe('Saved later in another tab');
    expect(storage.items.size).toBe(0);
  });

  it('says nothing when the flush landed after all: the journal is already in the stored map', async () => {
    const doc = clinic();
    const tab = await openTab(doc);
    tab.edit((d) => setLabel(d, asId.topic('t-2'), 'Reception desk'));
    journalPending(storage, tab.autosave.pending(), 'tab-a', OPENED);
    await tab.autosave.flush(); // committed, but the page was gone before it could clear the journal
    expect(await recoverJournal(db, storage, doc.map.id)).toEqual({ kind: 'already-saved', mapId: doc.map.id });
    expect((await db.maps.get(doc.map.id))!.updatedAt).toBe(SAVED);
  });

  it('applies over the revision of a write that was running when the page went and committed after', async () => {
    const doc = clinic();
    await repo.createMap(doc);
    const source = createSource(doc);
    let revisions: readonly string[] = [];
    // the moment the first write starts: a second edit, then the page goes
    const autosave = startAutosave(db, source, {
      throttleMs: 1,
      now: () => SAVED,
      onStatus: (status) => {
        if (status.state !== 'saving' || revisions.length > 0) return;
        source.set(setLabel(source.getDoc()!, asId.topic('t-2'), 'Reception desk'));
        revisions = autosave.pending()[0]!.revisions;
        journalPending(storage, autosave.pending(), 'tab-a', OPENED);
        autosave.stop(); // the running write still commits
      },
    });
    running.push(autosave);
    source.set(setLabel(doc, asId.topic('t-1'), 'Banner'));
    await vi.waitFor(() => expect(revisions).toEqual([doc.map.updatedAt, SAVED]));
    await vi.waitFor(async () => expect((await db.topics.get([doc.map.id, asId.topic('t-1')]))!.label).toBe('Banner'));
    expect((await db.topics.get([doc.map.id, asId.topic('t-2')]))!.label).not.toBe('Reception desk');

    expect(await recoverJournal(db, storage, doc.map.id, { now: () => RECOVERED })).toEqual({ kind: 'recovered', mapId: doc.map.id, changes: 1 });
    expect((await db.topics.get([doc.map.id, asId.topic('t-1')]))!.label).toBe('Banner');
    expect((await db.topics.get([doc.map.id, asId.topic('t-2')]))!.label).toBe('Reception desk');
  });

  it('ignores a damaged journal, says why, and leaves the map as stored', async () => {
    const doc = clinic();
    await repo.createMap(doc);
    storage.setItem(journalKey(doc.map.id), '{"version":1,"mapId":');
    expect(await recoverJournal(db, storage, doc.map.id)).toEqual({ kind: 'damaged', mapId: doc.map.id, reason: 'it is not JSON' });
    expect((await repo.loadMap(doc.map.id))!.doc).toEqual(doc);
    expect(storage.items.size).toBe(0);
  });

  it('never brings back a map deleted since', async () => {
    const doc = clinic();
    const tab = await openTab(doc);
    tab.edit((d) => setLabel(d, asId.topic('t-2'), 'Reception desk'));
    pageGoes(tab.autosave);
    await repo.deleteMap(doc.map.id);
    expect(await recoverJournal(db, storage, doc.map.id)).toEqual({ kind: 'map-gone', mapId: doc.map.id });
    expect(await db.maps.get(doc.map.id)).toBeUndefined();
    expect(await db.topics.get([doc.map.id, asId.topic('t-2')])).toBeUndefined();
  });

  it('keeps the journal when the database refuses the write, for the next start', async () => {
    const doc = clinic();
    const tab = await openTab(doc);
    tab.edit((d) => setLabel(d, asId.topic('t-2'), 'Reception desk'));
    pageGoes(tab.autosave);
    db.close();
    expect(await recoverJournals(db, storage)).toEqual([]);
    expect(storage.items.size).toBe(1);
  });
});

describe('the recovery screen (storage that will not open)', () => {
  it('rebuilds the maps with the journal applied, and keeps the stored rows and the journal as they were in the raw file', async () => {
    const doc = clinic();
    const tab = await openTab(doc);
    tab.edit((d) => setLabel(d, asId.topic('t-2'), 'Reception desk'));
    pageGoes(tab.autosave);
    const raw = { name: db.name, version: 3, tables: { maps: await db.maps.toArray(), topics: await db.topics.toArray(), chains: await db.chains.toArray() }, unreadable: [] };

    const files = recoveryFiles(raw, RECOVERED, readJournals(storage));
    expect(files.journalChanges).toBe(1);
    const rebuilt = parseTouchmapFile(files.touchmap!.text);
    expect(rebuilt.ok && rebuilt.docs[0]!.topics[asId.topic('t-2')]?.label).toBe('Reception desk');
    const rawFile = JSON.parse(files.rawJson) as { tables: { topics: { id: string; label: string }[] }; journals: unknown[] };
    expect(rawFile.tables.topics.find((row) => row.id === asId.topic('t-2'))!.label).toBe(doc.topics[asId.topic('t-2')]!.label);
    expect(rawFile.journals).toHaveLength(1);
    expect(storage.items.size).toBe(1); // the recovery screen writes nothing: the next start applies it
  });

  it('leaves a stale journal out of the rebuilt maps', async () => {
    const doc = clinic();
    const tab = await openTab(doc);
    tab.edit((d) => setLabel(d, asId.topic('t-2'), 'Reception desk'));
    pageGoes(tab.autosave);
    await db.maps.update(doc.map.id, { updatedAt: '2026-12-07T09:30:00.000Z' }); // saved again since
    const tables = { maps: await db.maps.toArray(), topics: await db.topics.toArray(), chains: await db.chains.toArray() };
    expect(withJournals(tables, readJournals(storage), RECOVERED).changes).toBe(0);
  });
});
