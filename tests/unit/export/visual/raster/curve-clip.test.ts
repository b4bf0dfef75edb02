/** The piece of a long curve a raster strip paints: cut exactly, covering every point in its rows, dashes in phase. */
import { describe, expect, it } from 'vitest';
import { arcLength, curveRows, singleCurve, subCurve, visibleSpan, type CurvePoints } from '../../../../../renderer/src/features/export/visual/raster/curve-clip';

/** The curve's point at t (Bernstein form, independent of the code under test). */
function at(p: CurvePoints, t: number): [number, number] {
  const u = 1 - t;
  const w = p.length === 6 ? [u * u, 2 * u * t, t * t] : [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  let x = 0;
  let y = 0;
  w.forEach((wi, i) => {
    x += wi * (p[2 * i] as number);
    y += wi * (p[2 * i + 1] as number);
  });
  return [x, y];
}

/** A tree edge and a chain link as the export draws them, each the height of a big map. */
const EDGE = singleCurve('M1347,24417.5 C1371,24417.5 1371,4816 1395,4816') as CurvePoints;
const LINK = singleCurve('M1720,43995 Q1795.5,22650.98 1711.01,1307') as CurvePoints;
/** A curve that leaves a band of rows and comes back into it. */
const BOW = singleCurve('M0,100 Q50,-100 100,100') as CurvePoints;

describe('a long curve cut to a strip', () => {
  it('reads the one-curve paths the export draws, and nothing else', () => {
    expect(EDGE).toEqual([1347, 24417.5, 1371, 24417.5, 1371, 4816, 1395, 4816]);
    expect(LINK).toEqual([1720, 43995, 1795.5, 22650.98, 1711.01, 1307]);
    expect(singleCurve('M0,0 L10,10')).toBeNull();
    expect(singleCurve('M0,0 Q5,5 10,0 Q15,-5 20,0')).toBeNull();
    expect(singleCurve('m0,0 q5,5 10,0')).toBeNull();
    expect(curveRows(BOW)).toEqual([-100, 100]);
  });

  it('cuts exactly: the piece between t0 and t1 runs through the same points', () => {
    for (const curve of [EDGE, LINK, BOW]) {
      const piece = subCurve(curve, 0.3, 0.55);
      for (const s of [0, 0.25, 0.5, 0.75, 1]) {
        const [x, y] = at(piece, s);
        const [ex, ey] = at(curve, 0.3 + s * 0.25);
        expect(x).toBeCloseTo(ex, 6);
        expect(y).toBeCloseTo(ey, 6);
      }
      expect(subCurve(curve, 0, 1)).toEqual([...curve]);
    }
  });

  it('keeps every point within the strip’s rows, and little else', () => {
    for (const curve of [EDGE, LINK, BOW]) {
      const [top, bottom] = curveRows(curve);
      for (const [from, to] of [[top + 0.2 * (bottom - top), top + 0.3 * (bottom - top)], [top - 50, top + 10], [bottom - 1, bottom + 1], [0, 60]] as const) {
        const span = visibleSpan(curve, from, to);
        const inside: number[] = [];
        for (let i = 0; i <= 4000; i++) {
          const y = at(curve, i / 4000)[1];
          if (y >= from && y <= to) inside.push(i / 4000);
        }
        if (inside.length === 0) continue;
        expect(span).not.toBeNull();
        const [t0, t1] = span as [number, number];
        expect(t0).toBeLessThanOrEqual(inside[0] as number);
        expect(t1).toBeGreaterThanOrEqual(inside[inside.length - 1] as number);
        // Not the whole curve for a narrow band (except where it comes back into it).
        if (curve !== BOW) expect(t1 - t0).toBeLessThan((inside[inside.length - 1] as number) - (inside[0] as number) + 0.01);
      }
    }
    expect(visibleSpan(EDGE, 30_000, 31_000)).toBeNull();
    // The bow leaves rows 60–100 between its ends: the span keeps the stretch between.
    expect(visibleSpan(BOW, 60, 100)).toEqual([0, 1]);
  });

  it('measures the length up to a cut, where a dashed piece starts its pattern', () => {
    expect(arcLength([0, 0, 50, 0, 100, 0], 0.5)).toBeCloseTo(50, 9);
    expect(arcLength([0, 0, 10, 0, 20, 0, 30, 0], 1)).toBeCloseTo(30, 9);
    for (const curve of [EDGE, LINK, BOW]) {
      for (const t of [0.1, 0.5, 0.93]) {
        let polyline = 0;
        let [px, py] = at(curve, 0);
        const steps = 200_000;
        for (let i = 1; i <= steps; i++) {
          const [x, y] = at(curve, (t * i) / steps);
          polyline += Math.hypot(x - px, y - py);
          px = x;
          py = y;
        }
        // A twentieth of a pixel over ~20,000 px: the dashes of the next strip's piece start where this one's end.
        expect(Math.abs(arcLength(curve, t) - polyline)).toBeLessThan(0.05);
      }
    }
  });
});
