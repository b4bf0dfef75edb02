// @vitest-environment jsdom
/**
 * The export SVG: a standalone file with real text, no active content, no external
 * references — checked by parsing it as XML, as Inkscape or an office app would.
 */
import { describe, expect, it } from 'vitest';
import { layoutMindMap } from '../../../../../renderer/src/drawing/layout';
import { projectMindMap } from '../../../../../renderer/src/drawing/projection';
import { CHAIN_ARROW, escapeXml, renderMapSvg, svgDocument, themeFor, type ShapeDraw, type SvgExportOptions } from '../../../../../renderer/src/features/export/visual/svg/svg-renderer';
import { generateMap } from '../../../../fixtures/generate-map';
import { BY_LOCALE, HOSTILE_LABEL, MULTILINGUAL } from '../../../../fixtures/export-maps';
import type { Chain, MapDoc } from '@shared/model/types';
import { DEFAULT_VISUAL_OPTIONS, drawMap, exportDate } from '../../../../../renderer/src/features/export/visual/visual-export';
import { asId } from '../../../../builders/ids';

const ALL: SvgExportOptions = { background: 'white', chains: true, legend: true, titleBlock: true, date: '1 January 2026' };

function render(doc: MapDoc, options: SvgExportOptions = ALL) {
  const layout = layoutMindMap(projectMindMap(doc, { grouping: 'channel-stage' }));
  const parts = renderMapSvg(doc, layout, options);
  const text = svgDocument(parts);
  const xml = new DOMParser().parseFromString(text, 'image/svg+xml');
  return { layout, parts, text, xml };
}

