/** Starting the rating round on the open map (the operation `rating.start`). */
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { t } from '../../i18n';
import { useRatingStore } from './rating-store';

export function startRatingRound(): boolean {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return false;
  if (useRatingStore.getState().open) return true;
  if (!useRatingStore.getState().start(doc)) useUiStore.getState().notify('info', t('rating.empty'));
  return true;
}
