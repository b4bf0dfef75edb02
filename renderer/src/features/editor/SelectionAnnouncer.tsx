/**
 * A polite live region that says what was just selected on the mind map or the grid (label, channel,
 * stage, ratings, weak link), so the arrow keys walk the map by ear. The outline speaks for itself
 * (its cursor cell is the tree grid's active cell), so there the region stays quiet. The region is
 * always in the page: screen readers announce changes only to a region they already know.
 */
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { t } from '../../i18n';
import { announcementFor } from './selection-announcement';

export function SelectionAnnouncer() {
  const doc = useDocumentStore((s) => s.doc);
  const selected = useUiStore((s) => s.selected);
  const view = useUiStore((s) => s.view);
  const text = doc && view !== 'outline' ? announcementFor(doc, selected) : '';
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-label={t('a11y.selection')} data-testid="selection-announcement">
      {text}
    </div>
  );
}
