import { useRoute } from './route';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { EditorScreen } from '../features/editor/EditorScreen';
import { NoticeBar } from './NoticeBar';

/** The two screens: the library of maps, and the editor of one map. */
export function App() {
  const route = useRoute();
  return (
    <>
      {route.screen === 'editor' ? <EditorScreen key={route.mapId} mapId={route.mapId} /> : <LibraryScreen />}
      <NoticeBar />
    </>
  );
}
