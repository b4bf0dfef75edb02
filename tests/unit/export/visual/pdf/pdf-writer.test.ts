/**
 * The PDF writer's pieces: SVG path data as PDF path operators (every command, absolute and
 * relative, arcs as Béziers on the ellipse), CSS colours with their alpha, dashes, rounded
 * rectangles, the ToUnicode map — and a drawing written as a PDF and rasterised by poppler, whose
 * pixels show the colours, the see-through fill over another, the stroke and the dash gaps.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { planPages } from '@shared/model/page-layout';
import { arcToCubics, pathOps } from '../../../../../renderer/src/features/export/visual/pdf/writer/pdf-path';
import { parseColour } from '../../../../../renderer/src/features/export/visual/pdf/writer/pdf-colour';
import { dashOp, rectOps } from '../../../../../renderer/src/features/export/visual/pdf/writer/pdf-shapes';
import { loadPdfFonts, toUnicodeCMap, faceWeight, familyOrder } from '../../../../../renderer/src/features/export/visual/pdf/writer/pdf-fonts';
import { writeMapPdf } from '../../../../../renderer/src/features/export/visual/pdf/writer/map-pdf';
import { num, textString } from '../../../../../renderer/src/features/export/visual/pdf/writer/pdf-file';
import type { ShapeDraw } from '../../../../../renderer/src/features/export/visual/svg/svg-renderer';
import { HAS_POPPLER, NO_POPPLER, poppler } from './pdf-faces';

/** The numbers of each operator line, e.g. [['m', 0, 0], ['l', 10, 0]]. */
const ops = (d: string) =>
  pathOps(d)
    .trim()
    .split('\n')
    .map((line) => {
      const parts = line.split(' ');
      return [parts.pop(), ...parts.map(Number)];
    });

describe('SVG path data → PDF path operators', () => {
  it('reads M, H, V, L and Z, absolute and relative, with further pairs after a moveto as linetos', () => {
    expect(pathOps('M0,0 h10 V5 Z')).toBe('0 0 m\n10 0 l\n10 5 l\nh\n');
    expect(ops('m10,10 5,0 l0,5 H2 v-3 z')).toEqual([['m', 10, 10], ['l', 15, 10], ['l', 15, 15], ['l', 2, 15], ['l', 2, 12], ['h']]);
    expect(ops('M1 2L3 4 5 6')).toEqual([['m', 1, 2], ['l', 3, 4], ['l', 5, 6]]);
  });

  it('keeps cubic curves, reflects the control point for S, and turns Q and T into exact cubics', () => {
    expect(ops('M0,0 C10,0 20,10 30,10 S50,20 60,20')).toEqual([['m', 0, 0], ['c', 10, 0, 20, 10, 30, 10], ['c', 40, 10, 50, 20, 60, 20]]);
    expect(ops('M0,0 c10,0 20,10 30,10')).toEqual([['m', 0, 0], ['c', 10, 0, 20, 10, 30, 10]]);
    // A quadratic through (30,0) from (0,0) to (30,30): its cubic's controls lie two thirds of the way to it.
    expect(ops('M0,0 Q30,0 30,30')).toEqual([['m', 0, 0], ['c', 20, 0, 30, 10, 30, 30]]);
    // T reflects the last quadratic control: (30,0) about (30,30) is (30,60).
    expect(ops('M0,0 Q30,0 30,30 T60,60')).toEqual([['m', 0, 0], ['c', 20, 0, 30, 10, 30, 30], ['c', 30, 50, 40, 60, 60, 60]]);
    expect(ops('M0,0 q30,0 30,30')).toEqual(ops('M0,0 Q30,0 30,30'));
  });

  it('turns arcs into Béziers that start and end where the arc does and stay on its circle', () => {
    // A quarter circle of radius 10 about (0,10), clockwise on screen, as the rounded corners are written.
    const curves = arcToCubics(0, 0, 10, 10, 0, false, true, 10, 10);
    expect(curves).toHaveLength(1);
    const [x1, y1, x2, y2, x, y] = curves[0]!;
    expect([x, y]).toEqual([10, 10]);
    // The cubic's midpoint sits on the circle (the 4/3·tan(θ/4) handles are exact at the middle).
    const mx = (0 + 3 * x1 + 3 * x2 + x) / 8;
    const my = (0 + 3 * y1 + 3 * y2 + y) / 8;
    expect(Math.hypot(mx - 0, my - 10)).toBeCloseTo(10, 3);
    // The large half of a circle from (0,0) to (20,0) takes two quarter turns; a zero radius is a straight line.
    expect(arcToCubics(0, 0, 10, 10, 0, true, true, 20, 0)).toHaveLength(2);
    expect(ops('M0,0 A0,0 0 0 1 10,10')).toEqual([['m', 0, 0], ['c', 0, 0, 10, 10, 10, 10]]);
    // A radius too small for the ends is scaled up, as SVG does: the arc still ends there.
    expect(arcToCubics(0, 0, 1, 1, 0, false, true, 20, 0).at(-1)?.slice(4)).toEqual([20, 0]);
    // Relative arcs, as written by the renderer's rounded rectangles.
    expect(ops('M10,0 a5,5 0 0 1 5,5').at(-1)?.slice(5)).toEqual([15, 5]);
  });

  it('stops at malformed data, as SVG stops drawing there', () => {
    expect(ops('M0,0 L10')).toEqual([['m', 0, 0]]);
    expect(pathOps('10,10 L5,5')).toBe('');
  });

  it('writes numbers PDF can read: no exponent, at most three decimals, no negative zero', () => {
    expect([num(1e-7), num(-0.0001), num(1 / 3), num(1234567.891)]).toEqual(['0', '0', '0.333', '1234567.891']);
    expect(pathOps('M1e-7,2 L3,4')).toBe('0 2 m\n3 4 l\n');
  });
});

