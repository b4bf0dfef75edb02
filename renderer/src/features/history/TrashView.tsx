/**
 * The library's Trash: maps deleted in the last 30 days, each with Restore and Delete forever
 * (which asks first, naming the map). Says that Trash empties itself, and what it emptied at start.
 */
import { useState } from 'react';
import { t, formatDate, formatWhen } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { useUiStore } from '../../store/ui-store';
import { TRASH_DAYS, type TrashedMap } from '../../db';
import { trash } from '../../db/library';
import { forgetTrashMove } from './trash-undo-store';

export interface TrashViewProps {
  readonly maps: readonly TrashedMap[];
  /** Titles of the maps deleted forever at this start for being in Trash too long. */
  readonly purged: readonly string[];
  /** Trash changed: the library re-reads both lists. */
  readonly onChanged: () => void;
}

export function TrashView({ maps, purged, onChanged }: TrashViewProps) {
  const [doomed, setDoomed] = useState<TrashedMap | null>(null);
  const notify = useUiStore((s) => s.notify);

  async function change(map: TrashedMap, work: () => Promise<void>, done?: string) {
    try {
      await work();
      forgetTrashMove(map.id);
      if (done) notify('info', done);
    } catch (failure) {
      notify('error', t('trash.failed', { reason: (failure as Error).message }));
    }
    onChanged();
  }

  return (
    <section className="trash" aria-label={t('trash.title')}>
      <p className="trash__intro">{t('trash.intro', { days: TRASH_DAYS })}</p>
      {purged.length > 0 && (
        <p className="trash__purged" role="note">
          {t('trash.purged', { count: purged.length, days: TRASH_DAYS, titles: purged.map((title) => `“${title}”`).join(', ') })}
        </p>
      )}
      {maps.length === 0 ? (
        <p className="muted">{t('trash.empty')}</p>
      ) : (
        <ul className="map-list" aria-label={t('trash.title')}>
          {maps.map((map) => (
            <li key={map.id} className="map-card map-card--trashed">
              <div className="map-card__open">
                <span className="map-card__title">{map.title}</span>
                <span className="map-card__meta">
                  {t('library.touchpoints', { count: map.touchpointCount })}
                  {' · '}
                  {t('trash.deleted', { when: formatWhen(map.deletedAt) })}
                </span>
                <span className="map-card__meta">{t('trash.purgeOn', { date: formatDate(map.purgeAt) })}</span>
              </div>
              <div className="map-card__actions">
                <button
                  type="button"
                  className="button button--ghost"
                  aria-label={`${t('trash.restore')} ${map.title}`}
                  onClick={() => void change(map, () => trash().restore(map.id), t('trash.restored', { title: map.title }))}
                >
                  {t('trash.restore')}
                </button>
                <button type="button" className="button button--ghost button--danger" aria-label={`${t('trash.deleteForever')} ${map.title}`} onClick={() => setDoomed(map)}>
                  {t('trash.deleteForever')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {doomed && (
        <Dialog
          title={t('trash.forever.title', { title: doomed.title })}
          onCancel={() => setDoomed(null)}
          actions={
            <>
              <button type="button" className="button" autoFocus onClick={() => setDoomed(null)}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button--danger-solid"
                onClick={() => {
                  const map = doomed;
                  setDoomed(null);
                  void change(map, () => trash().deleteForever(map.id));
                }}
              >
                {t('trash.forever.confirm')}
              </button>
            </>
          }
        >
          <p>{t('trash.forever.body', { count: doomed.touchpointCount })}</p>
        </Dialog>
      )}
    </section>
  );
}
