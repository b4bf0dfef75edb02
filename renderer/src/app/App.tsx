import { lazy, Suspense, useEffect } from 'react';
import { chordLabel } from '@shared/operations';
import { useRoute } from '../store/route';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { NoticeBar } from './NoticeBar';
import { HelpDialogsHost } from '../features/help/HelpDialogs';
import { PaletteHost, type PaletteEntry } from '../features/palette';
import { isMac, loadEditorOperations, OPERATIONS, runOperation } from './operations';
import { prefetchOtherFormatImport } from '../features/import';
import { useOperationKeys } from './useOperationKeys';
import { AppSettingsHost } from './AppSettingsDialog';
import { useSystemThemeFollower } from './apply-theme';
import { shortcutRows } from './shortcut-rows';
import { AppButtons } from './AppButtons';
import { useDatabaseOpen } from './useDatabaseOpen';
import { useLanguage } from '../i18n';

// The editor (the canvas, React Flow, the views) is loaded when a map opens, not with the library.
// The editor's operations (tree, grid, clipboard, rating…) come with it, so its keys never wait.
const loadEditor = () => Promise.all([import('../features/editor/EditorScreen'), loadEditorOperations()]).then(([screen]) => screen);
// The recovery screen shows only when the database cannot open: loaded then, not with every start.
const RecoveryScreen = lazy(() => import('./RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })));
const EditorScreen = lazy(() => loadEditor().then((m) => ({ default: m.EditorScreen })));

/** How long the library is on screen before the editor is fetched in the background (ms). */
const EDITOR_PREFETCH_DELAY_MS = 1_000;

/**
 * A second after the library is on screen, when the browser is idle, fetch the editor ahead of the
 * first click on a map: the library's own first load stays small (it is on screen and usable
 * before this starts), and a map opened after that does not wait for the editor's download.
 */
function usePrefetchEditor(): void {
  useEffect(() => {
    let idle: number | null = null;
    const timer = window.setTimeout(() => {
      // and another tool's readers, which the library's Import… needs for anything but a .touchmap file
      const prefetch = () => (void loadEditor().catch(() => undefined), prefetchOtherFormatImport());
      if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(prefetch, { timeout: 2_000 });
      else prefetch();
    }, EDITOR_PREFETCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      if (idle !== null) window.cancelIdleCallback(idle);
    };
  }, []);
}


/** The palette lists what can be done now: the table's palette entries whose `enabled` holds. */
const paletteEntries = (): readonly PaletteEntry[] => {
  const mac = isMac();
  return OPERATIONS.filter((operation) => operation.palette && operation.enabled()).map((operation) => ({
    name: operation.name,
    label: operation.label,
    keys: operation.keys.map((chord) => chordLabel(chord, mac)),
  }));
};
const runFromPalette = (name: string) => {
  const operation = OPERATIONS.find((candidate) => candidate.name === name);
  if (operation) runOperation(operation.name);
};

/**
 * The two screens: the library of maps, and the editor of one map — once the database has opened.
 * A database that would not open shows the recovery screen instead, and nothing else touches it.
 */
export function App() {
  // Read here so the whole tree re-renders, in the new language, when App settings changes it.
  useLanguage();
  const storage = useDatabaseOpen();
  useSystemThemeFollower();
  if (storage.phase === 'opening') return null;
  if (storage.phase === 'failed')
    return (
      <Suspense fallback={null}>
        <RecoveryScreen problem={storage.problem} />
      </Suspense>
    );
  return <Screens />;
}

function Screens() {
  const route = useRoute();
  useOperationKeys();
  usePrefetchEditor();
  return (
    <>
      {route.screen === 'editor' ? (
        <Suspense fallback={null}>
          <EditorScreen key={route.mapId} mapId={route.mapId} appButtons={<AppButtons />} />
        </Suspense>
      ) : (
        <LibraryScreen appButtons={<AppButtons />} />
      )}
      <NoticeBar />
      <HelpDialogsHost rows={shortcutRows()} />
      <PaletteHost entries={paletteEntries} run={runFromPalette} />
      <AppSettingsHost />
    </>
  );
}
