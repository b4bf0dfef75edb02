/**
 * Restore points… (File menu, Ctrl/Cmd+Shift+H, the palette): the open map's saved copies with
 * their time, name and size; name one of the map as it is now; restore any in place (one undo
 * step) or as a new map; Compare… shows what changed between two of them, or one and now.
 */
import { useCallback, useEffect, useState } from 'react';
import { t, formatDate, formatWhen } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { navigate } from '../../store/route';
import { MAX_POINT_NAME, type RestorePointSummary } from '../../db';
import { restorePoints } from '../../db/library';
import { closeRestorePoints, useRestorePointsStore } from './restore-points-store';
import { restoreAsNewMap, restoreInPlace, saveNamedPoint } from './restore-point-actions';
import { kindText, pointLabel, sizeText, whenText } from './point-text';
import { CompareHost } from './CompareHost';
import { openCompare } from './compare-store';
import type { MapId } from '@shared/model/types';

export function RestorePointsHost() {
  const open = useRestorePointsStore((s) => s.open);
  const mapId = useDocumentStore((s) => s.doc?.map.id);
  // leaving the editor closes it, so the next map does not open with it
  useEffect(() => closeRestorePoints, []);
  return (
    <>
      {open && mapId ? <RestorePointsDialog mapId={mapId} /> : null}
      <CompareHost />
    </>
  );
}

function RestorePointsDialog({ mapId }: { readonly mapId: MapId }) {
  const title = useDocumentStore((s) => s.doc?.map.title ?? '');
  const notify = useUiStore((s) => s.notify);
  const [points, setPoints] = useState<readonly RestorePointSummary[] | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setPoints(await restorePoints().list(mapId));
    } catch (failure) {
      setError(t('restorePoints.failed', { reason: (failure as Error).message }));
      setPoints([]);
    }
  }, [mapId]);
  useEffect(() => void reload(), [reload]);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(t('restorePoints.failed', { reason: (failure as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  const save = () =>
    run(async () => {
      const point = await saveNamedPoint(name);
      setName('');
      notify('info', t('restorePoints.saved', { name: point.name ?? '' }));
      await reload();
    });

  const restoreHere = (point: RestorePointSummary) =>
    run(async () => {
      await restoreInPlace(point.id);
      closeRestorePoints();
      notify('info', t('restorePoints.restoredHere', { point: pointLabel(point) }));
    });

  const restoreNew = (point: RestorePointSummary) =>
    run(async () => {
      const doc = await restoreAsNewMap(point.id, (restored) => t('restorePoints.newTitle', { title: restored.map.title, date: formatDate(point.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) }));
      closeRestorePoints();
      notify('info', t('restorePoints.restoredNew', { title: doc.map.title }));
      navigate({ screen: 'editor', mapId: doc.map.id });
    });

  return (
    <Dialog
      title={t('restorePoints.title', { title })}
      onCancel={closeRestorePoints}
      onSubmit={() => void save()}
      actions={
        <>
          <button type="button" className="button" disabled={!points || points.length === 0} onClick={() => (closeRestorePoints(), openCompare())}>
            {t('compare.open')}
          </button>
          <button type="button" className="button" onClick={closeRestorePoints}>
            {t('restorePoints.close')}
          </button>
        </>
      }
    >
      <p className="muted restore-points__intro">{t('restorePoints.intro')}</p>
      <div className="restore-points__name">
        <label className="field">
          <span className="field__label">{t('restorePoints.name')}</span>
          <input value={name} maxLength={MAX_POINT_NAME} placeholder={t('restorePoints.namePlaceholder')} onChange={(event) => (setName(event.target.value), setError(null))} />
        </label>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('restorePoints.save')}
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {points === null ? (
        <p className="muted">{t('restorePoints.loading')}</p>
      ) : points.length === 0 ? (
        <p className="muted">{t('restorePoints.none')}</p>
      ) : (
        <table className="restore-points__list" aria-label={t('restorePoints.list')}>
          <thead>
            <tr>
              <th scope="col">{t('restorePoints.when')}</th>
              <th scope="col">{t('restorePoints.what')}</th>
              <th scope="col" className="restore-points__size">
                {t('restorePoints.size')}
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.id}>
                <td>
                  <span className="restore-points__when">{whenText(point.createdAt)}</span>
                  <span className="muted restore-points__ago">{formatWhen(point.createdAt)}</span>
                </td>
                <td>
                  <span className={point.kind === 'named' ? 'restore-points__named' : 'muted'}>{point.name ?? kindText(point.kind)}</span>
                  <span className="muted restore-points__ago">{t('library.touchpoints', { count: point.touchpointCount })}</span>
                </td>
                <td className="restore-points__size">{sizeText(point.size)}</td>
                <td className="restore-points__actions">
                  <button type="button" className="button button--ghost" disabled={busy} aria-label={t('restorePoints.restoreHere.label', { point: pointLabel(point) })} onClick={() => void restoreHere(point)}>
                    {t('restorePoints.restoreHere')}
                  </button>
                  <button type="button" className="button button--ghost" disabled={busy} aria-label={t('restorePoints.restoreNew.label', { point: pointLabel(point) })} onClick={() => void restoreNew(point)}>
                    {t('restorePoints.restoreNew')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
