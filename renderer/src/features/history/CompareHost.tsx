/**
 * The comparison's place in the editor: the Compare dialog when it is open, the map's comparison
 * following every edit while it compares with "now", and — while its badges are on the map — a
 * small bar saying what is compared, with buttons to reopen the list or hide the badges.
 */
import { useEffect } from 'react';
import { t } from '../../i18n';
import { useDocumentStore } from '../../store/document-store';
import { CompareDialog } from './CompareDialog';
import { endComparison, followOpenMap, openCompare, setShowOnMap, useCompareStore } from './compare-store';

/** Edits come in bursts (typing, dragging); the comparison catches up once a burst pauses. */
const FOLLOW_AFTER_MS = 150;

export function CompareHost() {
  const mapId = useDocumentStore((s) => s.doc?.map.id);
  const dialogOpen = useCompareStore((s) => s.dialogOpen);
  const showOnMap = useCompareStore((s) => s.showOnMap && s.comparison !== null);
  const earlier = useCompareStore((s) => s.earlier?.label ?? '');
  const later = useCompareStore((s) => s.later?.label ?? '');

  // Another map, or leaving the editor, ends the comparison.
  useEffect(() => endComparison, [mapId]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = useDocumentStore.subscribe((next, prev) => {
      if (next.doc === prev.doc || next.doc === null) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        const doc = useDocumentStore.getState().doc;
        if (doc) followOpenMap(doc);
      }, FOLLOW_AFTER_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);

  return (
    <>
      {dialogOpen && mapId && <CompareDialog mapId={mapId} />}
      {showOnMap && !dialogOpen && (
        <div className="compare-bar" role="region" aria-label={t('compare.bar.label')}>
          <span className="compare-bar__text">{t('compare.bar.text', { earlier, later })}</span>
          <span className="compare-bar__legend" aria-hidden="true">
            <span className="compare-badge compare-badge--new">{t('compare.badge.new')}</span>
            <span className="compare-badge compare-badge--up">+1</span>
            <span className="compare-badge compare-badge--down">−1</span>
          </span>
          <button type="button" className="button button--ghost" onClick={openCompare}>
            {t('compare.bar.open')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setShowOnMap(false)}>
            {t('compare.bar.hide')}
          </button>
        </div>
      )}
    </>
  );
}
