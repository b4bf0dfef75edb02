/**
 * While presenting the mind map, keeps the whole map fitted to the screen: on entering (once the
 * toolbar and the side panel are gone and full screen has taken effect) and whenever the screen's
 * size changes. On leaving, the editor's own Fit to view frames the map in the smaller pane again.
 */
import { useEffect, type RefObject } from 'react';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { mindModelFor } from '../../drawing/mind-model';
import { canvasControl } from './canvas-control';
import { usePresentStore, presentationViewport } from '../present';

let pane: HTMLElement | null = null;

/** Fits the map for presenting now (F5, and Fit to view while presenting); false when there is nothing to fit. */
export function fitForPresentation(): boolean {
  const doc = useDocumentStore.getState().doc;
  const ui = useUiStore.getState();
  if (!doc || !pane || ui.view !== 'mindmap') return false;
  const to = presentationViewport(mindModelFor(doc, ui.grouping).layout.bounds, { width: pane.clientWidth, height: pane.clientHeight });
  if (!to) return false;
  canvasControl.moveTo(to);
  return true;
}

export function usePresentationFit(view: RefObject<HTMLElement | null>): void {
  const presenting = usePresentStore((s) => s.presenting);
  const viewName = useUiStore((s) => s.view);
  useEffect(() => {
    const element = view.current;
    if (!presenting || viewName !== 'mindmap' || !element) return;
    pane = element;
    const observer = new ResizeObserver(() => fitForPresentation());
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (pane === element) pane = null;
      // back in the editor: its pane is smaller again (toolbar, side panel)
      requestAnimationFrame(() => canvasControl.fit());
    };
  }, [presenting, viewName, view]);
}
