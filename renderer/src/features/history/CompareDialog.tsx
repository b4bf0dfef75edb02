/**
 * Before and after (Restore points ▸ Compare…): two states of the open map side by side — a named
 * restore point such as "Before workshop" and the map now, or two points. The changes are listed
 * by stage; "Show on map" puts a badge on each touchpoint that is new or whose score moved, and
 * the PDF export can add the comparison as a page. Esc closes it; the badges stay until hidden.
 */
import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { useDocumentStore } from '../../store/document-store';
import { runOperation } from '../../operations/run-operation';
import type { RestorePointSummary } from '../../db';
import { restorePoints } from '../../db/library';
import { closeCompare, setComparison, setShowOnMap, useCompareStore, type ComparedSide } from './compare-store';
import { changeWord, stageName, summaryText, totalsText, touchpointText } from './comparison-text';
import { pointLabel } from './point-text';
import type { MapId } from '@shared/model/types';

const NOW = 'now';

/** The point to compare with first: the newest named one ("Before workshop"), else the newest. */
function firstChoice(points: readonly RestorePointSummary[]): string | null {
  return (points.find((p) => p.kind === 'named') ?? points[0])?.id ?? null;
}

export function CompareDialog({ mapId }: { readonly mapId: MapId }) {
  const title = useDocumentStore((s) => s.doc?.map.title ?? '');
  const { earlier, later, comparison, showOnMap } = useCompareStore();
  const [points, setPoints] = useState<readonly RestorePointSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    restorePoints()
      .list(mapId)
      .then((list) => live && setPoints(list))
      .catch((failure: Error) => live && (setPoints([]), setError(t('compare.failed', { reason: failure.message }))));
    return () => {
      live = false;
    };
  }, [mapId]);

  const side = (id: string): ComparedSide => {
    if (id === NOW) return { id, label: t('compare.now') };
    const point = points?.find((p) => p.id === id);
    return { id, label: point ? pointLabel(point) : id };
  };

  const compare = async (earlierId: string, laterId: string) => {
    setError(null);
    try {
      const now = useDocumentStore.getState().doc;
      if (!now) return;
      const [earlierDoc, laterDoc] = await Promise.all([restorePoints().read(earlierId), laterId === NOW ? Promise.resolve(null) : restorePoints().read(laterId)]);
      setComparison(side(earlierId), earlierDoc, side(laterId), laterDoc, now);
    } catch (failure) {
      setError(t('compare.failed', { reason: (failure as Error).message }));
    }
  };

  // The first comparison once the points are known: the named point (or the newest) with now.
  useEffect(() => {
    if (!points || earlier) return;
    const first = firstChoice(points);
    if (first) void compare(first, NOW);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the list arrives
  }, [points]);

  const earlierId = earlier?.id ?? '';
  const laterId = later?.id ?? NOW;

  return (
    <Dialog
      title={t('compare.title', { title })}
      onCancel={closeCompare}
      actions={
        <>
          <button type="button" className="button" disabled={!comparison} onClick={() => (closeCompare(), runOperation('export.pdf'))}>
            {t('compare.exportPdf')}
          </button>
          <button type="button" className="button button--primary" onClick={closeCompare}>
            {t('compare.close')}
          </button>
        </>
      }
    >
      <p className="muted compare__intro">{t('compare.intro')}</p>
      {points !== null && points.length === 0 ? (
        <p className="muted">{t('compare.noPoints')}</p>
      ) : (
        <div className="compare__sides">
          <label className="field">
            <span className="field__label">{t('compare.before')}</span>
            <select value={earlierId} onChange={(event) => void compare(event.target.value, laterId)}>
              {earlierId === '' && <option value="">{t('compare.loading')}</option>}
              {points?.map((point) => (
                <option key={point.id} value={point.id}>
                  {pointLabel(point)}
                </option>
              ))}
            </select>
          </label>
          <span className="compare__arrow" aria-hidden="true">
            →
          </span>
          <label className="field">
            <span className="field__label">{t('compare.after')}</span>
            <select value={laterId} onChange={(event) => earlierId && void compare(earlierId, event.target.value)}>
              <option value={NOW}>{t('compare.now')}</option>
              {points?.map((point) => (
                <option key={point.id} value={point.id}>
                  {pointLabel(point)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {comparison && (
        <>
          <div className="compare__summary">
            <p role="status" className="compare__counts">
              {summaryText(comparison)}
            </p>
            <label className="compare__toggle">
              <input type="checkbox" checked={showOnMap} onChange={(event) => setShowOnMap(event.target.checked)} /> {t('compare.showOnMap')}
            </label>
          </div>
          <div className="compare__stages" role="list" aria-label={t('compare.list')}>
            {comparison.stages.map((stage) => (
              <section key={stage.stageId ?? ''} role="listitem" className="compare__stage" aria-label={stageName(stage)}>
                <h3 className="compare__stage-name">{stageName(stage)}</h3>
                <p className="muted compare__totals">{totalsText(stage)}</p>
                {stage.touchpoints.length > 0 && (
                  <ul className="compare__changes">
                    {stage.touchpoints.map((change) => (
                      <li key={change.id} className={`compare__change compare__change--${change.change}`}>
                        <span className={`compare-tag compare-tag--${change.change}`}>{changeWord(change.change)}</span>
                        <span className="compare__label">{change.label}</span>
                        {touchpointText(change) && <span className="compare__what">{touchpointText(change)}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </>
      )}
    </Dialog>
  );
}