describe('paint', () => {
  it('reads the colour forms the drawing writes, with their alpha', () => {
    expect(parseColour('#1f4e9c')).toEqual({ r: 0x1f / 255, g: 0x4e / 255, b: 0x9c / 255, a: 1 });
    expect(parseColour('#fff')).toEqual({ r: 1, g: 1, b: 1, a: 1 });
    expect(parseColour('#ff000080')?.a).toBeCloseTo(0.502, 3);
    expect(parseColour('rgba(255, 0, 0, 0.25)')).toEqual({ r: 1, g: 0, b: 0, a: 0.25 });
    expect(parseColour('rgb(0 128 255 / 50%)')).toEqual({ r: 0, g: 128 / 255, b: 1, a: 0.5 });
    expect(parseColour('white')).toEqual({ r: 1, g: 1, b: 1, a: 1 });
    for (const none of ['none', 'transparent', 'url(#g)', '#12']) expect(parseColour(none)).toBeNull();
  });

  it('writes SVG dashes: none is solid, an odd list repeats', () => {
    expect(dashOp(null)).toBe('[] 0 d');
    expect(dashOp([0, 0])).toBe('[] 0 d');
    expect(dashOp([6, 4])).toBe('[6 4] 0 d');
    expect(dashOp([5])).toBe('[5 5] 0 d');
  });

  it('rounds a rectangle\'s corners with Béziers, the radius clamped to half a side', () => {
    expect(rectOps(0, 0, 10, 10, 0)).toBe('0 0 10 10 re\n');
    const rounded = rectOps(0, 0, 40, 10, 8);
    expect(rounded.match(/ c\n/g)).toHaveLength(4);
    // The radius is 5 on the short side: the top edge starts 8 in, the right edge 5 down.
    expect(rounded.startsWith('8 0 m\n32 0 l\n')).toBe(true);
    expect(rounded).toContain('40 5 l\n');
  });
});

