/** The room panel, loaded on first open: Yjs, the QR code and the panel stay out of the editor's bundle. */
import { lazy, Suspense } from 'react';
import { useRoomStore } from './room-store';

const RoomPanel = lazy(() => import('./RoomPanel').then((module) => ({ default: module.RoomPanelHost })));

export function RoomPanelHost() {
  const open = useRoomStore((s) => s.panelOpen);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <RoomPanel />
    </Suspense>
  );
}
