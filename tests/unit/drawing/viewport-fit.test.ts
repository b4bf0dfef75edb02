import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getViewportForBounds } from '@xyflow/system';
import { viewportForBounds } from '../../../renderer/src/drawing/viewport-fit';

describe('viewportForBounds', () => {
  it('frames a box exactly as React Flow does, for any box, pane, zoom limits and fractional padding', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.double({ min: -50_000, max: 50_000, noNaN: true }),
          y: fc.double({ min: -50_000, max: 50_000, noNaN: true }),
          width: fc.double({ min: 1, max: 100_000, noNaN: true }),
          height: fc.double({ min: 1, max: 100_000, noNaN: true }),
        }),
        fc.integer({ min: 50, max: 4000 }),
        fc.integer({ min: 50, max: 3000 }),
        fc.constantFrom([0.05, 1], [0.05, 2], [0.5, 3], [0.92, 1]),
        fc.constantFrom(0, 0.06, 0.15, 0.5),
        (bounds, width, height, [minZoom, maxZoom], padding) => {
          const ours = viewportForBounds(bounds, width, height, minZoom, maxZoom, padding);
          const theirs = getViewportForBounds(bounds, width, height, minZoom, maxZoom, padding);
          expect(ours.zoom).toBeCloseTo(theirs.zoom, 9);
          expect(ours.x).toBeCloseTo(theirs.x, 6);
          expect(ours.y).toBeCloseTo(theirs.y, 6);
        },
      ),
      { numRuns: 500 },
    );
  });
});
