/**
 * The editor of one map: a toolbar (back to the library, the map's title, save status, undo,
 * redo, fit), the mind map, and the inspector of the selected touchpoint.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { useStore } from 'zustand';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { navigate } from '../../app/route';
import { executeAction } from '../../app/actions';
import { t } from '../../i18n';
import { MindMapView } from '../mindmap/MindMapView';
import { Inspector } from '../inspector/Inspector';
import { useMapSession } from './useMapSession';
import { useEditorKeys } from './useEditorKeys';
import { SaveStatus } from './SaveStatus';

function HistoryButtons() {
  const canUndo = useStore(useDocumentStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDocumentStore.temporal, (s) => s.futureStates.length > 0);
  return (
    <div className="toolbar__group">
      <button type="button" className="button button--ghost" disabled={!canUndo} onClick={() => executeAction('edit.undo')} title="Ctrl/Cmd+Z">
        {t('editor.undo')}
      </button>
      <button type="button" className="button button--ghost" disabled={!canRedo} onClick={() => executeAction('edit.redo')} title="Ctrl/Cmd+Shift+Z">
        {t('editor.redo')}
      </button>
    </div>
  );
}

export function EditorScreen({ mapId }: { readonly mapId: string }) {
  const session = useMapSession(mapId);
  const title = useDocumentStore((s) => s.doc?.map.title);
  const inspectorOpen = useUiStore((s) => s.inspectorOpen);
  useEditorKeys();

  return (
    <div className="editor">
      <header className="topbar">
        <button type="button" className="button button--ghost" onClick={() => navigate({ screen: 'library' })}>
          ← {t('editor.back')}
        </button>
        <h1 className="topbar__title">{title ?? ''}</h1>
        <SaveStatus />
        <div className="topbar__spacer" />
        <HistoryButtons />
        <button type="button" className="button button--ghost" onClick={() => executeAction('view.fit')}>
          {t('editor.fit')}
        </button>
      </header>
      {session.phase === 'failed' ? (
        <main className="editor__message" role="alert">
          <p>{t('editor.loadFailed', { reason: session.reason })}</p>
          <button type="button" className="button button--primary" onClick={() => navigate({ screen: 'library' })}>
            {t('editor.back')}
          </button>
        </main>
      ) : session.phase === 'loading' ? (
        <main className="editor__message">
          <p className="muted">{t('library.loading')}</p>
        </main>
      ) : (
        <div className={`editor__body${inspectorOpen ? '' : ' editor__body--wide'}`}>
          <ReactFlowProvider>
            <MindMapView />
          </ReactFlowProvider>
          {inspectorOpen && <Inspector />}
        </div>
      )}
    </div>
  );
}
