import { useRoute } from '../store/route';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { EditorScreen } from '../features/editor/EditorScreen';
import { NoticeBar } from './NoticeBar';
import { HelpDialogsHost } from '../features/help/HelpDialogs';
import { ACTIONS } from './actions';
import { useActionKeys } from './useActionKeys';
import { AppSettingsHost } from './AppSettingsDialog';
import { useSystemThemeFollower } from './apply-theme';
import { outlineKeyRows } from '../features/outline';
import { AppButtons } from './AppButtons';

/**
 * Every action with a key, for Help ▸ Keyboard shortcuts (read from the registry, so it never
 * drifts), then the outline's own keys (from the outline, beside the rules they describe).
 */
const SHORTCUT_ROWS = [...ACTIONS.filter((action) => action.keys.length > 0).map((action) => ({ label: action.label, keys: action.keys })), ...outlineKeyRows()];

/** The two screens: the library of maps, and the editor of one map. */
export function App() {
  const route = useRoute();
  useActionKeys();
  useSystemThemeFollower();
  return (
    <>
      {route.screen === 'editor' ? <EditorScreen key={route.mapId} mapId={route.mapId} appButtons={<AppButtons />} /> : <LibraryScreen appButtons={<AppButtons />} />}
      <NoticeBar />
      <HelpDialogsHost rows={SHORTCUT_ROWS} />
      <AppSettingsHost />
    </>
  );
}
