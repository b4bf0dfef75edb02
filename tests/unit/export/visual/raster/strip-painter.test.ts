/**
 * The strip painter (strip-painter.ts) turns a window of the export drawing into canvas calls: it
 * is checked against a context that records them — which shapes and labels a strip paints, where,
 * in what order and with what paint, and that the labels get the map's language.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paintView, stripScene, type PaintContext, type StripScene } from '../../../../../renderer/src/features/export/visual/raster/strip-painter';
import { arcLength, singleCurve, subCurve, visibleSpan, type CurvePoints } from '../../../../../renderer/src/features/export/visual/raster/curve-clip';
import { layoutMindMap } from '../../../../../renderer/src/drawing/layout';
import { projectMindMap } from '../../../../../renderer/src/drawing/projection';
import { renderMapSvg, type ShapeDraw } from '../../../../../renderer/src/features/export/visual/svg/svg-renderer';
import { BY_LOCALE, MULTILINGUAL } from '../../../../fixtures/export-maps';
import type { MapDoc } from '@shared/model/types';

/** Path2D as far as the painter uses it, remembering what it was made of. */
class RecordedPath {
  readonly parts: string[] = [];
  constructor(d?: string) {
    if (d !== undefined) this.parts.push(`d ${d}`);
  }
  rect(x: number, y: number, w: number, h: number) {
    this.parts.push(`rect ${x} ${y} ${w} ${h}`);
  }
  roundRect(x: number, y: number, w: number, h: number, radii: { x: number; y: number }[]) {
    this.parts.push(`roundRect ${x} ${y} ${w} ${h} ${radii.map((r) => `${r.x}/${r.y}`).join(',')}`);
  }
  arc(x: number, y: number, r: number) {
    this.parts.push(`arc ${x} ${y} ${r}`);
  }
  moveTo(x: number, y: number) {
    this.parts.push(`M${x},${y}`);
  }
  bezierCurveTo(...p: number[]) {
    this.parts.push(`C${p.join(',')}`);
  }
  quadraticCurveTo(...p: number[]) {
    this.parts.push(`Q${p.join(',')}`);
  }
}

/** A 2D context that writes down every call and every style it is given. */
function recordingContext() {
  const calls: string[] = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(state, {
    get(target, key: string) {
      if (key in target) return target[key];
      return (...args: unknown[]) => {
        calls.push(`${key}(${args.map((a) => (a instanceof RecordedPath ? a.parts.join('; ') : JSON.stringify(a))).join(', ')})`);
        if (key === 'fill' || key === 'stroke' || key === 'fillText' || key === 'fillRect') calls.push(`  with ${String(target.fillStyle)} ${String(target.strokeStyle)} ${String(target.lineWidth)} ${String(target.font)}`);
      };
    },
    set(target, key: string, value) {
      target[key] = value;
      if (key === 'lang' || key === 'lineDashOffset') calls.push(`${key}=${String(value)}`);
      return true;
    },
  });
  return { ctx: ctx as unknown as PaintContext, calls };
}

function sceneOf(doc: MapDoc, background: 'white' | 'transparent' | 'dark' = 'white'): StripScene {
  const layout = layoutMindMap(projectMindMap(doc, { grouping: 'channel-stage' }));
  return stripScene(renderMapSvg(doc, layout, { background, chains: true, legend: true, titleBlock: true, date: '1 January 2026' }));
}

