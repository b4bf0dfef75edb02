/**
 * The first screen: every map on this computer, newest first, with New map, open, rename and
 * delete. Maps live in IndexedDB; this screen reads summaries only (title, count, last change).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { t, formatWhen } from '../../i18n';
import { navigate } from '../../store/route';
import { useUiStore } from '../../store/ui-store';
import { library } from '../../db/library';
import type { MapSummary } from '../../db';
import { NewMapDialog } from './NewMapDialog';
import { takeNewMapRequest, useNewMapRequestStore } from './new-map-request-store';
import { RenameMapDialog, DeleteMapDialog } from './MapDialogs';
import { LibraryFileActions, TouchmapDropZone, onMapsImported } from '../import';

type Pending = { readonly kind: 'new' } | { readonly kind: 'rename' | 'delete'; readonly map: MapSummary } | null;

/** `appButtons`: Help and App settings, which app/ owns and hands to both screens. */
export function LibraryScreen({ appButtons }: { readonly appButtons: ReactNode }) {
  const [maps, setMaps] = useState<readonly MapSummary[] | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const newMapAsked = useNewMapRequestStore((s) => s.pending);
  useEffect(() => {
    if (newMapAsked && takeNewMapRequest()) setPending({ kind: 'new' });
  }, [newMapAsked]);
  const notify = useUiStore((s) => s.notify);

  const reload = useCallback(async () => {
    try {
      setMaps(await library().listMaps());
    } catch (error) {
      notify('error', `Could not read the maps stored on this computer: ${(error as Error).message}`);
      setMaps([]);
    }
  }, [notify]);

  useEffect(() => {
    document.title = t('app.name');
    void reload();
  }, [reload]);
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
        <h1 className="library__title">{t('library.title')}</h1>
        {maps === null ? (
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
                    {map.touchpointCount === 1 ? t('library.touchpoints.one') : t('library.touchpoints', { count: map.touchpointCount })}
                    {' · '}
                    {t('library.changed', { when: formatWhen(map.updatedAt) })}
                  </span>
                </button>
                <div className="map-card__actions">
                  <button type="button" className="button button--ghost" onClick={() => setPending({ kind: 'rename', map })} aria-label={`${t('library.rename')} ${map.title}`}>
                    {t('library.rename')}
                  </button>
                  <button type="button" className="button button--ghost button--danger" onClick={() => setPending({ kind: 'delete', map })} aria-label={`${t('library.delete')} ${map.title}`}>
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
      {pending?.kind === 'delete' && (
        <DeleteMapDialog
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
