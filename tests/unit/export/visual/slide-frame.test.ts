// @vitest-environment jsdom
/**
 * Slide frames: a 16:9 or 4:3 picture of the map for a presentation, the drawing centred with
 * the background filling the spare room — the same parts for SVG, PNG and PDF.
 */
import { describe, expect, it } from 'vitest';
import { svgDocument } from '../../../../renderer/src/features/export/visual/svg/svg-renderer';
import { DEFAULT_VISUAL_OPTIONS, drawMap, pdfPageOptions } from '../../../../renderer/src/features/export/visual/visual-export';
import { frameSize, planPages } from '@shared/model/page-layout';
import { MULTILINGUAL } from '../../../fixtures/export-maps';

const base = { ...DEFAULT_VISUAL_OPTIONS, format: 'svg' as const, date: '1 January 2026' };

describe('slide frames', () => {
  for (const [frame, aspect] of [['16:9', 16 / 9], ['4:3', 4 / 3]] as const) {
    it(`centres the whole drawing in a ${frame} picture with the background filled`, () => {
      const plain = drawMap(MULTILINGUAL, base);
      const framed = drawMap(MULTILINGUAL, { ...base, frame });
      expect(framed.width / framed.height).toBeCloseTo(aspect, 2);
      expect(framed.width).toBeGreaterThanOrEqual(plain.width);
      expect(framed.height).toBeGreaterThanOrEqual(plain.height);
      // The map moved by half the spare room on each axis, nothing else changed.
      const dx = framed.mapBox.x - plain.mapBox.x;
      const dy = framed.mapBox.y - plain.mapBox.y;
      expect(dx).toBeCloseTo((framed.width - plain.width) / 2, 0);
      expect(dy).toBeCloseTo((framed.height - plain.height) / 2, 0);
      expect(framed.nodes.map((n) => [n.x - dx, n.y - dy])).toEqual(plain.nodes.map((n) => [expect.closeTo(n.x, 5), expect.closeTo(n.y, 5)]));
      expect(framed.runs.map((r) => r.text)).toEqual(plain.runs.map((r) => r.text));
      const svg = new DOMParser().parseFromString(svgDocument(framed), 'image/svg+xml').documentElement;
      expect(Number(svg.getAttribute('width')) / Number(svg.getAttribute('height'))).toBeCloseTo(aspect, 2);
      const background = svg.querySelector(':scope > rect');
      expect(background?.getAttribute('fill')).toBe('#ffffff');
      expect(Number(background?.getAttribute('width'))).toBeGreaterThanOrEqual(framed.width);
    });
  }

  it('fits a tall drawing by widening it, a wide one by heightening it', () => {
    expect(frameSize({ width: 1000, height: 1000 }, '16:9')).toEqual({ width: 1000 * (16 / 9), height: 1000 });
    expect(frameSize({ width: 1600, height: 300 }, '16:9')).toEqual({ width: 1600, height: 900 });
    expect(frameSize({ width: 1600, height: 300 }, 'none')).toEqual({ width: 1600, height: 300 });
  });

  it('makes a framed PDF one page of the frame’s shape', () => {
    const framed = drawMap(MULTILINGUAL, { ...base, format: 'pdf', frame: '16:9' });
    const page = pdfPageOptions(framed, { ...base, frame: '16:9' });
    const plan = planPages({ content: framed, ...page });
    expect(plan.pages).toHaveLength(1);
    expect(plan.pageWidthIn / plan.pageHeightIn).toBeCloseTo(16 / 9, 2);
  });
});
