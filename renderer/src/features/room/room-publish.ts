/** Keeps the room's published view in step with the open map (and what the projector shows). */
import { publishedView, publish, type Slide } from '@shared/room';
import type { MapDoc } from '@shared/model/types';
import { deckOf } from '@shared/model/presentation';
import { slideWords } from '@shared/templates/slide-words';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { usePresentStore } from '../present';
import type { RoomLink } from './room-link';

/**
 * While the map is presented, phones follow the slide on the projector (its place in the deck and
 * its title, in the map's words as the projector shows it); otherwise no slide.
 */
function currentSlide(doc: MapDoc): Slide | undefined {
  const present = usePresentStore.getState();
  if (!present.presenting) return undefined;
  const deck = deckOf(doc, slideWords(doc.map.locale));
  const index = Math.min(present.position.slide, Math.max(0, deck.length - 1));
  const slide = deck[index];
  return slide ? { index, total: deck.length, title: slide.title } : undefined;
}

export function startPublishing(link: RoomLink): () => void {
  let last: unknown = null;
  let lastSlide = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const push = () => {
    timer = undefined;
    const doc = useDocumentStore.getState().doc;
    const slide = doc ? currentSlide(doc) : undefined;
    const key = slide ? `${slide.index}/${slide.total} ${slide.title}` : '';
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
