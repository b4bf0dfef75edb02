/**
 * Touchmap's minimap, in place of React Flow's `<MiniMap>`, which ran a store selector
 * per node and repainted one SVG rect per node on every pan and zoom frame — at 5,000 topics the
 * largest share of a pan frame that the bare React Flow page does not pay. Here every node is
 * drawn once per layout into a <canvas> (coloured by channel, as before); a pan or a zoom only
 * moves the viewport rectangle, a div on its own compositing layer.
 *
 * Pointer: press or drag on the minimap centres the canvas there; the wheel zooms about the
 * canvas's centre. Must be rendered inside <ReactFlow> (it reads the viewport from its store).
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import type { LayoutNode, MapLayout } from '../../drawing/layout';
import { OVERVIEW_SIZE } from './canvas-control';

const { width: WIDTH, height: HEIGHT } = OVERVIEW_SIZE;
/** Room around the map inside the minimap, in minimap pixels. */
const INSET = 6;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 3;

/** Where the map sits in the minimap: flow → minimap px is `(p - origin) * scale + offset`. */
interface Frame {
  readonly scale: number;
  readonly originX: number;
  readonly originY: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

function frameOf(bounds: MapLayout['bounds']): Frame {
  const w = Math.max(bounds.width, 1);
  const h = Math.max(bounds.height, 1);
  const scale = Math.min((WIDTH - 2 * INSET) / w, (HEIGHT - 2 * INSET) / h);
  return { scale, originX: bounds.x, originY: bounds.y, offsetX: (WIDTH - w * scale) / 2, offsetY: (HEIGHT - h * scale) / 2 };
}

const colourVar = (node: LayoutNode) => (node.type === 'root' ? '--tm-root' : node.channel === 'online' ? '--tm-online' : node.channel === 'offline' ? '--tm-offline' : '--tm-unsorted');

/** The theme's colours for the minimap (the theme sets them on :root). Reading them forces a style pass, so once per theme. */
function readColours(element: Element): Map<string, string> {
  const style = getComputedStyle(element);
  const colours = new Map<string, string>();
  for (const name of ['--tm-root', '--tm-online', '--tm-offline', '--tm-unsorted']) colours.set(name, style.getPropertyValue(name).trim() || '#888');
  return colours;
}

function draw(canvas: HTMLCanvasElement, nodes: readonly LayoutNode[], frame: Frame, colours: ReadonlyMap<string, string>) {
  const context = canvas.getContext('2d');
  if (!context) return;
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== WIDTH * ratio) canvas.width = WIDTH * ratio;
  if (canvas.height !== HEIGHT * ratio) canvas.height = HEIGHT * ratio;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, WIDTH, HEIGHT);
  const { scale, originX, originY, offsetX, offsetY } = frame;
  for (const node of nodes) {
    context.fillStyle = colours.get(colourVar(node)) ?? '#888';
    // at least a pixel, so a 5,000-topic map still shows every node
    context.fillRect((node.x - originX) * scale + offsetX, (node.y - originY) * scale + offsetY, Math.max(1, node.width * scale), Math.max(1, node.height * scale));
  }
}

/** The viewport rectangle's CSS transform and size, as one string (a store selector's value). */
const viewportBox = (frame: Frame) => (s: ReactFlowState) => {
  const [tx, ty, zoom] = s.transform;
  const left = (-tx / zoom - frame.originX) * frame.scale + frame.offsetX;
  const top = (-ty / zoom - frame.originY) * frame.scale + frame.offsetY;
  const width = (s.width / zoom) * frame.scale;
  const height = (s.height / zoom) * frame.scale;
  return `${left.toFixed(1)} ${top.toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}`;
};

/** Runs `work` once the browser is idle (at most 200 ms later); Chromium has requestIdleCallback, others a timer. */
function whenIdle(work: () => void): { cancel: () => void } {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 200 });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(work, 0);
  return { cancel: () => clearTimeout(id) };
}

export function MapOverview({ layout, label }: { readonly layout: MapLayout; readonly label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const coloursRef = useRef<Map<string, string> | null>(null);
  const frame = useMemo(() => frameOf(layout.bounds), [layout.bounds]);
  const flow = useReactFlow();
  // a string, so the minimap re-renders only when the rectangle moves, never per node
  const box = useStore(useMemo(() => viewportBox(frame), [frame]));
  const [left, top, width, height] = box.split(' ').map(Number) as [number, number, number, number];

  // once per layout (and again when the theme changes its colours)
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // After the frame that shows the edit, when the page is idle: the minimap may lag the map by a
    // frame, and the edit reaches the screen without waiting for an O(N) redraw.
    const idle = whenIdle(() => {
      coloursRef.current ??= readColours(canvas);
      draw(canvas, layout.nodes, frame, coloursRef.current);
    });
    const observer = new MutationObserver(() => {
      coloursRef.current = readColours(canvas);
      draw(canvas, layout.nodes, frame, coloursRef.current);
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      idle.cancel();
      observer.disconnect();
    };
  }, [layout.nodes, frame]);

  /** Centres the canvas on the flow point under a minimap pixel, keeping the zoom. */
  const centreAt = useCallback(
    (clientX: number, clientY: number) => {
      const rect = canvasRef.current?.getBoundingClientRect();
      if (!rect) return;
      const x = (clientX - rect.left - frame.offsetX) / frame.scale + frame.originX;
      const y = (clientY - rect.top - frame.offsetY) / frame.scale + frame.originY;
      void flow.setCenter(x, y, { zoom: flow.getZoom() });
    },
    [flow, frame],
  );

  // the wheel zooms; a non-passive listener, so the page does not scroll meanwhile
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const { x, y, zoom } = flow.getViewport();
      const pane = canvas.closest('.react-flow')?.getBoundingClientRect();
      if (!pane) return;
      const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom * Math.pow(2, -event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002))));
      // about the canvas's centre: the flow point there stays there
      const cx = (pane.width / 2 - x) / zoom;
      const cy = (pane.height / 2 - y) / zoom;
      void flow.setViewport({ x: pane.width / 2 - cx * next, y: pane.height / 2 - cy * next, zoom: next });
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [flow]);

  return (
    <Panel position="bottom-right" className="react-flow__minimap map-overview nodrag nowheel nopan">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        className="map-overview__canvas"
        style={{ width: WIDTH, height: HEIGHT }}
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          centreAt(event.clientX, event.clientY);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) centreAt(event.clientX, event.clientY);
        }}
      />
      <div className="map-overview__viewport" aria-hidden="true" style={{ width, height, transform: `translate(${left}px, ${top}px)` }} />
    </Panel>
  );
}
