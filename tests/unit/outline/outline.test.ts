/**
 * The outline's logic without a browser: rows (filter, details under their touchpoint), sorting
 * by each column, the spreadsheet keys (including "1 then 0 = 10"), and edits as single undo steps.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { MapDoc } from '@shared/model';
import { outlineColumns, outlineRows, nextSort, type OutlineColumn } from '../../../renderer/src/features/outline/outline-model';
import { outlineIntent, TEN_WINDOW_MS, type KeyContext } from '../../../renderer/src/features/outline/outline-keys';
import { cellCommand, chooseCell, clearCell, rateCell } from '../../../renderer/src/features/outline/outline-edits';
import { NO_FILTER, useUiStore } from '../../../renderer/src/store/ui-store';
import { documentHistory, useDocumentStore } from '../../../renderer/src/store/document-store';
import { runCommand } from '../../../renderer/src/store/run-command';
import { renameTopic } from '@shared/model/commands';
import { driveCommands } from '../model/driver';
import { generateMap } from '../../fixtures/generate-map';
import type { TopicId } from '@shared/model/types';

const workshop = () =>
  driveCommands({ title: 'Clinic' })
    .addCompetitor('City Clinic')
    .addTouchpoint('Site page', { channel: 'online', stage: 'Consideration' })
    .addDetail('Booking form', { under: 'Site page' })
    .addTouchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .addTouchpoint('Reception', { channel: 'offline', stage: 'Purchase' })
    .addTouchpoint('Unsorted idea')
    .set('Site page', { score: 8, importance: 5, reaction: 'positive' })
    .set('Context ad', { score: 2, importance: 9, reaction: 'negative', kind: 'communication' })
    .set('Reception', { score: 5, kind: 'human' });

const labelsOf = (doc: MapDoc, rows: readonly { id: TopicId }[]) => rows.map((row) => doc.topics[row.id]?.label);
const column = (doc: MapDoc, id: string) => outlineColumns(doc).find((c) => c.id === id) as OutlineColumn;

describe('outline rows', () => {
  it('lists touchpoints in map order with their details indented under them', () => {
    const map = workshop();
    const rows = outlineRows(map.doc, null, NO_FILTER);
    expect(labelsOf(map.doc, rows)).toEqual(['Site page', 'Booking form', 'Context ad', 'Reception', 'Unsorted idea']);
    expect(rows.map((row) => row.depth)).toEqual([0, 1, 0, 0, 0]);
  });

  it('hides touchpoints outside the filter, with their details', () => {
    const map = workshop();
    expect(labelsOf(map.doc, outlineRows(map.doc, null, { ...NO_FILTER, channel: ['online'] }))).toEqual(['Site page', 'Booking form', 'Context ad']);
    expect(labelsOf(map.doc, outlineRows(map.doc, null, { ...NO_FILTER, channel: ['online'], band: ['awful'] }))).toEqual(['Context ad']);
    expect(labelsOf(map.doc, outlineRows(map.doc, null, { ...NO_FILTER, band: ['none'] }))).toEqual(['Unsorted idea']);
  });

  it('has one score column per competitor', () => {
    const map = workshop();
    expect(outlineColumns(map.doc).map((c) => c.id)).toEqual([
      'label', 'channel', 'stage', 'kind', 'importance', 'score', `competitor:${map.competitorId('City Clinic')}`, 'reaction', 'status',
    ]);
  });
});

describe('sorting', () => {
  it('cycles ascending, descending, map order', () => {
    expect(nextSort(null, 'score')).toEqual({ column: 'score', direction: 'asc' });
    expect(nextSort({ column: 'score', direction: 'asc' }, 'score')).toEqual({ column: 'score', direction: 'desc' });
    expect(nextSort({ column: 'score', direction: 'desc' }, 'score')).toBeNull();
    expect(nextSort({ column: 'score', direction: 'desc' }, 'label')).toEqual({ column: 'label', direction: 'asc' });
  });

  it.each([
    ['score', 'asc', ['Context ad', 'Reception', 'Site page', 'Unsorted idea']],
    ['score', 'desc', ['Site page', 'Reception', 'Context ad', 'Unsorted idea']],
    ['importance', 'desc', ['Context ad', 'Site page', 'Reception', 'Unsorted idea']],
    ['label', 'asc', ['Context ad', 'Reception', 'Site page', 'Unsorted idea']],
    ['stage', 'asc', ['Context ad', 'Site page', 'Reception', 'Unsorted idea']],
    ['stage', 'desc', ['Reception', 'Site page', 'Context ad', 'Unsorted idea']],
    ['kind', 'asc', ['Context ad', 'Reception', 'Site page', 'Unsorted idea']],
    ['reaction', 'asc', ['Site page', 'Context ad', 'Reception', 'Unsorted idea']],
  ] as const)('by %s %s, unset values last, details kept under their touchpoint', (columnId, direction, expected) => {
    const map = workshop();
    const rows = outlineRows(map.doc, { column: columnId, direction }, NO_FILTER).filter((row) => row.depth === 0);
    expect(labelsOf(map.doc, rows)).toEqual(expected);
    const all = outlineRows(map.doc, { column: columnId, direction }, NO_FILTER);
    const site = all.findIndex((row) => row.id === map.id('Site page'));
    expect(all[site + 1]?.id).toBe(map.id('Booking form'));
  });

  it('builds the sorted rows of a 5,000-topic map fast', () => {
    const doc = generateMap({ seed: 3, topics: 5000 });
    const started = performance.now();
    const rows = outlineRows(doc, { column: 'label', direction: 'desc' }, NO_FILTER);
    expect(performance.now() - started).toBeLessThan(300);
    expect(rows).toHaveLength(4999); // every topic but the root
    const labels = rows.filter((row) => row.depth === 0).map((row) => doc.topics[row.id]?.label ?? '');
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    expect(labels.every((label, i) => i === 0 || collator.compare(labels[i - 1] as string, label) >= 0)).toBe(true);
  });
});

describe('keyboard', () => {
  const ctx = (over: Partial<KeyContext> = {}): KeyContext => ({ cursor: { row: 2, col: 3 }, rows: 10, cols: 9, kind: 'number', page: 5, last: null, now: 1000, ...over });

  it('moves with arrows, Home / End, PageUp / PageDown, clamped to the sheet, as a spreadsheet does', () => {
    expect(outlineIntent({ key: 'ArrowDown' }, ctx())).toEqual({ type: 'move', to: { row: 3, col: 3 }, extend: false });
    expect(outlineIntent({ key: 'ArrowUp', shift: true }, ctx())).toEqual({ type: 'move', to: { row: 1, col: 3 }, extend: true });
    expect(outlineIntent({ key: 'ArrowLeft' }, ctx({ cursor: { row: 0, col: 0 } }))).toMatchObject({ to: { row: 0, col: 0 } });
    expect(outlineIntent({ key: 'End' }, ctx())).toMatchObject({ to: { row: 2, col: 8 } });
    expect(outlineIntent({ key: 'Home' }, ctx())).toMatchObject({ to: { row: 2, col: 0 } });
    // Ctrl/Cmd+Home / End: the first cell of the first row, the last cell of the last row — not the current column
    expect(outlineIntent({ key: 'Home', mod: true }, ctx())).toMatchObject({ to: { row: 0, col: 0 } });
    expect(outlineIntent({ key: 'End', mod: true }, ctx())).toMatchObject({ to: { row: 9, col: 8 } });
    expect(outlineIntent({ key: 'PageDown' }, ctx({ cursor: { row: 8, col: 0 } }))).toMatchObject({ to: { row: 9, col: 0 } });
  });

  it('Tab and Shift+Tab move across and wrap to the next or previous row', () => {
    expect(outlineIntent({ key: 'Tab' }, ctx({ cursor: { row: 2, col: 8 } }))).toMatchObject({ to: { row: 3, col: 0 } });
    expect(outlineIntent({ key: 'Tab', shift: true }, ctx({ cursor: { row: 2, col: 0 } }))).toMatchObject({ to: { row: 1, col: 8 } });
    expect(outlineIntent({ key: 'Tab' }, ctx({ cursor: { row: 9, col: 8 } }))).toMatchObject({ to: { row: 9, col: 8 } });
  });

  it('number keys rate; "1" then "0" within the window makes 10, replacing the 1', () => {
    expect(outlineIntent({ key: '7' }, ctx())).toEqual({ type: 'set', value: 7, replacesLast: false });
    const last = { cursor: { row: 2, col: 3 }, digit: '1', at: 1000 };
    expect(outlineIntent({ key: '0' }, ctx({ last, now: 1000 + TEN_WINDOW_MS - 1 }))).toEqual({ type: 'set', value: 10, replacesLast: true });
    expect(outlineIntent({ key: '0' }, ctx({ last, now: 1000 + TEN_WINDOW_MS + 1 }))).toEqual({ type: 'set', value: 0, replacesLast: false });
    expect(outlineIntent({ key: '0' }, ctx({ last: { ...last, cursor: { row: 3, col: 3 } }, now: 1100 }))).toMatchObject({ value: 0 });
    expect(outlineIntent({ key: '0' }, ctx({ last: { ...last, digit: '2' }, now: 1100 }))).toMatchObject({ value: 0 });
  });

  it('number keys pick a choice, letters start editing text, Enter / F2 edit, Delete clears', () => {
    expect(outlineIntent({ key: '2' }, ctx({ kind: 'choice', choices: 2 }))).toEqual({ type: 'choose', index: 1 });
    expect(outlineIntent({ key: 'к' }, ctx({ kind: 'text' }))).toEqual({ type: 'edit', initial: 'к' });
    expect(outlineIntent({ key: '병' }, ctx({ kind: 'text' }))).toEqual({ type: 'edit', initial: '병' });
    expect(outlineIntent({ key: 'F2' }, ctx({ kind: 'text' }))).toEqual({ type: 'edit' });
    expect(outlineIntent({ key: 'Delete' }, ctx())).toEqual({ type: 'clear' });
    expect(outlineIntent({ key: 'a' }, ctx())).toEqual({ type: 'none' });
  });

  it('never takes a number key as a label: a digit on a text cell is refused, so a rating pass cannot rename', () => {
    for (const digit of ['0', '1', '5', '9']) expect(outlineIntent({ key: digit }, ctx({ kind: 'text' }))).toEqual({ type: 'refuse', reason: 'digitOnText' });
    // punctuation does not start a label either; Enter / F2 do, as it is
    expect(outlineIntent({ key: '-' }, ctx({ kind: 'text' }))).toEqual({ type: 'none' });
    expect(outlineIntent({ key: 'Enter' }, ctx({ kind: 'text' }))).toEqual({ type: 'edit' });
  });

  it('refuses a number key past the choices of a choice cell, and 0, instead of passing it on', () => {
    expect(outlineIntent({ key: '0' }, ctx({ kind: 'choice', choices: 4 }))).toEqual({ type: 'refuse', reason: 'noSuchChoice' });
    expect(outlineIntent({ key: '3' }, ctx({ kind: 'choice', choices: 2 }))).toEqual({ type: 'refuse', reason: 'noSuchChoice' });
    expect(outlineIntent({ key: '4' }, ctx({ kind: 'choice', choices: 4 }))).toEqual({ type: 'choose', index: 3 });
  });

  it('a rating pass over the score column: Ctrl/Cmd+Home then Tab reaches the score, Tab wraps onto a label that a digit leaves alone', () => {
    const cols = 8; // label, channel, stage, kind, importance, score, reaction, status
    const kinds = ['text', 'choice', 'choice', 'choice', 'number', 'number', 'choice', 'choice'] as const;
    let cursor = { row: 6, col: 7 };
    const press = (key: string, mod = false) => {
      const intent = outlineIntent({ key, mod }, ctx({ cursor, cols, rows: 14, kind: kinds[cursor.col] as 'text' | 'number' | 'choice', choices: 3 }));
      if (intent.type === 'move') cursor = intent.to;
      return intent;
    };
    press('Home', true);
    expect(cursor).toEqual({ row: 0, col: 0 });
    for (let row = 0; row < 14; row++) {
      for (let k = 0; k < 5; k++) press('Tab');
      expect(cursor).toEqual({ row, col: 5 });
      expect(press('7')).toMatchObject({ type: 'set', value: 7 });
      for (let k = 0; k < 3; k++) press('Tab');
      if (row < 13) expect(press('7')).toEqual({ type: 'refuse', reason: 'digitOnText' });
    }
  });

  it('leaves app shortcuts alone', () => {
    expect(outlineIntent({ key: 'z', mod: true }, ctx())).toEqual({ type: 'none' });
    expect(outlineIntent({ key: 'f', mod: true }, ctx({ kind: 'text' }))).toEqual({ type: 'none' });
    expect(outlineIntent({ key: 'ArrowDown', alt: true }, ctx())).toEqual({ type: 'none' });
  });
});

describe('edits from the outline', () => {
  beforeEach(() => {
    useDocumentStore.getState().open(workshop().doc);
    useUiStore.setState({ notice: null });
  });
  const doc = () => useDocumentStore.getState().doc as MapDoc;
  const idOf = (label: string) => Object.values(doc().topics).find((t) => t.label === label)?.id as TopicId;
  const past = () => useDocumentStore.temporal.getState().pastStates.length;

  it('"1" then "0" gives 10 in one undo step that returns to the score before', () => {
    const site = idOf('Site page');
    const score = column(doc(), 'score');
    rateCell([site], score, 1, false);
    expect(doc().topics[site]?.score).toBe(1);
    rateCell([site], score, 10, true);
    expect(doc().topics[site]?.score).toBe(10);
    expect(past()).toBe(1);
    documentHistory.undo();
    expect(doc().topics[site]?.score).toBe(8);
  });

  it('"1" then "0" on a cell that already held 1 makes 10 in a step of its own, never undoing the edit before', () => {
    const site = idOf('Site page');
    const reception = idOf('Reception');
    const score = column(doc(), 'score');
    rateCell([site], score, 1, false);
    runCommand((d) => renameTopic(d, reception, 'Front desk'));
    rateCell([site], score, 1, false); // the cell holds 1 already: nothing changes
    rateCell([site], score, 10, true);
    expect(doc().topics[site]?.score).toBe(10);
    expect(doc().topics[reception]?.label).toBe('Front desk');
    documentHistory.undo();
    expect(doc().topics[site]?.score).toBe(1);
    expect(doc().topics[reception]?.label).toBe('Front desk');
  });

  it('rates every selected row at once in one step, and refuses importance 0 with a message', () => {
    const ids = [idOf('Site page'), idOf('Reception')];
    rateCell(ids, column(doc(), 'importance'), 7, false);
    expect(ids.map((id) => doc().topics[id]?.importance)).toEqual([7, 7]);
    expect(past()).toBe(1);
    expect(rateCell(ids, column(doc(), 'importance'), 0, false)).toBe(false);
    expect(useUiStore.getState().notice?.text).toBe('importance: 0 is not 1–10');
    expect(past()).toBe(1);
  });

  it('picks and clears choices: stage moves the touchpoint, status keeps the action, competitor score', () => {
    const reception = idOf('Reception');
    chooseCell([reception], column(doc(), 'stage'), 0);
    expect(doc().topics[reception]?.stageId).toBe(doc().map.stages[0]?.id);
    chooseCell([reception], column(doc(), 'status'), 1);
    expect(doc().topics[reception]?.action).toEqual({ what: '', status: 'doing' });
    clearCell([reception], column(doc(), 'status'));
    expect(doc().topics[reception]).not.toHaveProperty('action');
    const competitor = outlineColumns(doc()).find((c) => c.id.startsWith('competitor:')) as OutlineColumn;
    rateCell([reception], competitor, 6, false);
    expect(Object.values(doc().topics[reception]?.competitorScores ?? {})).toEqual([6]);
    clearCell([reception], column(doc(), 'channel'));
    expect(doc().topics[reception]).not.toHaveProperty('channel');
    expect(clearCell([reception], column(doc(), 'label'))).toBe(false);
  });

  it('renames through the label column', () => {
    const site = idOf('Site page');
    useDocumentStore.getState().apply(cellCommand([site], column(doc(), 'label'), 'Сайт клиники'));
    expect(doc().topics[site]?.label).toBe('Сайт клиники');
  });
});
