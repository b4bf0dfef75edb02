import { describe, expect, it, vi } from 'vitest';
import { READABLE_LABEL_PX, READABLE_ZOOM, canvasControl, fitView, registerCanvas, type CanvasHandle } from '../../../renderer/src/features/mindmap/canvas-control';
import { NODE_GEOMETRY } from '../../../renderer/src/drawing/text-metrics';

const laptop = { width: 1280, height: 720 };

describe('fit to view keeps labels readable', () => {
  it('never zooms out so far that a label is smaller than 12 px on screen', () => {
    for (const g of Object.values(NODE_GEOMETRY)) expect(g.fontSize * READABLE_ZOOM).toBeGreaterThanOrEqual(READABLE_LABEL_PX);
    const to = fitView({ x: -1200, y: -900, width: 2400, height: 1800 }, laptop, { x: -60, y: -20, width: 120, height: 40 });
    expect(to?.zoom).toBe(READABLE_ZOOM);
  });

  it('centres a map too big to fit on the business, when the map reaches past both sides', () => {
    const root = { x: -60, y: -20, width: 120, height: 40 };
    const to = fitView({ x: -1200, y: -900, width: 2400, height: 1800 }, laptop, root);
    if (!to) throw new Error('no view');
    expect(to.x + 0 * to.zoom).toBeCloseTo(laptop.width / 2, 6);
    expect(to.y + 0 * to.zoom).toBeCloseTo(laptop.height / 2, 6);
  });

  it('does not show empty canvas past the map’s edge when the business sits near it', () => {
    // the map runs from the root down: the view starts at the map's top, not above it
    const to = fitView({ x: -1200, y: 0, width: 2400, height: 3000 }, laptop, { x: -60, y: 0, width: 120, height: 40 });
    if (!to) throw new Error('no view');
    const top = -to.y / to.zoom;
    expect(top).toBeGreaterThanOrEqual(-30);
    expect(top).toBeLessThan(0);
  });

  it('centres an axis that fits, and fits a small map whole', () => {
    const wide = fitView({ x: -2000, y: -100, width: 4000, height: 200 }, laptop, { x: 1000, y: -20, width: 120, height: 40 });
    if (!wide) throw new Error('no view');
    expect(wide.y + 0 * wide.zoom).toBeCloseTo(laptop.height / 2, 6);
    const small = fitView({ x: -300, y: -200, width: 600, height: 400 }, laptop, null);
    expect(small?.zoom).toBe(1);
  });
});

describe('Fit to view pressed again', () => {
  it('shows the whole map of a map too big to fit readably, and goes back to the readable view after', () => {
    let view = { x: 0, y: 0, zoom: 1 };
    const setViewport = vi.fn(async (to: { x: number; y: number; zoom: number }) => ((view = to), true));
    const fake = {
      setViewport,
      getViewport: () => view,
      paneSize: () => laptop,
      mapBounds: () => ({ x: -1200, y: -900, width: 2400, height: 1800 }),
      anchor: () => ({ x: -60, y: -20, width: 120, height: 40 }),
    } as unknown as CanvasHandle;
    const unregister = registerCanvas(fake);
    try {
      canvasControl.fit();
      expect(view.zoom).toBe(READABLE_ZOOM);
      canvasControl.fit();
      expect(view.zoom).toBeCloseTo(720 / 1800 / 1.15, 2); // the whole 1,800 px height with the fit's margin
      canvasControl.fit();
      expect(view.zoom).toBe(READABLE_ZOOM);
    } finally {
      unregister();
    }
  });

  it('frames readably on the first press after the map opened at that very view', () => {
    let view = { x: 0, y: 0, zoom: 1 };
    const setViewport = vi.fn(async (to: { x: number; y: number; zoom: number }) => ((view = to), true));
    const fake = {
      setViewport,
      getViewport: () => view,
      paneSize: () => laptop,
      mapBounds: () => ({ x: -1200, y: -900, width: 2400, height: 1800 }),
      anchor: () => ({ x: -60, y: -20, width: 120, height: 40 }),
    } as unknown as CanvasHandle;
    const unregister = registerCanvas(fake);
    try {
      expect(canvasControl.open()).toBe(true);
      expect(view.zoom).toBe(READABLE_ZOOM);
      canvasControl.fit();
      expect(view.zoom).toBe(READABLE_ZOOM);
      canvasControl.fit();
      expect(view.zoom).toBeLessThan(READABLE_ZOOM);
    } finally {
      unregister();
    }
  });

  it('keeps a small map as it is: it already fits whole', () => {
    let view = { x: 0, y: 0, zoom: 1 };
    const setViewport = vi.fn(async (to: { x: number; y: number; zoom: number }) => ((view = to), true));
    const fake = { setViewport, getViewport: () => view, paneSize: () => laptop, mapBounds: () => ({ x: 0, y: 0, width: 600, height: 400 }) } as unknown as CanvasHandle;
    const unregister = registerCanvas(fake);
    try {
      canvasControl.fit();
      const first = view;
      canvasControl.fit();
      expect(view).toEqual(first);
    } finally {
      unregister();
    }
  });
});
