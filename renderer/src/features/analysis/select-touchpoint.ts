/**
 * What a click on a matrix dot does: selects the touchpoint and shows it on the map — the mind
 * map follows the selection and brings it on screen. From the side panel the map is already in
 * front; from the analysis view the mind map takes its place.
 */
import { useUiStore } from '../../store/ui-store';
import type { TopicId } from '@shared/model/types';

export function showTouchpointOnMap(topicId: TopicId): void {
  const ui = useUiStore.getState();
  ui.select([topicId]);
  if (ui.view === 'analysis') ui.setView('mindmap');
}