describe('the export SVG', () => {
  it('parses as XML and holds no foreignObject, script, on* attribute or external reference', () => {
    const { xml, text } = render(MULTILINGUAL);
    expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(xml.documentElement.nodeName).toBe('svg');
    expect(xml.getElementsByTagName('foreignObject')).toHaveLength(0);
    expect(xml.getElementsByTagName('script')).toHaveLength(0);
    for (const el of Array.from(xml.getElementsByTagName('*'))) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name, `${el.nodeName} has no event handler`).not.toMatch(/^on/i);
        if (/href$/i.test(attr.name)) expect(attr.value).toMatch(/^#/);
        if (/url\(/.test(attr.value)) expect(attr.value).toMatch(/^url\(#[\w-]+\)$/);
      }
    }
    expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('draws every label of every map as <text>, line by line as the layout wrapped it', () => {
    for (const doc of [MULTILINGUAL, ...BY_LOCALE]) {
      const { xml, layout } = render(doc);
      const drawn = Array.from(xml.getElementsByTagName('text')).map((t) => t.textContent);
      for (const node of layout.nodes) for (const line of node.lines) expect(drawn).toContain(line);
      expect(drawn).toContain(doc.map.title);
      expect(drawn).toContain('1 January 2026');
      expect(xml.documentElement.getAttribute('xml:lang')).toBe(doc.map.locale);
    }
  });

  it('keeps a hostile label as literal text', () => {
    const { xml, text } = render(MULTILINGUAL);
    expect(xml.getElementsByTagName('img')).toHaveLength(0);
    const joined = Array.from(xml.getElementsByTagName('text')).map((t) => t.textContent).join(' ');
    expect(joined).toContain('<img src=x');
    expect(joined).toContain('onerror=alert(1)>');
    expect(text).not.toContain('<img');
    expect(escapeXml(HOSTILE_LABEL)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeXml('a\u0000b & "c"')).toBe('ab &amp; &quot;c&quot;');
    // each character alone is caught (plain text comes back as it is)
    expect(['a\u0001b', 'a\u001fb', 'a\uffffb', 'a&b', 'a<b', 'a>b', 'a"b', "a'b", 'Приём 予約 예약'].map(escapeXml)).toEqual(['ab', 'ab', 'ab', 'a&amp;b', 'a&lt;b', 'a&gt;b', 'a&quot;b', 'a&apos;b', 'Приём 予約 예약']);
  });

  it('names the bundled fonts first and system CJK fonts after them', () => {
    const { xml } = render(BY_LOCALE[2] as MapDoc);
    const family = xml.querySelector('g[font-family]')?.getAttribute('font-family') ?? '';
    expect(family.indexOf("'Noto Sans KR'")).toBeLessThan(family.indexOf("'Noto Sans CJK KR'"));
    expect(family).toMatch(/sans-serif$/);
  });

  it('is the map bounds plus margins without title and legend; chains draw numbered arrows', () => {
    const plain = render(MULTILINGUAL, { background: 'transparent', chains: false, legend: false, titleBlock: false });
    expect(plain.parts.width).toBe(Math.ceil(plain.layout.bounds.width + 64));
    expect(plain.parts.height).toBe(Math.ceil(plain.layout.bounds.height + 64));
    expect(plain.parts.backgroundColor).toBeNull();
    expect(plain.xml.getElementsByTagName('marker')).toHaveLength(0);
    const withChains = render(MULTILINGUAL);
    expect(withChains.xml.getElementsByTagName('marker')).toHaveLength(1);
    expect(withChains.xml.querySelectorAll('path[marker-end]').length).toBeGreaterThanOrEqual(2);
    const numbers = Array.from(withChains.xml.querySelectorAll('.chain-steps text')).map((t) => t.textContent);
    expect(numbers).toEqual(['1', '2', '3']);
  });

  it('speaks the map’s language: a Korean map’s groups and legend are Korean, with no English word of ours', () => {
    const ko = BY_LOCALE[2] as MapDoc;
    expect(ko.map.locale).toBe('ko');
    const { xml, text } = render(ko);
    const drawn = Array.from(xml.getElementsByTagName('text')).map((t) => t.textContent);
    for (const word of ['온라인', '오프라인', '점수:', '나쁨 0–3', '보통 4–7', '와우 8–10', '고객 여정:']) expect(drawn, word).toContain(word);
    const legend = Array.from(xml.querySelectorAll('.legend text')).map((t) => t.textContent);
    expect(legend.slice(0, 2)).toEqual(['온라인', '오프라인']);
    for (const english of ['Online', 'Offline', 'Unsorted', 'Score', 'awful', 'wow', 'Customer journeys']) expect(text).not.toContain(english);
  });

  it('keeps the English legend for an English map, and lets the caller override single words', () => {
    const en = render(BY_LOCALE[0] as MapDoc);
    const drawn = Array.from(en.xml.querySelectorAll('.legend text')).map((t) => t.textContent);
    expect(drawn).toEqual(['Online', 'Offline', 'Score:', 'awful 0–3', 'OK 4–7', 'wow 8–10', 'Customer journeys:', 'Journey']);
    const ru = render(BY_LOCALE[1] as MapDoc, { ...ALL, words: { wow: 'ВАУ 8–10' } });
    const ruLegend = Array.from(ru.xml.querySelectorAll('.legend text')).map((t) => t.textContent);
    expect(ruLegend).toEqual(['Онлайн', 'Офлайн', 'Оценка:', 'плохо 0–3', 'нормально 4–7', 'ВАУ 8–10', 'Пути клиента:', 'Journey']);
  });

  it('names a nameless chain in the legend in the map’s language', () => {
    const ja = BY_LOCALE[3] as MapDoc;
    const nameless = { ...ja, chains: { 'c-1': { ...(ja.chains[asId.chain('c-1')] as Chain), name: ' ' } } };
    const legend = Array.from(render(nameless).xml.querySelectorAll('.legend text')).map((t) => t.textContent);
    expect(legend.at(-1)).toBe('ジャーニー 1');
  });

  it('the export pipeline (drawMap, as the dialog’s preview and the headless export) follows the locale, date included', () => {
    const ko = BY_LOCALE[2] as MapDoc;
    const parts = drawMap(ko, { ...DEFAULT_VISUAL_OPTIONS, format: 'svg' });
    expect(parts.nodes.map((node) => node.label)).toEqual(expect.arrayContaining(['온라인', '오프라인']));
    expect(parts.text).toContain('고객 여정:');
    expect(parts.text).not.toMatch(/Online|Offline|Score|Customer journeys/);
    expect(exportDate('ko', new Date('2026-03-05T12:00:00Z'))).toMatch(/2026년 3월 5일/);
    expect(exportDate('ru', new Date('2026-03-05T12:00:00Z'))).toMatch(/5 марта 2026/);
  });

  // Heavy (every shape of seven maps, on two backgrounds): a shared machine under load needs more than 5 s.
  it('gives every shape of the markup its canvas form, same geometry and paint, in drawing order', () => {
    const unsorted = generateMap({ seed: 9, topics: 120 });
    for (const doc of [MULTILINGUAL, ...BY_LOCALE, unsorted]) {
      for (const background of ['white', 'dark'] as const) {
        const { parts } = render(doc, { ...ALL, background });
        for (const item of parts.shapeItems) {
          // The markup of one item, read as the SVG it is part of (paint inherited from the edges' <g>).
          const xml = new DOMParser().parseFromString(`<svg xmlns="http://www.w3.org/2000/svg">${item.markup}</svg>`, 'image/svg+xml');
          const inherited = item.markup.startsWith('<path') && !item.markup.includes('fill=') ? { fill: 'none', stroke: themeFor(background).edge, 'stroke-width': '1.5' } : {};
          const expected: ShapeDraw[] = [];
          for (const el of Array.from(xml.querySelectorAll('rect, circle, path'))) {
            const attr = (name: string) => el.getAttribute(name) ?? (inherited as Record<string, string>)[name] ?? null;
            const num = (name: string) => Number(attr(name));
            const fill = attr('fill');
            const paint = {
              fill: fill === 'none' ? null : fill,
              stroke: attr('stroke'),
              strokeWidth: attr('stroke-width') === null ? 1 : num('stroke-width'),
              dash: attr('stroke-dasharray')?.split(' ').map(Number) ?? null,
            };
            if (el.tagName === 'rect') expected.push({ geometry: { kind: 'rect', x: num('x'), y: num('y'), width: num('width'), height: num('height'), rx: num('rx') }, ...paint });
            else if (el.tagName === 'circle') expected.push({ geometry: { kind: 'circle', cx: num('cx'), cy: num('cy'), r: num('r') }, ...paint });
            else expected.push({ geometry: { kind: 'path', d: attr('d') as string }, ...paint });
            const marker = el.getAttribute('marker-end');
            if (marker) {
              const index = Number(/tm-chain-arrow-(\d+)/.exec(marker)?.[1]);
              const colour = /fill="([^"]+)"/.exec(parts.defs.split('<marker').find((m) => m.includes(`id="tm-chain-arrow-${index}"`)) ?? '')?.[1];
              expected.push({ geometry: expect.objectContaining({ kind: 'arrowhead' }) as ShapeDraw['geometry'], fill: colour ?? 'missing', stroke: null, strokeWidth: 1, dash: null });
            }
          }
          expect(item.draws).toEqual(expected);
        }
      }
    }
  }, 30_000);

  it('points each chain arrowhead along its curve’s end, at its end', () => {
    const { parts } = render(MULTILINGUAL);
    // Each chain link is a piece of its own (the legend's sample arrows are not among them).
    const draws = parts.shapeItems.filter((item) => item.markup.startsWith('<path') && item.markup.includes('tm-chain-arrow')).flatMap((item) => item.draws);
    const heads = draws.filter((d) => d.geometry.kind === 'arrowhead');
    expect(heads.length).toBeGreaterThan(0);
    draws.forEach((draw, i) => {
      if (draw.geometry.kind !== 'arrowhead') return;
      const curve = draws[i - 1]?.geometry;
      if (curve?.kind !== 'path') throw new Error('an arrowhead follows its curve');
      const [, qx, qy, tx, ty] = (/Q([\d.-]+),([\d.-]+) ([\d.-]+),([\d.-]+)$/.exec(curve.d) ?? []).map(Number);
      expect(draw.geometry.x).toBe(tx);
      expect(draw.geometry.y).toBe(ty);
      expect(draw.geometry.angle).toBeCloseTo(Math.atan2((ty as number) - (qy as number), (tx as number) - (qx as number)), 9);
    });
  });

  it('gives each chain link and step dot the rows it inks, so a raster strip away from them leaves them out', () => {
    const { parts } = render(MULTILINGUAL);
    const links = parts.shapeItems.filter((item) => item.markup.startsWith('<path') && item.markup.includes('tm-chain-arrow'));
    const dots = parts.shapeItems.filter((item) => item.draws.some((draw) => draw.geometry.kind === 'circle') && item.markup.startsWith('<circle'));
    expect(links.length).toBeGreaterThan(1);
    expect(dots.length).toBeGreaterThan(1);
    for (const item of [...links, ...dots]) {
      expect(Number.isFinite(item.top) && Number.isFinite(item.bottom)).toBe(true);
      for (const draw of item.draws) {
        const g = draw.geometry;
        const ys =
          g.kind === 'path' ? (g.d.match(/-?[\d.]+/g) ?? []).map(Number).filter((_, i) => i % 2 === 1)
          : g.kind === 'arrowhead' ? [g.y - CHAIN_ARROW.size, g.y + CHAIN_ARROW.size]
          : g.kind === 'circle' ? [g.cy - g.r, g.cy + g.r]
          : [];
        for (const y of ys) {
          expect(y).toBeGreaterThanOrEqual(item.top);
          expect(y).toBeLessThanOrEqual(item.bottom);
        }
      }
    }
  });

  it('draws chain lines under the touchpoints, as the canvas does, and the step numbers over them', () => {
    const { parts } = render(MULTILINGUAL);
    const order = parts.shapeItems.map((item) => item.markup);
    const lines = order.findIndex((markup) => markup.startsWith('<g class="chains"'));
    const dots = order.findIndex((markup) => markup.startsWith('<g class="chain-steps"'));
    const steps = new Set<string>(Object.values(MULTILINGUAL.chains).flatMap((chain) => chain.steps));
    const stepLabels = parts.nodes.filter((node) => steps.has(node.id)).map((node) => node.label);
    expect(stepLabels.length).toBeGreaterThan(0);
    // A step's box is drawn after the lines (so it covers them) and before the dots.
    const firstStepBox = parts.body.indexOf(escapeXml(stepLabels[0] as string));
    expect(lines).toBeGreaterThanOrEqual(0);
    expect(dots).toBeGreaterThan(lines);
    expect(parts.body.indexOf('<g class="chains"')).toBeLessThan(firstStepBox);
    expect(parts.body.indexOf('<g class="chain-steps"')).toBeGreaterThan(firstStepBox);
  });

  it('textless shapes plus runs hold exactly the drawing (the rasteriser paints the runs)', () => {
    const { parts } = render(MULTILINGUAL);
    expect(parts.shapes).not.toContain('<text');
    expect(parts.runs.length).toBe((parts.body.match(/<text\b/g) ?? []).length);
  });
});
