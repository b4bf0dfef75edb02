/**
 * The outline as a tree grid: rows fold their details away, and on the label column Right unfolds,
 * Left folds or goes up to the row above in the tree (WAI-ARIA tree grid), while the arrows still
 * move across cells everywhere else.
 */
import { describe, expect, it } from 'vitest';
import { outlineRows, treeRows, ancestorsInRows } from '../../../renderer/src/features/outline/outline-model';
import { outlineIntent, type KeyContext } from '../../../renderer/src/features/outline/outline-keys';
import { NO_FILTER } from '../../../renderer/src/store/ui-store';
import { mapDoc } from '../../builders/map-doc';
import type { TopicId } from '@shared/model/types';

const clinic = mapDoc('Clinic', { stages: ['Awareness', 'Purchase'] })
  .touchpoint('Website', { channel: 'online', stage: 'Awareness' })
  .detail('Booking form')
  .detail('Calendar', { under: 'Booking form' })
  .touchpoint('Reception', { channel: 'offline', stage: 'Purchase' });
const doc = clinic.build();
const rows = outlineRows(doc, null, NO_FILTER);
const labels = (list: readonly { id: TopicId }[]) => list.map((row) => doc.topics[row.id]?.label);

describe('tree rows', () => {
  it('all unfolded: every row, each with its level, whether it has rows under it, and its parent row', () => {
    const tree = treeRows(rows, new Set());
    expect(labels(tree)).toEqual(['Website', 'Booking form', 'Calendar', 'Reception']);
    expect(tree.map((row) => [row.depth, row.expandable, row.expanded, row.parent])).toEqual([
      [0, true, true, null],
      [1, true, true, 0],
      [2, false, false, 1],
      [0, false, false, null],
    ]);
  });

  it('a folded row hides everything under it, however deep, and nothing else', () => {
    expect(labels(treeRows(rows, new Set([clinic.ids.topic('Website')])))).toEqual(['Website', 'Reception']);
    const foldedDetail = treeRows(rows, new Set([clinic.ids.topic('Booking form')]));
    expect(labels(foldedDetail)).toEqual(['Website', 'Booking form', 'Reception']);
    expect(foldedDetail[1]).toMatchObject({ expandable: true, expanded: false, parent: 0 });
  });

  it('names the rows to unfold to show a topic', () => {
    expect(ancestorsInRows(rows, clinic.ids.topic('Calendar'))).toEqual([clinic.ids.topic('Booking form'), clinic.ids.topic('Website')]);
    expect(ancestorsInRows(rows, clinic.ids.topic('Reception'))).toEqual([]);
  });
});

describe('tree keys on the label column', () => {
  const ctx = (over: Partial<KeyContext> = {}): KeyContext => ({ cursor: { row: 1, col: 0 }, rows: 4, cols: 8, kind: 'text', page: 5, last: null, now: 0, ...over });

  it('Right unfolds a folded row; on an unfolded row or a leaf it moves to the next cell as before', () => {
    expect(outlineIntent({ key: 'ArrowRight' }, ctx({ tree: { expandable: true, expanded: false, parent: null } }))).toEqual({ type: 'expand' });
    expect(outlineIntent({ key: 'ArrowRight' }, ctx({ tree: { expandable: true, expanded: true, parent: null } }))).toMatchObject({ type: 'move', to: { row: 1, col: 1 } });
    expect(outlineIntent({ key: 'ArrowRight' }, ctx({ tree: { expandable: false, expanded: false, parent: 0 } }))).toMatchObject({ type: 'move', to: { row: 1, col: 1 } });
  });

  it('Left folds an unfolded row, goes up from a detail to its row, and does nothing new on a touchpoint without details', () => {
    expect(outlineIntent({ key: 'ArrowLeft' }, ctx({ tree: { expandable: true, expanded: true, parent: 0 } }))).toEqual({ type: 'collapse' });
    expect(outlineIntent({ key: 'ArrowLeft' }, ctx({ cursor: { row: 2, col: 0 }, tree: { expandable: false, expanded: false, parent: 1 } }))).toMatchObject({ type: 'move', to: { row: 1, col: 0 } });
    expect(outlineIntent({ key: 'ArrowLeft' }, ctx({ cursor: { row: 3, col: 0 }, tree: { expandable: false, expanded: false, parent: null } }))).toMatchObject({ type: 'move', to: { row: 3, col: 0 } });
  });

  it('off the label column the arrows move across cells, folded or not', () => {
    const folded = { expandable: true, expanded: false, parent: null };
    expect(outlineIntent({ key: 'ArrowLeft' }, ctx({ cursor: { row: 1, col: 3 }, tree: folded }))).toMatchObject({ type: 'move', to: { row: 1, col: 2 } });
    expect(outlineIntent({ key: 'ArrowRight' }, ctx({ cursor: { row: 1, col: 3 }, tree: folded }))).toMatchObject({ type: 'move', to: { row: 1, col: 4 } });
  });
});