describe('fonts', () => {
  it('ToUnicode maps each glyph to its characters in UTF-16, surrogate pairs included', () => {
    const cmap = toUnicodeCMap([[3, 'A'], [40, 'ж'], [512, '予'], [7, '😀']]);
    expect(cmap).toContain('4 beginbfchar\n<0003> <0041>\n<0028> <0436>\n<0200> <4E88>\n<0007> <D83DDE00>\nendbfchar');
    expect(cmap).toContain('1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange');
  });

  it('picks families in the drawing\'s order and the weight the browser draws with', () => {
    const rules = [{ family: 'Noto Sans', weight: 400, ranges: [], url: 'a' }, { family: 'Noto Sans JP', weight: 400, ranges: [], url: 'b' }, { family: 'Noto Sans KR', weight: 400, ranges: [], url: 'c' }];
    expect(familyOrder("'Noto Sans', 'Noto Sans KR', 'Noto Sans JP', 'Noto Sans CJK KR', sans-serif", rules)).toEqual(['noto sans', 'noto sans kr', 'noto sans jp']);
    expect(faceWeight([400, 600], 700)).toBe(600);
    expect(faceWeight([400, 600], 600)).toBe(600);
    expect(faceWeight([400, 600], 500)).toBe(400);
    expect(faceWeight([600], 400)).toBe(600);
  });

  it('metadata strings keep any script', () => {
    expect(textString('Кафе')).toBe('<FEFF041A043004440435>');
  });
});

describe.skipIf(!HAS_POPPLER)(`a drawing written and rasterised${HAS_POPPLER ? '' : ` — skipped: ${NO_POPPLER}`}`, () => {
  const draw = (geometry: ShapeDraw['geometry'], paint: Partial<ShapeDraw>): ShapeDraw => ({ geometry, fill: null, stroke: null, strokeWidth: 1, dash: null, ...paint });

  it('paints fills, a see-through fill over another, strokes and dash gaps in their colours', async () => {
    const shapes: ShapeDraw[] = [
      draw({ kind: 'rect', x: 10, y: 10, width: 80, height: 80, rx: 0 }, { fill: '#1f4e9c' }),
      // Half-transparent red over the blue's right half and the white page.
      draw({ kind: 'rect', x: 50, y: 20, width: 80, height: 20, rx: 0 }, { fill: 'rgba(255, 0, 0, 0.5)' }),
      draw({ kind: 'circle', cx: 150, cy: 70, r: 20 }, { fill: '#2b8a3e' }),
      // A thick dashed line: 10 on, 10 off.
      draw({ kind: 'path', d: 'M10,150 H190' }, { stroke: '#000000', strokeWidth: 8, dash: [10, 10] }),
    ];
    const parts = { width: 200, height: 200, backgroundColor: '#ffffff', shapeItems: [{ top: 0, bottom: 200, markup: '', draws: shapes }], runs: [], lang: 'en' };
    const plan = planPages({ content: parts, mode: 'fit-page-to-map', paper: 'a4', landscape: false, marginIn: 0 });
    const fonts = await loadPdfFonts([], '', [], async () => new Uint8Array());
    const bytes = await writeMapPdf({ parts, plan, title: 'Paint', pageLabel: '', fonts });
    expect(poppler('pdfinfo', bytes)).toMatch(/Pages:\s+1\n/);
    // One pixel per drawing px (96 dpi), as a binary PPM.
    const ppm = execFileSync('pdftoppm', ['-r', '96', '-aa', 'no', '-aaVector', 'no', '-'], { input: bytes, maxBuffer: 16 * 1024 * 1024 });
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
    const width = Number(header?.[1]);
    const offset = header?.[0].length ?? 0;
    const at = (x: number, y: number) => [...ppm.subarray(offset + (y * width + x) * 3, offset + (y * width + x) * 3 + 3)];
    expect(width).toBe(200);
    const near = (got: number[], want: number[]) => expect(got.every((v, i) => Math.abs(v - (want[i] as number)) <= 3), `${got} ≈ ${want}`).toBe(true);
    near(at(30, 60), [0x1f, 0x4e, 0x9c]); // blue
    near(at(70, 30), [Math.round(0x1f / 2 + 127.5), Math.round(0x4e / 2), Math.round(0x9c / 2)]); // red at half over blue
    near(at(110, 30), [255, 128, 128]); // red at half over white
    near(at(150, 70), [0x2b, 0x8a, 0x3e]); // the circle
    near(at(195, 5), [255, 255, 255]); // the page
    near(at(15, 150), [0, 0, 0]); // a dash
    near(at(25, 150), [255, 255, 255]); // its gap
    near(at(35, 150), [0, 0, 0]);
  });
});
