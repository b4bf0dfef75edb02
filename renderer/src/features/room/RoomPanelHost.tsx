/** The room panel, loaded on first open: Yjs, the QR code and the panel stay out of the editor's bundle. */
import { lazy, Suspense, useEffect } from 'react';
import { useDocumentStore } from '../../store/document-store';
import { resumeRoom, useRoomStore } from './room-store';

const RoomPanel = lazy(() => import('./RoomPanel').then((module) => ({ default: module.RoomPanelHost })));

export function RoomPanelHost() {
  const open = useRoomStore((s) => s.panelOpen);
  const mapId = useDocumentStore((s) => s.doc?.map.id);
  useEffect(() => {
    if (mapId) resumeRoom(mapId);
  }, [mapId]);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <RoomPanel />
    </Suspense>
  );
}
