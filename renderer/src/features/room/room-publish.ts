/** Keeps the room's published view in step with the open map (and what the projector shows). */
import { publishedView, publish, type Slide } from '@shared/room';
import { t } from '../../i18n';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore, type ViewName } from '../../store/ui-store';
import { usePresentStore } from '../present';
import type { RoomLink } from './room-link';

const VIEW_TITLES: Record<ViewName, 'views.mindmap' | 'views.grid' | 'views.outline'> = { mindmap: 'views.mindmap', grid: 'views.grid', outline: 'views.outline' };

/** While the map is presented, phones follow which view is on the projector; otherwise no slide. */
function currentSlide(): Slide | undefined {
  if (!usePresentStore.getState().presenting) return undefined;
  return { index: 0, total: 1, title: t(VIEW_TITLES[useUiStore.getState().view]) };
}

export function startPublishing(link: RoomLink): () => void {
  let last: unknown = null;
  let lastSlide = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const push = () => {
    timer = undefined;
    const doc = useDocumentStore.getState().doc;
    const slide = currentSlide();
    const key = `${slide?.title ?? ''}`;
    if (!doc || (doc === last && key === lastSlide)) return;
    last = doc;
    lastSlide = key;
    const view = publishedView(doc, slide);
    publish(link.doc, view);
    if (!slide) link.doc.getMap('published').delete('slide');
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
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(push, 150);
  };
  const off = useDocumentStore.subscribe(schedule);
  const offPresent = usePresentStore.subscribe(schedule);
  const offView = useUiStore.subscribe((state, previous) => {
    if (state.view !== previous.view) schedule();
  });
  return () => {
    off();
    offPresent();
    offView();
    offLink();
    if (timer !== undefined) clearTimeout(timer);
  };
}
