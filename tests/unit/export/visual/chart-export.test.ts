/**
 * The analysis charts go through the map export's renderer: a chart becomes the same SVG parts
 * (shapes in their canvas form for the rasteriser, text as runs painted with the bundled fonts),
 * and the PDF gets one page per chart with the charts' words as real text.
 */
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '@shared/templates';
import { chartScene } from '../../../../renderer/src/drawing/charts';
import { analysisPagesHtml, analysisPagesText, chartParts, drawChart } from '../../../../renderer/src/features/export/visual/charts/chart-parts';
import { buildPrintDocument } from '../../../../renderer/src/features/export/visual/pdf/pdf';
import { drawMap, DEFAULT_VISUAL_OPTIONS } from '../../../../renderer/src/features/export/visual/visual-export';
import { svgDocument } from '../../../../renderer/src/features/export/visual/svg/svg-renderer';
import { asId } from '../../../builders/ids';

let seq = 0;
const doc = buildTemplate('coffee-shop', { locale: 'ru', newId: asId.maker((p) => `${p}-${(seq += 1)}`), now: '2026-12-01T00:00:00.000Z' });

describe('a chart as export parts', () => {
  it('keeps every shape for the canvas and every text as a run', () => {
    const scene = chartScene('priority', doc, { width: 1000, height: 700, theme: 'light' });
    const parts = chartParts(scene);
    const texts = scene.shapes.filter((s) => s.kind === 'text');
    expect(parts.runs).toHaveLength(texts.length);
    expect(parts.shapeItems[0]?.draws).toHaveLength(scene.shapes.length - texts.length);
    expect(parts.runs.map((r) => r.text)).toContain('Исправить сначала');
    expect(svgDocument(parts)).toContain('>Исправить сначала</text>');
  });

  it('is what the export draws when a chart is chosen, dark on a dark background', () => {
    const parts = drawMap(doc, { ...DEFAULT_VISUAL_OPTIONS, format: 'png', chart: 'scores', background: 'dark' });
    expect(parts).toEqual(drawChart(doc, 'scores', 'dark'));
    expect(parts.backgroundColor).toBe('#1e222a');
    expect(parts.nodes).toEqual([]);
  });
});

describe('the PDF analysis pages', () => {
  it('add one page per chart after the map, with the charts’ words as text', () => {
    const map = drawMap(doc, { ...DEFAULT_VISUAL_OPTIONS, format: 'pdf' });
    const { html } = buildPrintDocument(doc, map, { mode: 'fit', paper: 'a4', landscape: true, appendix: true, extraPages: analysisPagesHtml(doc) });
    expect(html.match(/<section class="analysis-page"/g)).toHaveLength(4);
    expect(html.indexOf('class="appendix"')).toBeLessThan(html.indexOf('class="analysis-page"'));
    expect(html).toContain('>Точки контакта по этапам и каналам</text>');
    expect(analysisPagesText(doc)).toContain('Пути клиента');
  });
});
