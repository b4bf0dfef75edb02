import { describe, expect, test } from 'vitest';
import { actionOwners, actionRows, filterActionRows, isOverdue, localDay, sortActionRows, touchpointsWithoutAction } from '@shared/model/action-plan';
import { mapDoc } from '../../builders/map-doc';
import { openEditor } from '../../builders/editor';
import { addAction, editAction } from '../../../renderer/src/features/actions/action-edits';
import { gridIntent } from '../../../renderer/src/features/actions/action-grid-keys';
import { actionPlanPage, type ActionPlanPageWords } from '../../../renderer/src/features/actions/action-plan-page';
import { ACTION_COLUMNS } from '@shared/model/action-plan';
import { asId } from '../../builders/ids';

const TODAY = '2026-12-06';

const plan = () =>
  mapDoc('Clinic', { stages: ['Awareness', 'Purchase'] })
    .touchpoint('Website', { channel: 'online', stage: 'Purchase', score: 3, importance: 9, action: { what: 'Faster booking form', owner: 'Web team', due: '2026-11-30', status: 'doing' } })
    .detail('Chat', { action: { what: 'Answer within a minute', status: 'todo' } })
    .touchpoint('Context ad', { channel: 'online', stage: 'Awareness', score: 6, importance: 5, action: { what: 'Rewrite the ad', owner: 'Marketing', due: '2026-12-20', status: 'todo' } })
    .touchpoint('Reception', { channel: 'offline', stage: 'Purchase', score: 8, action: { what: 'Greet by name', owner: 'Marketing', due: '2026-10-01', status: 'done' } })
    .touchpoint('Parking', { channel: 'offline', stage: 'Purchase' });

