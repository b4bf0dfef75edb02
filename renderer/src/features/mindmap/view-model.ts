/**
 * The laid-out map the canvas shows: the pure model of drawing/, for the open view's grouping and
 * its "Hide empty stages" option (UI state, which drawing/ does not read).
 */
import type { MapDoc } from '@shared/model/types';
import { useUiStore } from '../../store/ui-store';
import { mindModelFor, type MindModel } from '../../drawing/mind-model';

export function viewModelFor(doc: MapDoc): MindModel {
  const ui = useUiStore.getState();
  return mindModelFor(doc, ui.grouping, ui.hideEmptyStages);
}
