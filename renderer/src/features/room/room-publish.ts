/** Keeps the room's published view in step with the open map (and the presented slide's title). */
import { publishedView, publish } from '@shared/room';
import { useDocumentStore } from '../../store/document-store';
import type { RoomLink } from './room-link';

export function startPublishing(link: RoomLink): () => void {
  let last: unknown = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const push = () => {
    timer = undefined;
    const doc = useDocumentStore.getState().doc;
    if (!doc || doc === last) return;
    last = doc;
    publish(link.doc, publishedView(doc));
  };
  push();
  // After each (re)connection the room's copy may be older than the map: publish once it arrived.
  let wasSynced = false;
  const offLink = link.subscribe(() => {
    const synced = link.synced();
    if (synced && !wasSynced) {
      last = null;
      push();
    }
    wasSynced = synced;
  });
  // Typing a label changes the map on every key; the room needs it only a moment later.
  const off = useDocumentStore.subscribe(() => {
    if (timer === undefined) timer = setTimeout(push, 150);
  });
  return () => {
    off();
    offLink();
    if (timer !== undefined) clearTimeout(timer);
  };
}
