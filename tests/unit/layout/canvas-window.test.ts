import { describe, expect, it, vi } from 'vitest';
import { WINDOW_MIN_NODES, inWindow, sameWindow, touches, viewWindow } from '../../../renderer/src/features/mindmap/canvas-window';
import { canvasControl, fitView, registerCanvas, type CanvasHandle } from '../../../renderer/src/features/mindmap/canvas-control';
import { dotGrid } from '../../../renderer/src/features/mindmap/CanvasDots';

const pane = { width: 800, height: 600 };

/** The view in flow px, as React Flow shows it. */
function seen(view: { x: number; y: number; zoom: number }) {
  return { x: -view.x / view.zoom, y: -view.y / view.zoom, width: pane.width / view.zoom, height: pane.height / view.zoom };
}

describe('the window of a big map React Flow is given', () => {
  it('reaches at least half a pane beyond the view on every side, at any zoom and place', () => {
    for (const zoom of [0.05, 0.1, 0.33, 0.6, 0.71, 1, 1.41, 2.5, 3]) {
      for (const [x, y] of [[0, 0], [123.4, -987.6], [-50_000, 20_000], [7, 7]] as const) {
        const view = { x, y, zoom };
        const w = viewWindow(view, pane);
        const v = seen(view);
        expect(w).not.toBeNull();
        if (!w) continue;
        const halfW = pane.width / zoom / 2 - 1e-6;
        const halfH = pane.height / zoom / 2 - 1e-6;
        expect(w.x).toBeLessThanOrEqual(v.x - halfW);
        expect(w.y).toBeLessThanOrEqual(v.y - halfH);
        expect(w.x + w.width).toBeGreaterThanOrEqual(v.x + v.width + halfW);
        expect(w.y + w.height).toBeGreaterThanOrEqual(v.y + v.height + halfH);
        // and not much more: at most five cells of a pane at the band's zoom (≤ √2 × the view's)
        expect(w.width).toBeLessThanOrEqual((5 * pane.width * Math.SQRT2) / zoom / 2 + 1e-6);
      }
    }
  });

  it('stays the same while a pan moves less than a cell, and moves when it crosses one', () => {
    const windows = new Set<string>();
    // 12 px per frame to the left for 60 frames (720 px, less than two 400 px cells at zoom 1)
    for (let i = 0; i <= 60; i++) windows.add(JSON.stringify(viewWindow({ x: 10 - i * 12, y: 0, zoom: 1 }, pane)));
    expect(windows.size).toBeGreaterThanOrEqual(2);
    expect(windows.size).toBeLessThanOrEqual(3);
    const a = viewWindow({ x: -10, y: -10, zoom: 1 }, pane);
    expect(sameWindow(a, viewWindow({ x: -30, y: -20, zoom: 1 }, pane))).toBe(true); // the same cells
    expect(sameWindow(a, viewWindow({ x: -500, y: 0, zoom: 1 }, pane))).toBe(false);
    expect(sameWindow(a, viewWindow({ x: 0, y: 0, zoom: 0.5 }, pane))).toBe(false);
  });

  it('is null until the pane has a size', () => {
    expect(viewWindow({ x: 0, y: 0, zoom: 1 }, { width: 0, height: 600 })).toBeNull();
    expect(sameWindow(null, null)).toBe(true);
    expect(sameWindow(null, viewWindow({ x: 0, y: 0, zoom: 1 }, pane))).toBe(false);
  });

  const grid = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `n${i}`, x: (i % 50) * 200, y: Math.floor(i / 50) * 60, width: 150, height: 40 }));

  it('hands over a small map whole, the same array', () => {
    const nodes = grid(WINDOW_MIN_NODES);
    expect(inWindow(nodes, { x: 0, y: 0, width: 10, height: 10 }, new Set())).toBe(nodes);
  });

  it('hands over, of a big map, the nodes touching the window and the kept ones, in order', () => {
    const nodes = grid(1000);
    const rect = { x: 0, y: 0, width: 400, height: 100 };
    const ids = inWindow(nodes, rect, new Set(['n999', 'n3'])).map((n) => n.id);
    // columns 0–2 (x 0, 200, 400: the third touches the edge) of rows 0–1 (y 0, 60), then the kept ones in layout order
    expect(ids).toEqual(['n0', 'n1', 'n2', 'n3', 'n50', 'n51', 'n52', 'n999']);
    expect(inWindow(nodes, null, new Set(['n7'])).map((n) => n.id)).toEqual(['n7']);
    expect(touches({ x: 10, y: 10, width: 5, height: 5 }, { x: 16, y: 0, width: 5, height: 50 })).toBe(false);
  });
});

describe('fit to view', () => {
  it('frames the layout bounds with a margin, never past 100 %', () => {
    const small = fitView({ x: -100, y: -50, width: 200, height: 100 }, pane);
    expect(small).toEqual({ x: 400, y: 300, zoom: 1 });
    const wide = fitView({ x: -350, y: -50, width: 700, height: 100 }, pane);
    expect(wide?.zoom).toBeCloseTo(800 / 700 / 1.15, 3);
    // the map's middle at the pane's middle
    expect(wide && (0 * wide.zoom + wide.x)).toBeCloseTo(400, 6);
    expect(fitView(null, pane)).toBeNull();
    expect(fitView({ x: 0, y: 0, width: 10, height: 10 }, { width: 0, height: 0 })).toBeNull();
  });

  it('moves the canvas to the whole map, not to what React Flow holds', () => {
    const setViewport = vi.fn(async () => true);
    const fake = { setViewport, paneSize: () => pane, mapBounds: () => ({ x: 0, y: 0, width: 740, height: 500 }), anchor: () => null } as unknown as CanvasHandle;
    const unregister = registerCanvas(fake);
    try {
      canvasControl.fit();
      expect(setViewport).toHaveBeenCalledTimes(1);
      const [to, options] = setViewport.mock.calls[0] as unknown as [{ x: number; y: number; zoom: number }, { duration: number }];
      expect(to.zoom).toBeCloseTo(800 / 740 / 1.15, 3);
      expect(to.x + 370 * to.zoom).toBeCloseTo(400, 6);
      expect(options).toEqual({ duration: 200 });
    } finally {
      unregister();
    }
  });
});

describe('the dot grid', () => {
  it('moves its layer less than one gap, with a dot wherever the map moved one to', () => {
    for (const zoom of [0.3, 0.6, 1, 2.2]) {
      for (const [x, y] of [[0, 0], [100, -30], [-1234.5, 987.25], [48, -48]] as const) {
        const grid = dotGrid(x, y, zoom);
        expect(grid).not.toBeNull();
        if (!grid) continue;
        expect(Number.isInteger(grid.gap)).toBe(true); // the tile is never resampled
        expect(Math.abs(grid.dx)).toBeLessThan(grid.gap);
        expect(Math.abs(grid.dy)).toBeLessThan(grid.gap);
        // the dots sit at the layer's offset plus whole gaps, and the offset follows the map exactly
        expect((((x - grid.dx) % grid.gap) + grid.gap) % grid.gap).toBeCloseTo(0, 9);
        expect((((y - grid.dy) % grid.gap) + grid.gap) % grid.gap).toBeCloseTo(0, 9);
      }
    }
    // a pan by a few px moves the layer by the same few px
    const a = dotGrid(10, 10, 1);
    const b = dotGrid(13, 10, 1);
    expect(b && a && b.dx - a.dx).toBe(3);
  });

  it('is hidden where it would be a haze', () => {
    expect(dotGrid(0, 0, 0.29)).toBeNull();
    expect(dotGrid(0, 0, 0.05)).toBeNull();
  });
});
