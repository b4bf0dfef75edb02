/**
 * The dot grid behind the mind map: drawn once per spacing as a bitmap tile, moved by
 * the compositor on a pan.
 */
import { useEffect, useRef } from 'react';
import { useStoreApi, type ReactFlowState } from '@xyflow/react';

/**
 * Below this zoom the 24 px dot grid is closer than 7 px on screen: a grey haze, and a costly one
 * (see docs/performance.md).
 */
const DOTS_MIN_ZOOM = 0.3;
/** Flow px between the dots. */
const DOT_GAP = 24;

/**
 * The grid for React Flow's transform (screen px = flow px × zoom + x): the spacing in whole screen
 * px, the dot's radius, and how far the grid's layer is moved (less than one gap, so the layer,
 * a gap larger than the pane on every side, always covers it); null below {@link DOTS_MIN_ZOOM}.
 * @example dotGrid(100, -30, 1) // { gap: 24, radius: 0.6, dx: 4, dy: -6 }
 */
export function dotGrid(x: number, y: number, zoom: number): { gap: number; radius: number; dx: number; dy: number } | null {
  if (!(zoom >= DOTS_MIN_ZOOM)) return null;
  const gap = Math.max(4, Math.round(DOT_GAP * zoom));
  return { gap, radius: Math.max(0.6, 0.5 * zoom), dx: x % gap, dy: y % gap };
}

/**
 * One tile of the dot grid as an image: a dot in the middle of a `size` px square, drawn for the
 * screen's pixel ratio. Cached per size: a pan reuses it, a zoom makes a few.
 */
const dotTiles = new Map<string, string>();
function dotTile(size: number, radius: number, colour: string): string {
  const key = `${size}|${radius}|${colour}|${devicePixelRatio}`;
  let url = dotTiles.get(key);
  if (url === undefined) {
    const ratio = devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = Math.round(size * ratio);
    const context = canvas.getContext('2d');
    if (context) {
      context.fillStyle = colour;
      context.beginPath();
      context.arc(canvas.width / 2, canvas.height / 2, radius * ratio, 0, 2 * Math.PI);
      context.fill();
    }
    url = `url(${canvas.toDataURL()})`;
    if (dotTiles.size > 64) dotTiles.clear();
    dotTiles.set(key, url);
  }
  return url;
}

/**
 * The dot grid behind the map. React Flow's `<Background>` is an SVG pattern re-rendered and
 * re-rasterised on every pan frame; with software rendering that, more than anything Touchmap
 * draws, made pan frames miss the display's beat (8–10 % of frames over 20 ms at 2,000
 * topics with it, 0–2 % without; a CSS gradient still 5–7 %, a tiled image in the page 3–7 %). Here the
 * grid is a tiled bitmap on a layer of its own a gap larger than the pane on every side: a pan only
 * moves that layer (a transform the compositor applies, less than one gap), and only a zoom that
 * changes the spacing paints it again. The spacing is rounded to whole pixels so the tile is never
 * resampled; the dots move exactly with the map.
 */
export function CanvasDots() {
  const ref = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let gap = 0;
    let colour = '';
    const place = ({ transform: [x, y, zoom] }: ReactFlowState) => {
      const grid = dotGrid(x, y, zoom);
      if (grid === null) {
        if (gap !== 0) element.style.display = 'none';
        gap = 0;
        return;
      }
      if (grid.gap !== gap) {
        gap = grid.gap;
        colour ||= getComputedStyle(element).color; // the theme's border colour (`.canvas-dots`)
        element.style.display = '';
        element.style.inset = `${-gap}px`;
        element.style.backgroundImage = dotTile(gap, grid.radius, colour);
        element.style.backgroundSize = `${gap}px ${gap}px`;
        // each tile's dot in its middle, the element a gap out: a dot on every multiple of the gap
        element.style.backgroundPosition = `${-gap / 2}px ${-gap / 2}px`;
      }
      element.style.transform = `translate(${grid.dx}px, ${grid.dy}px)`;
    };
    place(store.getState());
    const unsubscribe = store.subscribe(place);
    // a theme switch: the tile again, in the new colour
    const themes = new MutationObserver(() => {
      colour = '';
      gap = -1;
      place(store.getState());
    });
    themes.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      unsubscribe();
      themes.disconnect();
    };
  }, [store]);
  return <div ref={ref} className="canvas-dots" aria-hidden="true" />;
}