describe('the action plan’s rows', () => {
  test('one row per action, a detail’s named under its touchpoint with the touchpoint’s stage, in map order', () => {
    const rows = actionRows(plan().build());
    expect(rows.map((r) => [r.touchpoint, r.stage, r.what])).toEqual([
      ['Website', 'Purchase', 'Faster booking form'],
      ['Website › Chat', 'Purchase', 'Answer within a minute'],
      ['Context ad', 'Awareness', 'Rewrite the ad'],
      ['Reception', 'Purchase', 'Greet by name'],
    ]);
    expect(rows[0]).toMatchObject({ score: 3, importance: 9, owner: 'Web team', due: '2026-11-30', status: 'doing' });
    expect(touchpointsWithoutAction(plan().build()).map((t) => t.label)).toEqual(['Parking']);
  });

  test('overdue means due before today and not done, on calendar days', () => {
    expect(isOverdue({ due: '2026-12-05', status: 'todo' }, TODAY)).toBe(true);
    expect(isOverdue({ due: TODAY, status: 'todo' }, TODAY)).toBe(false);
    expect(isOverdue({ due: '2026-10-01', status: 'done' }, TODAY)).toBe(false);
    expect(isOverdue({ due: '', status: 'todo' }, TODAY)).toBe(false);
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  test('sorts by any column, empty values last either way, stages in map order, status todo → doing → done', () => {
    const doc = plan().build();
    const rows = actionRows(doc);
    const by = (column: (typeof ACTION_COLUMNS)[number], direction: 'asc' | 'desc' = 'asc') => sortActionRows(doc, rows, { column, direction }).map((r) => r.what);
    expect(by('score')).toEqual(['Faster booking form', 'Rewrite the ad', 'Greet by name', 'Answer within a minute']);
    expect(by('score', 'desc')).toEqual(['Greet by name', 'Rewrite the ad', 'Faster booking form', 'Answer within a minute']);
    expect(by('stage')[0]).toBe('Rewrite the ad');
    expect(by('status')).toEqual(['Answer within a minute', 'Rewrite the ad', 'Faster booking form', 'Greet by name']);
    expect(by('owner')).toEqual(['Rewrite the ad', 'Greet by name', 'Faster booking form', 'Answer within a minute']);
    expect(by('due', 'desc')[0]).toBe('Rewrite the ad');
  });

  test('filters by owner (or no owner), status, stage and overdue', () => {
    const doc = plan().build();
    const rows = actionRows(doc);
    const whats = (filter: Parameters<typeof filterActionRows>[1]) => filterActionRows(rows, filter, TODAY).map((r) => r.what);
    expect(whats({ owner: 'Marketing' })).toEqual(['Rewrite the ad', 'Greet by name']);
    expect(whats({ owner: '' })).toEqual(['Answer within a minute']);
    expect(whats({ status: 'todo' })).toEqual(['Answer within a minute', 'Rewrite the ad']);
    expect(whats({ stageId: asId.stage('s-awareness') })).toEqual(['Rewrite the ad']);
    expect(whats({ overdueOnly: true })).toEqual(['Faster booking form']);
    expect(actionOwners(rows)).toEqual(['Marketing', 'Web team']);
  });
});

describe('editing the plan', () => {
  test('an edit in place is one undo step and keeps the action’s other parts; clearing the owner removes it', () => {
    const editor = openEditor(plan().build());
    const id = editor.id('Context ad');
    editAction(id, 'what', 'Rewrite the ad around the free check-up');
    editAction(id, 'owner', '  ');
    expect(editor.topic('Context ad').action).toEqual({ what: 'Rewrite the ad around the free check-up', due: '2026-12-20', status: 'todo' });
    expect(editor.undoSteps).toBe(2);
    editor.undo();
    expect(editor.topic('Context ad').action?.owner).toBe('Marketing');
  });

  test('Add action gives a touchpoint an empty "to do" action, undoable', () => {
    const editor = openEditor(plan().build());
    expect(addAction(editor.id('Parking'))).toBe(true);
    expect(editor.topic('Parking').action).toEqual({ what: '', status: 'todo' });
    editor.undo();
    expect(editor.topic('Parking').action).toBeUndefined();
  });

  test('a due date that is not a date is refused with a notice naming the field; the map is unchanged', () => {
    const editor = openEditor(plan().build());
    const before = editor.doc;
    expect(editAction(editor.id('Website'), 'due', '30/11/2026')).toBe(false);
    editor.expectRefused(/due/i, before);
  });
});

describe('the table’s keys', () => {
  const at = (row: number, col: number) => ({ row, col });
  test('arrows and Tab move between cells, Tab wraps to the next row and leaves the table at its end', () => {
    expect(gridIntent({ key: 'ArrowDown' }, at(0, 4), 3, ACTION_COLUMNS)).toEqual({ type: 'move', row: 1, col: 4 });
    expect(gridIntent({ key: 'ArrowUp' }, at(0, 4), 3, ACTION_COLUMNS)).toEqual({ type: 'move', row: 0, col: 4 });
    expect(gridIntent({ key: 'Tab' }, at(0, 7), 3, ACTION_COLUMNS)).toEqual({ type: 'move', row: 1, col: 0 });
    expect(gridIntent({ key: 'Tab' }, at(2, 7), 3, ACTION_COLUMNS)).toEqual({ type: 'none' });
    expect(gridIntent({ key: 'Tab', shift: true }, at(1, 0), 3, ACTION_COLUMNS)).toEqual({ type: 'move', row: 0, col: 7 });
    expect(gridIntent({ key: 'End', mod: true }, at(0, 0), 3, ACTION_COLUMNS)).toEqual({ type: 'move', row: 2, col: 7 });
  });

  test('Enter edits only what, owner, due and status; a letter starts editing a text cell; Delete clears owner or due', () => {
    expect(gridIntent({ key: 'Enter' }, at(0, 4), 3, ACTION_COLUMNS)).toEqual({ type: 'edit' });
    expect(gridIntent({ key: 'Enter' }, at(0, 0), 3, ACTION_COLUMNS)).toEqual({ type: 'none' });
    expect(gridIntent({ key: 'м' }, at(0, 5), 3, ACTION_COLUMNS)).toEqual({ type: 'edit', initial: 'м' });
    expect(gridIntent({ key: 'a' }, at(0, 6), 3, ACTION_COLUMNS)).toEqual({ type: 'none' });
    expect(gridIntent({ key: 'Delete' }, at(0, 6), 3, ACTION_COLUMNS)).toEqual({ type: 'clear' });
    expect(gridIntent({ key: 'Delete' }, at(0, 4), 3, ACTION_COLUMNS)).toEqual({ type: 'none' });
  });
});

describe('the printable page', () => {
  const words: ActionPlanPageWords = {
    title: 'Action plan — Clinic <&>',
    subtitle: 'Printed 2026-12-06 · 4 actions',
    touchpoint: 'Touchpoint', stage: 'Stage', score: 'Score', importance: 'Importance', what: 'What to do', owner: 'Owner', due: 'Due', status: 'Status',
    overdue: 'Overdue', empty: 'No actions.', statuses: { todo: 'To do', doing: 'Doing', done: 'Done' },
  };
  test('an A4 page of the rows as text, escaped, overdue rows marked in words; no script and no outside reference', () => {
    const rows = actionRows(plan().build());
    const { html, job } = actionPlanPage(rows, words, TODAY, 'en');
    expect(job.pageSize).toEqual({ widthInches: 8.27, heightInches: 11.69 });
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('Action plan — Clinic &#60;&#38;&#62;');
    expect(html).toContain('Faster booking form');
    expect(html.match(/⚠ Overdue/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|src=|href=|url\(/i);
    expect(actionPlanPage([], words, TODAY, 'en').html).toContain('No actions.');
  });
});
