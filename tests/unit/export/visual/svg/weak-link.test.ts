// @vitest-environment jsdom
/**
 * The weak link in the exports: the touchpoint the canvas rings in red and tags "weak link" is
 * ringed and tagged in the SVG too (and so in the PNG and the PDF, which draw the same parts),
 * with the tag in the map's language.
 */
import { describe, expect, it } from 'vitest';
import { layoutMindMap } from '../../../../../renderer/src/drawing/layout';
import { projectMindMap } from '../../../../../renderer/src/drawing/projection';
import { renderMapSvg, svgDocument, themeFor, type SvgExportOptions } from '../../../../../renderer/src/features/export/visual/svg/svg-renderer';
import { BY_LOCALE, MULTILINGUAL } from '../../../../fixtures/export-maps';
import { mapWords } from '@shared/templates/map-words';
import { weakLink } from '@shared/model/selectors';
import type { ChainId, MapDoc } from '@shared/model/types';

const ALL: SvgExportOptions = { background: 'white', chains: true, legend: true, titleBlock: true, date: '1 January 2026' };

function render(doc: MapDoc, options: SvgExportOptions = ALL) {
  const layout = layoutMindMap(projectMindMap(doc, { grouping: 'channel-stage' }));
  const parts = renderMapSvg(doc, layout, options);
  const xml = new DOMParser().parseFromString(svgDocument(parts), 'image/svg+xml');
  return { parts, xml };
}

function weakOf(doc: MapDoc): string {
  const chain = doc.chains[doc.chainOrder[0] as ChainId];
  const ref = chain ? weakLink(doc, chain) : undefined;
  if (!ref) throw new Error('the fixture has a chain with a scored step');
  return ref.topicId;
}

describe('the weak link in the export', () => {
  it('tags the weak link of every chain drawn in the map’s language, as the canvas does (upper case)', () => {
    for (const doc of [MULTILINGUAL, ...BY_LOCALE]) {
      const { xml } = render(doc);
      const tag = mapWords(doc.map.locale).legend.weakLink.toLocaleUpperCase(doc.map.locale);
      const texts = Array.from(xml.getElementsByTagName('text')).map((t) => t.textContent);
      expect(texts, `${doc.map.locale} map`).toContain(tag);
    }
    expect(mapWords('ru').legend.weakLink).toBe('слабое звено');
    expect(mapWords('ko').legend.weakLink).toBe('약한 고리');
    expect(mapWords('ja').legend.weakLink).toBe('弱いリンク');
  });

  it('rings the weak-link touchpoint in the theme’s danger red, just outside its box, and no other', () => {
    const doc = MULTILINGUAL;
    const { xml, parts } = render(doc);
    const danger = themeFor('white').danger;
    const node = parts.nodes.find((n) => n.id === weakOf(doc));
    expect(node).toBeDefined();
    const rings = Array.from(xml.getElementsByTagName('rect')).filter((r) => r.getAttribute('stroke') === danger && r.getAttribute('fill') === 'none');
    expect(rings).toHaveLength(1);
    const ring = rings[0] as Element;
    const x = Number(ring.getAttribute('x'));
    const y = Number(ring.getAttribute('y'));
    const w = Number(ring.getAttribute('width'));
    const h = Number(ring.getAttribute('height'));
    expect(x).toBeLessThan(node!.x);
    expect(y).toBeLessThan(node!.y);
    expect(x + w).toBeGreaterThan(node!.x + node!.width);
    expect(y + h).toBeGreaterThan(node!.y + node!.height);
    expect(node!.x - x).toBeLessThan(8);
  });

  it('draws no weak-link marker when the chains are left out', () => {
    const { xml } = render(MULTILINGUAL, { ...ALL, chains: false });
    const texts = Array.from(xml.getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts).not.toContain(mapWords('ja').legend.weakLink);
    expect(Array.from(xml.getElementsByTagName('rect')).filter((r) => r.getAttribute('stroke') === themeFor('white').danger && r.getAttribute('fill') === 'none')).toHaveLength(0);
  });
});
