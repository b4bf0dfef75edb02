/**
 * The comparison the user chose: the palette's "Compare with a restore point…" opens it; a
 * comparison with "now" follows every edit of the map; "Show on map" gives each touchpoint its badge.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { canRun, runOperation } from '../../../renderer/src/app/operations';
import { endComparison, followOpenMap, setComparison, setShowOnMap, useCompareStore } from '../../../renderer/src/features/history/compare-store';
import { useDocumentStore } from '../../../renderer/src/store/document-store';
import { mapDoc } from '../../builders/map-doc';
import { openEditor } from '../../builders/editor';
import { asId } from '../../builders/ids';

const before = mapDoc('Clinic', { stages: ['Awareness'] }).touchpoint('Website', { channel: 'online', stage: 'Awareness', score: 4 }).build();
const point = { id: 'r-1', label: '“Before workshop”' };
const now = { id: 'now', label: 'Now' };

afterEach(() => {
  endComparison();
  useDocumentStore.getState().open(null);
});

describe('before and after', () => {
  it('opens from the palette while a map is open', () => {
    useDocumentStore.getState().open(null);
    expect(canRun('map.compare')).toBe(false);
    openEditor(before);
    expect(runOperation('map.compare')).toBe(true);
    expect(useCompareStore.getState().dialogOpen).toBe(true);
  });

  it('follows the open map while it compares with now, and stops at another map', () => {
    const editor = openEditor(before);
    setComparison(point, before, now, null, editor.doc);
    expect(useCompareStore.getState().comparison?.byTouchpoint.size).toBe(0);
    editor.select('Website').rate(7).addTouchpoint('Online chat', { channel: 'online', stage: 'Awareness' });
    followOpenMap(editor.doc);
    const comparison = useCompareStore.getState().comparison!;
    expect(comparison.byTouchpoint.get(asId.topic('t-website'))?.ratings).toEqual([{ kind: 'score', before: 4, after: 7, delta: 3 }]);
    expect(comparison.added).toBe(1);
    setShowOnMap(true);
    endComparison();
    expect(useCompareStore.getState()).toMatchObject({ comparison: null, showOnMap: false, dialogOpen: false });
  });

  it('keeps a comparison of two restore points as it is while the map changes', () => {
    const editor = openEditor(before);
    const later = mapDoc('Clinic', { stages: ['Awareness'] }).touchpoint('Website', { channel: 'online', stage: 'Awareness', score: 9 }).build();
    setComparison(point, before, { id: 'r-2', label: '“After 3 months”' }, later, editor.doc);
    editor.select('Website').rate(1);
    followOpenMap(editor.doc);
    expect(useCompareStore.getState().comparison?.byTouchpoint.get(asId.topic('t-website'))?.ratings[0]).toMatchObject({ before: 4, after: 9, delta: 5 });
  });
});
