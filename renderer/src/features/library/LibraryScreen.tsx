/**
 * The first screen: every map on this computer, newest first, with New map, open, rename and
 * delete, and Trash. Maps live in IndexedDB; this screen reads summaries only (title, count, last
 * change). Delete moves a map to Trash at once (no question: Undo and Trash bring it back).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { t, formatWhen } from '../../i18n';
import { navigate } from '../../store/route';
import { useUiStore } from '../../store/ui-store';
import { library, purgeExpiredTrashOnce, trash } from '../../db/library';
import type { MapSummary, TrashedMap } from '../../db';
import { NewMapDialog } from './NewMapDialog';
import { takeNewMapRequest, useNewMapRequestStore } from './new-map-request-store';
import { RenameMapDialog } from './MapDialogs';
import { LibraryFileActions, TouchmapDropZone, onMapsImported } from '../import';
import { TrashView, forgetTrashMoves, moveMapToTrash, useTrashUndoStore } from '../history';

type Pending = { readonly kind: 'new' } | { readonly kind: 'rename'; readonly map: MapSummary } | null;

/** `appButtons`: Help and App settings, which app/ owns and hands to both screens. */
export function LibraryScreen({ appButtons }: { readonly appButtons: ReactNode }) {
  const [maps, setMaps] = useState<readonly MapSummary[] | null>(null);
  const [trashed, setTrashed] = useState<readonly TrashedMap[]>([]);
  const [purged, setPurged] = useState<readonly string[]>([]);
  const [showTrash, setShowTrash] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const trashVersion = useTrashUndoStore((s) => s.version);
  const newMapAsked = useNewMapRequestStore((s) => s.pending);
  useEffect(() => {
    if (newMapAsked && takeNewMapRequest()) setPending({ kind: 'new' });
  }, [newMapAsked]);
  const notify = useUiStore((s) => s.notify);

  const reload = useCallback(async () => {
    try {
      // Maps past their 30 days in Trash go first, once per start, so neither list shows them.
      setPurged(await purgeExpiredTrashOnce());
      const [live, inTrash] = await Promise.all([library().listMaps(), trash().list()]);
      setMaps(live);
      setTrashed(inTrash);
    } catch (error) {
      notify('error', `Could not read the maps stored on this computer: ${(error as Error).message}`);
      setMaps([]);
    }
  }, [notify]);

  useEffect(() => {
    document.title = t('app.name');
    void reload();
  }, [reload, trashVersion]);
  // Undo of a delete lasts while the library is shown.
  useEffect(() => forgetTrashMoves, []);

  const moveToTrash = async (map: MapSummary) => {
    try {
      await moveMapToTrash(map.id, map.title);
    } catch (error) {
      notify('error', t('trash.failed', { reason: (error as Error).message }));
      void reload();
    }
  };
  // Imported maps appear at once (several maps: the library stays; one map: the editor opens).
  useEffect(() => onMapsImported(() => void reload()), [reload]);

  return (
    <div className="library">
      <header className="topbar">
        <div className="brand" aria-hidden="true">
          <span className="brand__mark" />
          {t('app.name')}
        </div>
        <div className="topbar__spacer" />
        <LibraryFileActions hasMaps={(maps?.length ?? 0) > 0} />
        <button type="button" className="button button--primary" onClick={() => setPending({ kind: 'new' })}>
          {t('library.new')}
        </button>
        {appButtons}
      </header>
      <main className="library__main">
        <div className="library__head">
          <h1 className="library__title">{showTrash ? t('trash.title') : t('library.title')}</h1>
          <div className="segmented" role="group" aria-label={t('trash.views')}>
            <button type="button" className="segmented__option" aria-pressed={!showTrash} onClick={() => setShowTrash(false)}>
              {t('trash.back')}
            </button>
            <button type="button" className="segmented__option" aria-pressed={showTrash} onClick={() => setShowTrash(true)}>
              {trashed.length > 0 ? t('trash.showCount', { count: trashed.length }) : t('trash.show')}
            </button>
          </div>
        </div>
        {showTrash ? (
          <TrashView maps={trashed} purged={purged} onChanged={() => void reload()} />
        ) : maps === null ? (
          <p className="muted">{t('library.loading')}</p>
        ) : maps.length === 0 ? (
          <section className="empty" aria-labelledby="empty-title">
            <h2 id="empty-title">{t('library.empty.title')}</h2>
            <p>{t('library.empty.body')}</p>
            <button type="button" className="button button--primary button--large" onClick={() => setPending({ kind: 'new' })}>
              {t('library.new')}
            </button>
          </section>
        ) : (
          <ul className="map-list" aria-label={t('library.title')}>
            {maps.map((map) => (
              <li key={map.id} className="map-card">
                <button
                  type="button"
                  className="map-card__open"
                  onClick={() => navigate({ screen: 'editor', mapId: map.id })}
                  aria-label={`${t('library.open')} ${map.title}`}
                >
                  <span className="map-card__title">{map.title}</span>
                  <span className="map-card__meta">
                    {t('library.touchpoints', { count: map.touchpointCount })}
                    {' · '}
                    {t('library.changed', { when: formatWhen(map.updatedAt) })}
                  </span>
                </button>
                <div className="map-card__actions">
                  <button type="button" className="button button--ghost" onClick={() => setPending({ kind: 'rename', map })} aria-label={`${t('library.rename')} ${map.title}`}>
                    {t('library.rename')}
                  </button>
                  <button type="button" className="button button--ghost button--danger" onClick={() => void moveToTrash(map)} aria-label={`${t('library.delete')} ${map.title}`}>
                    {t('library.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </main>
      <TouchmapDropZone />
      {pending?.kind === 'new' && <NewMapDialog onClose={() => setPending(null)} />}
      {pending?.kind === 'rename' && (
        <RenameMapDialog
          map={pending.map}
          onClose={(changed) => {
            setPending(null);
            if (changed) void reload();
          }}
        />
      )}
    </div>
  );
}
