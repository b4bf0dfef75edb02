/**
 * Opens a map for editing: load (through the validate-and-repair path), put it in the store,
 * save every change automatically, and flush on leaving the editor or the page.
 */
import { useEffect, useState } from 'react';
import { startAutosave } from '../../db/autosave';
import { announceWrite, database, library, setActiveAutosave } from '../../db/library';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { t } from '../../i18n';

export type SessionState = { readonly phase: 'loading' } | { readonly phase: 'ready' } | { readonly phase: 'failed'; readonly reason: string };

export function useMapSession(mapId: string): SessionState {
  const [state, setState] = useState<SessionState>({ phase: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let stop: (() => void) | null = null;
    const ui = useUiStore.getState();

    void (async () => {
      try {
        const loaded = await library().loadMap(mapId);
        if (cancelled) return;
        if (!loaded) {
          setState({ phase: 'failed', reason: 'there is no such map on this computer.' });
          return;
        }
        if (loaded.repairs.length > 0) {
          await library().replaceMap(loaded.doc);
          ui.notify('info', t('editor.repaired', { details: loaded.repairs.join('; ') }));
        }
        useDocumentStore.getState().open(loaded.doc);
        ui.select([]);
        ui.setSave('saved');
        const autosave = startAutosave(
          database(),
          {
            getDoc: () => useDocumentStore.getState().doc,
            subscribe: (listener) =>
              useDocumentStore.subscribe((next, prev) => {
                if (next.doc !== prev.doc) listener(next.doc, prev.doc);
              }),
          },
          { onStatus: (status) => useUiStore.getState().setSave(status.state, status.error ?? undefined), onWrite: announceWrite },
        );
        setActiveAutosave(autosave);
        const onHide = () => void autosave.flush().catch(() => undefined);
        window.addEventListener('pagehide', onHide);
        document.addEventListener('visibilitychange', onHide);
        stop = () => {
          window.removeEventListener('pagehide', onHide);
          document.removeEventListener('visibilitychange', onHide);
          // leaving the editor: write what is pending, then let go of the doc
          void autosave
            .flush()
            .catch((error: Error) => useUiStore.getState().notify('error', `The last changes could not be saved: ${error.message}`))
            .finally(() => autosave.stop());
          setActiveAutosave(null);
          useDocumentStore.getState().open(null);
        };
        document.documentElement.lang = loaded.doc.map.locale;
        document.title = `${loaded.doc.map.title} — ${t('app.name')}`;
        setState({ phase: 'ready' });
      } catch (error) {
        if (!cancelled) setState({ phase: 'failed', reason: (error as Error).message });
      }
    })();

    return () => {
      cancelled = true;
      stop?.();
    };
  }, [mapId]);

  return state;
}