describe('the strip painter', () => {
  beforeEach(() => {
    vi.stubGlobal('Path2D', RecordedPath);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('paints a strip’s shapes and labels only: what reaches its rows, at twice the size, shifted up', () => {
    const scene = sceneOf(MULTILINGUAL);
    const view = { x: 0, y: 200, width: scene.width, height: 100 };
    const { ctx, calls } = recordingContext();
    paintView(ctx, scene, view, scene.width * 2, 200, null);
    expect(calls).toContain(`setTransform(2, 0, 0, 2, 0, -400)`);
    const labels = calls.filter((c) => c.startsWith('fillText(')).map((c) => JSON.parse(`[${c.slice('fillText('.length, -1)}]`) as [string, number, number]);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.length).toBeLessThan(scene.runs.length);
    for (const [, , y] of labels) expect(y).toBeGreaterThanOrEqual(200 - 40);
    for (const [, , y] of labels) expect(y).toBeLessThanOrEqual(300 + 40);
    // Every shape whose rows reach the strip (± a pixel of antialiasing), and no other.
    const inView = scene.shapes.filter((item) => item.bottom >= 199 && item.top <= 301).flatMap((item) => item.draws);
    const outside = scene.shapes.filter((item) => item.bottom < 199 || item.top > 301).flatMap((item) => item.draws);
    expect(outside.length).toBeGreaterThan(0);
    const painted = calls.filter((c) => c.startsWith('fill(') || c.startsWith('stroke(')).length;
    expect(painted).toBe(inView.reduce((sum, d) => sum + (d.fill ? 1 : 0) + (d.stroke && d.strokeWidth > 0 ? 1 : 0), 0));
    const drawn = calls.join('\n');
    for (const d of outside) if (d.geometry.kind === 'rect') expect(drawn).not.toContain(`${d.geometry.x} ${d.geometry.y} ${d.geometry.width} ${d.geometry.height}`);
  });

  it('lays the background under everything, and nothing at all for a transparent map', () => {
    const white = recordingContext();
    paintView(white.ctx, sceneOf(MULTILINGUAL), { x: 0, y: 0, width: 100, height: 100 }, 200, 200, null);
    expect(white.calls[0]).toBe('fillRect(0, 0, 200, 200)');
    expect(white.calls[1]).toContain('with #ffffff');
    const clear = recordingContext();
    paintView(clear.ctx, sceneOf(MULTILINGUAL, 'transparent'), { x: 0, y: 0, width: 100, height: 100 }, 200, 200, null);
    expect(clear.calls.some((c) => c.startsWith('fillRect('))).toBe(false);
    const jpeg = recordingContext();
    paintView(jpeg.ctx, sceneOf(MULTILINGUAL, 'transparent'), { x: 0, y: 0, width: 100, height: 100 }, 200, 200, '#ffffff');
    expect(jpeg.calls[0]).toBe('fillRect(0, 0, 200, 200)');
  });

  it('gives the labels the map’s language, so Chromium picks Korean or Japanese glyph forms', () => {
    for (const doc of BY_LOCALE) {
      const { ctx, calls } = recordingContext();
      const scene = sceneOf(doc);
      paintView(ctx, scene, { x: 0, y: 0, width: scene.width, height: scene.height }, scene.width, scene.height, null);
      const lang = calls.indexOf(`lang=${doc.map.locale}`);
      expect(lang).toBeGreaterThan(-1);
      expect(lang).toBeLessThan(calls.findIndex((c) => c.startsWith('fillText(')));
    }
  });

  it('paints of a curve taller than the strip only its piece in the strip’s rows, a dashed one starting in the pattern’s phase there', () => {
    const link: ShapeDraw = { geometry: { kind: 'path', d: 'M0,0 Q100,500 0,1000' }, fill: null, stroke: '#7048e8', strokeWidth: 2, dash: [6, 4] };
    const edge: ShapeDraw = { geometry: { kind: 'path', d: 'M0,1000 C50,1000 50,0 100,0' }, fill: null, stroke: '#888888', strokeWidth: 1.5, dash: null };
    const scene: StripScene = { width: 200, height: 1000, backgroundColor: null, shapes: [{ top: 0, bottom: 1000, draws: [link, edge] }], runs: [], fontFamily: 'Noto Sans', lang: 'en' };
    const strip = recordingContext();
    paintView(strip.ctx, scene, { x: 0, y: 400, width: 200, height: 100 }, 400, 200, null);
    const strokes = strip.calls.filter((c) => c.startsWith('stroke('));
    expect(strokes).toHaveLength(2);
    for (const i of [0, 1]) {
      const parts = /^stroke\(M([-\d.e]+),([-\d.e]+); [QC]([-\d.e,]+)\)$/.exec(strokes[i] as string);
      expect(parts, strokes[i]).not.toBeNull();
      const ys = [Number(parts?.[2]), ...(parts?.[3] ?? '').split(',').map(Number).filter((_, k) => k % 2 === 1)];
      // Within a few px of the strip's rows (its stroke's reach past them), far short of the curve's 0–1000.
      expect(Math.min(...ys)).toBeGreaterThan(350);
      expect(Math.max(...ys)).toBeLessThan(550);
      expect(Math.min(...ys)).toBeLessThan(399);
      expect(Math.max(...ys)).toBeGreaterThan(501);
    }
    const offsets = strip.calls.filter((c) => c.startsWith('lineDashOffset='));
    const points = singleCurve('M0,0 Q100,500 0,1000') as CurvePoints;
    const start = /^stroke\(M([-\d.e]+),([-\d.e]+);/.exec(strokes[0] as string);
    const t0 = visibleSpan(points, 399 - 6, 501 + 6)?.[0] as number;
    expect(Number(start?.[2])).toBeCloseTo(subCurve(points, t0, 1)[1] as number, 9);
    expect(offsets[0]).toBe(`lineDashOffset=${arcLength(points, t0)}`);
    expect(offsets[1]).toBe('lineDashOffset=0');
    // A strip that holds the whole curve paints its path data as it is.
    const whole = recordingContext();
    paintView(whole.ctx, scene, { x: 0, y: 0, width: 200, height: 1000 }, 200, 1000, null);
    expect(whole.calls.filter((c) => c.startsWith('stroke('))).toEqual(['stroke(d M0,0 Q100,500 0,1000)', 'stroke(d M0,1000 C50,1000 50,0 100,0)']);
    // A strip the curve never reaches (only its item's rows do) paints nothing of it.
    const above = recordingContext();
    paintView(above.ctx, { ...scene, shapes: [{ top: -20, bottom: 1000, draws: [link] }] }, { x: 0, y: -20, width: 200, height: 10 }, 200, 10, null);
    expect(above.calls.filter((c) => c.startsWith('stroke('))).toEqual([]);
  });

  it('draws dashed outlines dashed and solid ones solid, and each chain arrowhead clipped to its marker box', () => {
    const scene = sceneOf(MULTILINGUAL);
    const { ctx, calls } = recordingContext();
    paintView(ctx, scene, { x: 0, y: 0, width: scene.width, height: scene.height }, scene.width, scene.height, null);
    expect(calls).toContain('setLineDash([6,4])');
    expect(calls).toContain('setLineDash([])');
    const clip = calls.indexOf('clip(rect 0 0 10 10)');
    expect(clip).toBeGreaterThan(-1);
    expect(calls[clip - 1]).toBe('translate(-9, -5)');
    expect(calls[clip + 1]).toBe('fill(d M0,0 L10,5 L0,10 Z)');
  });
});
