/**
 * An analysis chart as the map export's drawing parts (SvgParts), so a chart goes through the
 * same SVG file writer, rasteriser (PNG / JPEG, fonts loaded, tiled if huge) and PDF printer as
 * the map — one renderer for every visual export. Also the PDF's analysis pages: each chart on a
 * page of its own after the map (and the appendix), as inline SVG whose text Chromium prints as
 * vector text.
 */
import type { MapDoc } from '@shared/model/types';
import { CHART_KINDS, chartScene, chartTitle, sceneSvg, sceneText, type ChartKind, type ChartScene, type ChartShape } from '../../../../drawing/charts';
import { shapeMarkup } from '../../../../drawing/charts/scene';
import { fontFamilyFor, escapeXml, type ShapeDraw, type SvgParts, type TextRun } from '../svg/svg-renderer';

/** The size a chart is exported at (CSS px; PNG scales it 1–4×), by kind: room for its rows. */
export function chartExportSize(kind: ChartKind, doc: MapDoc): { width: number; height: number } {
  if (kind === 'journeys') return { width: 1200, height: Math.min(2400, 110 + Math.max(1, doc.chainOrder.length) * 220) };
  if (kind === 'priority') return { width: 1200, height: 900 };
  if (kind === 'distribution') return { width: 1200, height: Math.min(1400, 160 + (doc.map.stages.length + 2) * 44) };
  return { width: 1200, height: 820 };
}

function drawOf(shape: Exclude<ChartShape, { kind: 'text' }>): ShapeDraw {
  const paint = { fill: shape.fill, stroke: shape.stroke ?? null, strokeWidth: shape.strokeWidth ?? 1, dash: shape.dash ? [...shape.dash] : null };
  switch (shape.kind) {
    case 'rect':
      return { geometry: { kind: 'rect', x: shape.x, y: shape.y, width: shape.width, height: shape.height, rx: shape.rx ?? 0 }, ...paint };
    case 'circle':
      return { geometry: { kind: 'circle', cx: shape.cx, cy: shape.cy, r: shape.r }, ...paint };
    case 'path':
      return { geometry: { kind: 'path', d: shape.d }, ...paint };
  }
}

/**
 * A chart scene as export parts.
 * @example const parts = chartParts(chartScene('priority', doc, { width: 1200, height: 900, theme: 'light' }));
 */
export function chartParts(scene: ChartScene): SvgParts {
  const shapes: string[] = [];
  const draws: ShapeDraw[] = [];
  const runs: TextRun[] = [];
  for (const shape of scene.shapes) {
    if (shape.kind === 'text') {
      runs.push({ x: shape.x, y: shape.y, text: shape.text, size: shape.size, weight: shape.weight, fill: shape.fill, anchor: shape.anchor });
      continue;
    }
    shapes.push(shapeMarkup(shape));
    draws.push(drawOf(shape));
  }
  const shapesMarkup = shapes.join('');
  return {
    width: scene.width,
    height: scene.height,
    defs: '',
    body: scene.shapes.map(shapeMarkup).join(''),
    backgroundColor: scene.background,
    lang: scene.lang,
    mapBox: { x: 0, y: 0, width: scene.width, height: scene.height },
    nodes: [],
    edges: [],
    text: sceneText(scene),
    shapes: shapesMarkup,
    shapeItems: [{ top: -Infinity, bottom: Infinity, markup: shapesMarkup, draws }],
    runs,
    fontFamily: fontFamilyFor(scene.lang),
  };
}

/**
 * A chart drawn for export: at its export size, light on white or transparent, dark on dark.
 * @example drawChart(doc, 'scores', 'white')
 */
export function drawChart(doc: MapDoc, kind: ChartKind, background: 'white' | 'transparent' | 'dark'): SvgParts {
  const size = chartExportSize(kind, doc);
  return chartParts(chartScene(kind, doc, { ...size, theme: background === 'dark' ? 'dark' : 'light', background: background !== 'transparent' }));
}

/** Every chart's scene for the PDF's analysis pages (light, on white paper). */
function pageScenes(doc: MapDoc): { kind: ChartKind; scene: ChartScene }[] {
  return CHART_KINDS.map((kind) => ({ kind, scene: chartScene(kind, doc, { ...chartExportSize(kind, doc), theme: 'light' }) }));
}

/** Every text the analysis pages print, so the PDF embeds their glyphs. */
export function analysisPagesText(doc: MapDoc): string {
  return pageScenes(doc)
    .map(({ kind, scene }) => `${chartTitle(kind, doc)}\n${sceneText(scene)}`)
    .join('\n');
}

/** The PDF's analysis pages: one chart per page, scaled to the page's width, text kept as text. */
export function analysisPagesHtml(doc: MapDoc): string {
  const family = fontFamilyFor(doc.map.locale);
  return pageScenes(doc)
    .map(({ kind, scene }) => `<section class="analysis-page" aria-label="${escapeXml(chartTitle(kind, doc))}">${sceneSvg(scene, { inline: true, fontFamily: family, title: chartTitle(kind, doc) })}</section>`)
    .join('');
}
