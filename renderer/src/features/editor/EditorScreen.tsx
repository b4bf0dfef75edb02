/**
 * The editor of one map: a toolbar (back to the library, the map's title, save status, undo,
 * redo, fit), the mind map, and the inspector of the selected touchpoint.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useStore } from 'zustand';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { navigate } from '../../store/route';
import { runOperation } from '../../operations/run-operation';
import { t } from '../../i18n';
import { MindMapView } from '../mindmap';
// views (mind map / grid / outline), the Chains tab, the "Add steps" banner
import type { ViewName } from '../../store/ui-store';
import { keysText, type OperationName } from '@shared/operations';
import { GridView } from '../grid';
import { SidePanel, AddStepsBanner, AddToChainHost, useChainUiStore } from '../chains';
import { useMapSession } from './useMapSession';
import { SaveStatus } from './SaveStatus';
import { SelectionAnnouncer } from './SelectionAnnouncer';
// the data exports' menu, and the visual export dialog (loads its code on first open)
import { DataExportMenu, ExportDialogHost } from '../export';
import { TouchmapDropZone } from '../import';
import { OutlineView } from '../outline';
import { AnalysisView } from '../analysis';
// the search bar over every view, and copy / cut / paste of touchpoints
import { SearchBar } from '../search';
import { useClipboard } from '../clipboard';
// the map's stages, segments and competitors
import { MapSettingsHost } from '../map-settings';
// the map's restore points: the dialog, and the automatic ones made on opening and while editing
import { RestorePointsHost, useRestorePointKeeper } from '../history';
// presentation mode hides the chrome; the slides cover the view, which pauses beneath them
import { usePresentStore, PresentationHint } from '../present';
// the rating round (full window) and the action plan (a fourth view)
import { RatingRoundHost } from '../rating';
import { ActionPlanView } from '../actions';

/** A curved arrow: back (undo) or forward (redo). */
function HistoryIcon({ direction }: { readonly direction: 'undo' | 'redo' }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" style={direction === 'redo' ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M6 4 L2.5 7.5 L6 11 M2.5 7.5 H11 a4.5 4.5 0 0 1 0 9 H8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
// the live workshop room's panel
import { RoomPanelHost } from '../room';
import type { MapId } from '@shared/model/types';

function HistoryButtons() {
  const canUndo = useStore(useDocumentStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDocumentStore.temporal, (s) => s.futureStates.length > 0);
  return (
    <div className="toolbar__group">
      {/* Icons, named for screen readers and in the tooltip: the top bar keeps room for every language's words. */}
      <button type="button" className="button button--ghost button--icon" disabled={!canUndo} onClick={() => runOperation('edit.undo')} aria-label={t('editor.undo')} title={`${t('editor.undo')} (${keysText('edit.undo')})`}>
        <HistoryIcon direction="undo" />
      </button>
      <button type="button" className="button button--ghost button--icon" disabled={!canRedo} onClick={() => runOperation('edit.redo')} aria-label={t('editor.redo')} title={`${t('editor.redo')} (${keysText('edit.redo')})`}>
        <HistoryIcon direction="redo" />
      </button>
    </div>
  );
}

const VIEWS: readonly { readonly view: ViewName; readonly operation: OperationName; readonly label: 'views.mindmap' | 'views.grid' | 'views.outline' | 'views.analysis' | 'views.actions' }[] = [
  { view: 'mindmap', operation: 'view.mindmap', label: 'views.mindmap' },
  { view: 'grid', operation: 'view.grid', label: 'views.grid' },
  { view: 'outline', operation: 'view.outline', label: 'views.outline' },
  { view: 'analysis', operation: 'view.analysis', label: 'views.analysis' },
  { view: 'actions', operation: 'view.actions', label: 'views.actions' },
];

/** Mind map · Grid · Outline · Analysis · Action plan: one document, five views (Ctrl/Cmd+1 … 5). */
function ViewSwitcher() {
  const view = useUiStore((s) => s.view);
  return (
    <div className="segmented" role="group" aria-label={t('views.label')}>
      {VIEWS.map((entry) => (
        <button
          key={entry.view}
          type="button"
          className="segmented__option"
          aria-pressed={view === entry.view}
          title={`${t(entry.label)} (${keysText(entry.operation)})`}
          onClick={() => runOperation(entry.operation)}
        >
          {t(entry.label)}
        </button>
      ))}
    </div>
  );
}

function ChainsButton() {
  const columnOpen = useUiStore((s) => s.inspectorOpen);
  const open = useChainUiStore((s) => s.tab === 'chains') && columnOpen;
  return (
    <button type="button" className="button button--ghost" aria-pressed={open} title={keysText('chain.togglePanel')} onClick={() => runOperation('chain.togglePanel')}>
      {t('chains.title')}
    </button>
  );
}

/** The current view, with the "Add steps" banner over it. */
function ViewArea({ viewRef }: { readonly viewRef: RefObject<HTMLDivElement | null> }) {
  const view = useUiStore((s) => s.view);
  // The analysis is opened from the map and back, often, mid-discussion: the map stays mounted
  // (not shown, not laid out) behind it, so neither way tears down and rebuilds the canvas.
  const keepMap = view === 'mindmap' || view === 'analysis';
  return (
    <div className="editor__view" ref={viewRef}>
      {keepMap && (
        <div className={view === 'mindmap' ? 'editor__map' : 'editor__map editor__map--behind'}>
          <ReactFlowProvider>
            <MindMapView />
          </ReactFlowProvider>
        </div>
      )}
      {view === 'grid' ? <GridView /> : view === 'outline' ? <OutlineView /> : view === 'analysis' ? <AnalysisView /> : view === 'actions' ? <ActionPlanView /> : null}
      <AddStepsBanner />
      <SearchBar />
      <SelectionAnnouncer />
    </div>
  );
}

/** `appButtons`: Help and App settings, which app/ owns and hands to both screens. */
export function EditorScreen({ mapId, appButtons }: { readonly mapId: MapId; readonly appButtons: ReactNode }) {
  const session = useMapSession(mapId);
  useRestorePointKeeper(mapId);
  const title = useDocumentStore((s) => s.doc?.map.title);
  const inspectorOpen = useUiStore((s) => s.inspectorOpen);
  const view = useUiStore((s) => s.view);
  const presenting = usePresentStore((s) => s.presenting);
  const viewRef = useRef<HTMLDivElement>(null);
  useClipboard();
  // which chains are hidden, and "Add steps", belong to the map on screen
  useEffect(() => useChainUiStore.getState().reset(), [mapId]);

  return (
    <div className={`editor${presenting ? ' editor--presenting' : ''}`}>
      <PresentationHint />
      <header className="topbar" hidden={presenting}>
        <button type="button" className="button button--ghost" onClick={() => navigate({ screen: 'library' })}>
          ← {t('editor.back')}
        </button>
        <h1 className="topbar__title" title={title ?? undefined}>{title ?? ''}</h1>
        <SaveStatus />
        <div className="topbar__spacer" />
        <ViewSwitcher />
        <HistoryButtons />
        {view === 'mindmap' && (
          <button type="button" className="button button--ghost" onClick={() => runOperation('view.fit')}>
            {t('editor.fit')}
          </button>
        )}
        <button type="button" className="button button--ghost" title={keysText('rating.start')} onClick={() => runOperation('rating.start')}>
          {t('rating.button')}
        </button>
        <ChainsButton />
        <button type="button" className="button button--ghost" title={keysText('map.settings')} onClick={() => runOperation('map.settings')}>
          {t('settings.open')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => runOperation('room.open')}>
          {t('room.open.button')}
        </button>
        <DataExportMenu />
        <button type="button" className="button button--ghost" title={t('export.visual.shortcut')} onClick={() => runOperation('export.open')}>
          {t('export.visual.button')}
        </button>
        {appButtons}
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
        <div className={`editor__body${inspectorOpen && !presenting ? '' : ' editor__body--wide'}`}>
          <ViewArea viewRef={viewRef} />
          {inspectorOpen && !presenting && <SidePanel />}
        </div>
      )}
      <TouchmapDropZone />
      <MapSettingsHost />
      <RestorePointsHost />
      <AddToChainHost />
      <ExportDialogHost />
      <RatingRoundHost />
      <RoomPanelHost />
    </div>
  );
}
