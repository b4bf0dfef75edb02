/**
 * The canvas's viewport verbs (fit, zoom) for the action registry, which lives outside the
 * React Flow provider. The mounted canvas registers itself; with none mounted they do nothing.
 */
import type { ReactFlowInstance } from '@xyflow/react';

type Viewport = Pick<ReactFlowInstance, 'fitView' | 'zoomIn' | 'zoomOut'>;

let canvas: Viewport | null = null;

/** Fit to view: the whole map with a margin, never magnified past 100 %. */
export const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 } as const;

export function registerCanvas(instance: Viewport): () => void {
  canvas = instance;
  return () => {
    if (canvas === instance) canvas = null;
  };
}

export const canvasControl = {
  fit: () => void canvas?.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }),
  zoomIn: () => void canvas?.zoomIn({ duration: 150 }),
  zoomOut: () => void canvas?.zoomOut({ duration: 150 }),
  available: () => canvas !== null,
};
