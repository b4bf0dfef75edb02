/**
 * The PDF's words are HTML over the drawing (print-labels.ts): each page carries the labels that
 * reach it, placed as its SVG viewBox places the drawing. Where they land to the pixel is checked
 * in Chromium by tests/e2e/export.spec.ts ("PDF words against the drawing").
 */
import { describe, expect, it } from 'vitest';
import { printLabels, reachOf } from '../../../../../renderer/src/features/export/visual/pdf/print-labels';
import type { TextRun } from '../../../../../renderer/src/features/export/visual/svg/svg-renderer';

const run = (text: string, x: number, y: number, extra: Partial<TextRun> = {}): TextRun => ({ text, x, y, size: 14, weight: 400, fill: '#1b1f27', anchor: 'start', ...extra });

/** The labels' texts in one page's layer, in order. */
const textsOf = (layer: string) => [...layer.matchAll(/<i [^>]*>([^<]*)<\/i>/g)].map((m) => m[1]);

describe('the PDF’s labels', () => {
  const runs = [run('Website', 100, 100), run('Shop window', 900, 100), run('Invoice', 480, 300, { anchor: 'middle' }), run('Title', 20, 40, { size: 22, weight: 700 })];
  const labels = printLabels(runs, 1000, 400, "'Noto Sans', sans-serif");

  it('puts every label on a page that shows the whole drawing, in drawing order', () => {
    expect(textsOf(labels.layer({ x: 0, y: 0, width: 1000, height: 400 }, 500, 200))).toEqual(['Website', 'Shop window', 'Invoice', 'Title']);
  });

  it('gives a poster page the labels that reach it, and a label across the cut to both pages', () => {
    const left = labels.layer({ x: 0, y: 0, width: 500, height: 400 }, 500, 400);
    const right = labels.layer({ x: 500, y: 0, width: 500, height: 400 }, 500, 400);
    expect(textsOf(left)).toEqual(['Website', 'Invoice', 'Title']);
    expect(textsOf(right)).toEqual(['Shop window', 'Invoice']);
  });

  it('places the layer as the page’s viewBox places the drawing', () => {
    expect(labels.layer({ x: 500, y: 100, width: 500, height: 200 }, 250, 100)).toContain('transform:scale(0.50000000,0.50000000) translate(-500px,-100px)');
    // a tall map fitted to a page scales by a few hundredths: the scale keeps its digits
    expect(labels.layer({ x: 0, y: 0, width: 1000, height: 48_176 }, 20.757, 1000)).toContain('scale(0.020757000,0.020757224)');
  });

  it('sets each label’s baseline from the bottom of the drawing, and shares a class per look', () => {
    const layer = labels.layer({ x: 0, y: 0, width: 1000, height: 400 }, 1000, 400);
    expect(layer).toContain('<i class="l0" style="left:100px;bottom:300px">Website</i>');
    expect(layer).toContain('<i class="l0" style="left:900px;bottom:300px">Shop window</i>');
    expect(layer).toContain('<i class="l1" style="left:480px;bottom:100px">Invoice</i>');
    expect(labels.css).toContain('.l1{font-size:14px;font-weight:400;color:#1b1f27;width:20000px;margin-left:-10000px;text-align:center;}');
    expect(labels.css).toContain('.l2{font-size:22px;font-weight:700;color:#1b1f27;}');
    expect(labels.css).toContain('text-box: trim-end text alphabetic');
  });

  it('keeps a hostile label literal text', () => {
    const layer = printLabels([run('<img src=x onerror=alert(1)>', 0, 20)], 100, 40, 'sans-serif').layer({ x: 0, y: 0, width: 100, height: 40 }, 100, 40);
    expect(layer).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(layer).not.toContain('<img');
  });

  it('reaches 1.5 em per character from its anchor, 1.5 em above the baseline and 0.5 em below', () => {
    expect(reachOf(run('ab', 10, 20, { size: 10 }))).toEqual({ x: 10, y: 5, width: 30, height: 20 });
    expect(reachOf(run('ab', 10, 20, { size: 10, anchor: 'middle' })).x).toBe(-5);
    expect(reachOf(run('ab', 10, 20, { size: 10, anchor: 'end' })).x).toBe(-20);
  });
});
