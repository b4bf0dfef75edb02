// @vitest-environment jsdom
/**
 * The chain badge — a chain step's number in a filled dot — is drawn by one function of
 * drawing/, so the canvas's chain links, the grid's and every export show the same dot: the
 * same radius for one digit as for two, and the number centred on it at the same offset.
 */
import { describe, expect, it } from 'vitest';
import { chainBadge, CHAIN_BADGE } from '../../../renderer/src/drawing/chain-badge';
import { layoutMindMap } from '../../../renderer/src/drawing/layout';
import { projectMindMap } from '../../../renderer/src/drawing/projection';
import { renderMapSvg, svgDocument } from '../../../renderer/src/features/export/visual/svg/svg-renderer';
import { MULTILINGUAL } from '../../fixtures/export-maps';

describe('the chain badge', () => {
  it('is a dot of one radius with the step number centred a baseline below its middle', () => {
    const one = chainBadge(3, { x: 40, y: 20 });
    const two = chainBadge(12, { x: 40, y: 20 });
    expect(one).toEqual({ cx: 40, cy: 20, r: CHAIN_BADGE.radius, label: '3', textX: 40, textY: 20 + CHAIN_BADGE.baseline });
    expect(two.r).toBe(one.r);
    expect(two.label).toBe('12');
  });

  it('is the dot every export draws on a chain step, one digit or two', () => {
    const doc = MULTILINGUAL;
    const layout = layoutMindMap(projectMindMap(doc, { grouping: 'channel-stage' }));
    const svg = svgDocument(renderMapSvg(doc, layout, { background: 'white', chains: true, legend: false, titleBlock: false }));
    const xml = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const chains = xml.querySelector('g.chain-steps');
    if (!chains) throw new Error('the fixture map has a chain, so the export draws its step dots');
    const dots = Array.from(chains.querySelectorAll('circle'));
    expect(dots.length).toBeGreaterThan(0);
    for (const dot of dots) {
      const cx = Number(dot.getAttribute('cx'));
      const cy = Number(dot.getAttribute('cy'));
      const number = dot.nextElementSibling;
      expect(number?.tagName).toBe('text');
      const badge = chainBadge(Number(number?.textContent), { x: cx, y: cy });
      expect(Number(dot.getAttribute('r')), `step ${badge.label}`).toBe(badge.r);
      expect(Number(number?.getAttribute('y'))).toBeCloseTo(badge.textY, 1);
      expect(Number(number?.getAttribute('font-size'))).toBe(CHAIN_BADGE.fontSize);
    }
  });
});
