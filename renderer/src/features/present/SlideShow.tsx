/**
 * The slides on the projector: one slide at a time, full screen, large type, no editing chrome.
 * Keys (slide-keys.ts) step through the slides and a chain's steps; the picture can be panned
 * (drag) and zoomed (wheel) and fits the screen again at the next step. A counter says where the
 * room is ("3 / 9"); B or . blacks the screen out; Esc leaves (PresentationHint).
 *
 * Every key is kept from the editor underneath while presenting: a Delete or a letter meant for a
 * clicker must never edit the map the room is looking at.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type WheelEvent as ReactWheelEvent } from 'react';
import { clampPosition, deckOf, litStep, nextPosition, previousPosition, stepCount, type Slide } from '@shared/model/presentation';
import { fillSlideWord, slideWords } from '@shared/templates/slide-words';
import type { MapDoc, TopicId } from '@shared/model/types';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { t } from '../../i18n';
import { loadSlideDrawing } from '../export';
import { usePresentStore } from './present-store';
import { presentationViewport } from './presentation-fit';
import { slideKeyAction } from './slide-keys';

type SlideDrawing = Awaited<ReturnType<typeof loadSlideDrawing>>;

/** The page's theme (html[data-theme]), followed while presenting. */
function usePageTheme(): 'light' | 'dark' {
  const read = (): 'light' | 'dark' => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
  const [theme, setTheme] = useState<'light' | 'dark'>(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

/** The deck of the open map, in its own words. */
export function useDeck(doc: MapDoc | null): Slide[] {
  return useMemo(() => (doc ? deckOf(doc, slideWords(doc.map.locale)) : []), [doc]);
}

/**
 * The slides either side of the one on screen, once the browser is idle after a step: their pictures
 * are drawn and laid out then, off the step's own frame, so the next key only shows one.
 */
function useWarmNeighbours(slide: number, count: number, ready: boolean): number[] {
  const [warm, setWarm] = useState<number[]>([]);
  useEffect(() => {
    if (!ready) return;
    // the current slide too: it stays mounted, unmoved, when the next step shows its neighbour
    const next = [slide - 1, slide, slide + 1].filter((index) => index >= 0 && index < count);
    const idle = window.requestIdleCallback ?? ((work: () => void) => window.setTimeout(work, 50));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => setWarm(next), { timeout: 400 });
    return () => cancel(handle);
  }, [slide, count, ready]);
  return warm;
}

/** Moves through the deck by a key's action; true when the key was the presenter's. */
function step(deck: readonly Slide[], action: ReturnType<typeof slideKeyAction>): boolean {
  const store = usePresentStore.getState();
  const at = clampPosition(deck, store.position);
  if (action === 'black') store.toggleBlack();
  else if (action === 'next') store.moveTo(nextPosition(deck, at));
  else if (action === 'previous') store.moveTo(previousPosition(deck, at));
  else if (action === 'first') store.moveTo({ slide: 0, step: 0 });
  else if (action === 'last') store.moveTo({ slide: Math.max(deck.length - 1, 0), step: 0 });
  else return false;
  return true;
}

export function SlideShow() {
  const doc = useDocumentStore((s) => s.doc);
  const grouping = useUiStore((s) => s.grouping);
  const deck = useDeck(doc);
  const stored = usePresentStore((s) => s.position);
  const black = usePresentStore((s) => s.black);
  const position = clampPosition(deck, stored);
  const slide = deck[position.slide];
  const theme = usePageTheme();
  const [drawing, setDrawing] = useState<SlideDrawing | null>(null);

  useEffect(() => {
    let live = true;
    void loadSlideDrawing().then((module) => live && setDrawing(module));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === 'F5' || event.key === 'F11') return;
      // a field of a dialog opened over the slides (none today) keeps its keys
      event.stopPropagation();
      if (event.isComposing) return;
      if (step(deck, slideKeyAction(event))) event.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [deck]);

  const background = theme === 'dark' ? 'dark' : 'white';
  const draw = (index: number) => {
    const at = deck[index];
    return drawing && doc && at ? drawing.slideMarkup(doc, at, { background, grouping }) : null;
  };
  const warm = useWarmNeighbours(position.slide, deck.length, drawing !== null);
  // the slide on screen, and its neighbours drawn ahead (hidden): a step shows a picture already laid out
  // in deck order, so a step never moves a layer in the page (a moved picture is laid out again)
  const layers = [...new Set([position.slide, ...warm])]
    .sort((a, b) => a - b)
    .map((index) => ({ index, slide: deck[index], picture: draw(index) }))
    .filter((layer): layer is { index: number; slide: Slide; picture: NonNullable<ReturnType<typeof draw>> } => layer.slide !== undefined && layer.picture !== null);
  const words = doc ? slideWords(doc.map.locale) : slideWords('en');
  const lit = slide ? litStep(slide, position.step) : undefined;

  return (
    <section className="slideshow" aria-label={t('present.slides')} aria-roledescription={t('present.roledescription')} data-slide-kind={slide?.kind}>
      {slide ? (
        <>
          <header className="slideshow__head">
            <h1 className="slideshow__title">{slide.title}</h1>
            {slide.kind === 'chain' && <ChainCaption slide={slide} step={position.step} doc={doc} words={words} />}
          </header>
          <div className="slideshow__body">
            {slide.kind === 'actions' && <ActionPlanTable slide={slide} words={words} />}
            {/* a slide with no picture covers the neighbours drawn ahead beneath it */}
            {!layers.some((layer) => layer.index === position.slide) && <div className="slideshow__cover" />}
            {layers.map((layer) => (
              <Picture
                key={layer.slide.key}
                picture={layer.picture}
                active={layer.index === position.slide}
                fitKey={layer.index === position.slide ? `${position.slide}.${position.step}` : 'ahead'}
                lit={layer.index === position.slide ? lit : undefined}
              />
            ))}
          </div>
        </>
      ) : (
        <p className="slideshow__empty">{t('present.noSlides')}</p>
      )}
      <p className="slideshow__counter" aria-live="polite" aria-label={t('present.counter.label', { n: position.slide + 1, total: deck.length })}>
        {deck.length > 0 ? `${position.slide + 1} / ${deck.length}` : ''}
      </p>
      {black && <div className="slideshow__black" role="img" aria-label={t('present.black')} />}
    </section>
  );
}

function ChainCaption({ slide, step: at, doc, words }: { readonly slide: Extract<Slide, { kind: 'chain' }>; readonly step: number; readonly doc: MapDoc | null; readonly words: ReturnType<typeof slideWords> }) {
  const label = (id: TopicId | undefined) => (id && doc?.topics[id]?.label) || '';
  const weak = slide.weakStep !== undefined ? label(slide.steps[slide.weakStep]) : '';
  const current = litStep(slide, at);
  return (
    <p className="slideshow__caption">
      {current !== undefined ? (
        <span className="slideshow__step">{t('present.step', { n: at, total: stepCount(slide) - 1, label: label(current) })}</span>
      ) : (
        <span>{fillSlideWord(words.steps, { n: slide.steps.length })}</span>
      )}
      {weak !== '' && <span className="slideshow__weak">{fillSlideWord(words.weakLink, { label: weak })}</span>}
    </p>
  );
}

function ActionPlanTable({ slide, words }: { readonly slide: Extract<Slide, { kind: 'actions' }>; readonly words: ReturnType<typeof slideWords> }) {
  if (slide.rows.length === 0) return <p className="slideshow__empty">{words.noActions}</p>;
  const c = words.columns;
  return (
    <div className="slideshow__table-wrap">
      <table className="slideshow__table">
        <thead>
          <tr>
            <th scope="col">{c.touchpoint}</th>
            <th scope="col">{c.what}</th>
            <th scope="col">{c.owner}</th>
            <th scope="col">{c.due}</th>
            <th scope="col">{c.status}</th>
          </tr>
        </thead>
        <tbody>
          {slide.rows.map((row) => (
            <tr key={row.topicId} className={`slideshow__row slideshow__row--${row.status}`}>
              <th scope="row">{row.touchpoint}</th>
              <td>{row.what}</td>
              <td>{row.owner}</td>
              <td>{row.due}</td>
              <td>{words.statuses[row.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface View {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The slide's picture, fitted to the screen at each step; drag pans, the wheel zooms about the pointer. */
function Picture({
  picture,
  fitKey,
  lit,
  active,
}: {
  readonly picture: NonNullable<ReturnType<SlideDrawing['slideMarkup']>>;
  readonly fitKey: string;
  readonly lit: string | undefined;
  /** On screen; otherwise drawn ahead, hidden, for the next step. */
  readonly active: boolean;
}) {
  const pane = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View | null>(null);
  const drag = useRef<{ x: number; y: number; from: View } | null>(null);

  // fit again at every step and whenever the screen changes size
  useLayoutEffect(() => {
    const element = pane.current;
    if (!element) return;
    const fit = () => setView(presentationViewport({ x: 0, y: 0, width: picture.width, height: picture.height }, { width: element.clientWidth, height: element.clientHeight }));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [picture, fitKey]);

  const onWheel = (event: ReactWheelEvent) => {
    if (!view || !pane.current) return;
    const rect = pane.current.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    const zoom = Math.min(8, Math.max(0.05, view.zoom * Math.exp(-event.deltaY * 0.0015)));
    setView({ zoom, x: px - ((px - view.x) * zoom) / view.zoom, y: py - ((py - view.y) * zoom) / view.zoom });
  };
  const onPointerDown = (event: ReactPointerEvent) => {
    if (!view || event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, from: view };
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: ReactPointerEvent) => {
    const start = drag.current;
    if (start) setView({ ...start.from, x: start.from.x + event.clientX - start.x, y: start.from.y + event.clientY - start.y });
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const box = lit !== undefined ? picture.nodes.get(lit) : undefined;
  const ring = 8;

  return (
    <div className={`slideshow__pane${active ? '' : ' slideshow__pane--ahead'}`} aria-hidden={!active} ref={pane} onWheel={onWheel} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}>
      {view && (
        <div
          className="slideshow__picture"
          data-testid={active ? 'slide-picture' : undefined}
          style={{ width: picture.width, height: picture.height, transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` }}
        >
          {/* the export renderer escapes every text it writes (svg-renderer.ts escapeXml) */}
          <div dangerouslySetInnerHTML={{ __html: picture.markup }} />
          {box && <div className="slideshow__lit" data-lit={lit} style={{ left: box.x - ring, top: box.y - ring, width: box.width + 2 * ring, height: box.height + 2 * ring }} />}
        </div>
      )}
    </div>
  );
}
