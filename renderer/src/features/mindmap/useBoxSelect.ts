/**
 * Box select on the mind map: Shift+drag on the empty canvas draws a rectangle and
 * adds every touchpoint and detail it touches to the selection; a plain drag still pans. React
 * Flow's own selection box needs its node selection, which this app replaces with the shared
 * UI-store selection, so the box is drawn here and hit-tested against the layout.
 */
import { useCallback, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useUiStore } from '../../store/ui-store';
import type { MindModel } from '../../drawing/mind-model';

/** Below this many px of movement a Shift+press is a click, not a box. */
const MIN_BOX_PX = 4;

export interface SelectionBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

interface Drag {
  readonly origin: DOMRect;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * Pointer handlers for the canvas wrapper and the rectangle to draw (canvas-relative px).
 * @example const { box, handlers } = useBoxSelect(model); <div {...handlers}>{box && <div style={box} />}</div>
 */
export function useBoxSelect(model: MindModel | null) {
  const flow = useReactFlow();
  const [drag, setDrag] = useState<Drag | null>(null);
  const swallowClick = useRef(false);

  const onPointerDownCapture = useCallback((event: PointerEvent<HTMLDivElement>) => {
    if (!event.shiftKey || event.button !== 0) return;
    const target = event.target as Element;
    if (!target.closest('.react-flow__pane') || target.closest('.react-flow__node, .react-flow__panel, .react-flow__controls, .react-flow__minimap')) return;
    // keep the press from the pan handler (a prevented pointerdown sends it no mousedown)
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ origin: event.currentTarget.getBoundingClientRect(), x0: event.clientX, y0: event.clientY, x1: event.clientX, y1: event.clientY });
  }, []);

  const onPointerMove = useCallback((event: PointerEvent<HTMLDivElement>) => {
    setDrag((d) => (d ? { ...d, x1: event.clientX, y1: event.clientY } : d));
  }, []);

  const onPointerUp = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      if (!drag) return;
      setDrag(null);
      if (Math.abs(event.clientX - drag.x0) < MIN_BOX_PX && Math.abs(event.clientY - drag.y0) < MIN_BOX_PX) return;
      swallowClick.current = true; // the click that ends a box must not clear the selection
      if (!model) return;
      const a = flow.screenToFlowPosition({ x: Math.min(drag.x0, event.clientX), y: Math.min(drag.y0, event.clientY) });
      const b = flow.screenToFlowPosition({ x: Math.max(drag.x0, event.clientX), y: Math.max(drag.y0, event.clientY) });
      const boxed = model.layout.nodes
        .filter((n) => (n.type === 'touchpoint' || n.type === 'detail') && n.x < b.x && n.x + n.width > a.x && n.y < b.y && n.y + n.height > a.y)
        .map((n) => n.id);
      const ui = useUiStore.getState();
      const kept = new Set(ui.selected);
      ui.select([...ui.selected, ...boxed.filter((id) => !kept.has(id))]);
    },
    [drag, flow, model],
  );

  const onClickCapture = useCallback((event: MouseEvent<HTMLDivElement>) => {
    if (!swallowClick.current) return;
    swallowClick.current = false;
    event.stopPropagation();
  }, []);

  const box: SelectionBox | null = drag
    ? {
        left: Math.min(drag.x0, drag.x1) - drag.origin.left,
        top: Math.min(drag.y0, drag.y1) - drag.origin.top,
        width: Math.abs(drag.x1 - drag.x0),
        height: Math.abs(drag.y1 - drag.y0),
      }
    : null;
  return { box, handlers: { onPointerDownCapture, onPointerMove, onPointerUp, onClickCapture } };
}
