/**
 * The analysis charts, drawn from the document alone: the one entry other features call (the
 * analysis view, the exports, presentation slides). Pure: no React, no stores.
 *
 * `chartScene` gives the shapes (and the matrix dots as targets, for a view to make clickable);
 * `chartSvg` the standalone SVG of the same scene.
 */
import type { MapDoc } from '@shared/model/types';
import { analysisWords } from '@shared/templates/analysis-words';
import { FONT_FAMILY } from '../text-metrics';
import { Pen, sceneSvg, tokensOf, type ChartScene, type ChartTheme } from './scene';
import { drawHeatMap } from './heat-map';
import { drawScoreBars } from './score-bars';
import { drawPriorityMatrix } from './priority-chart';
import { drawJourneys } from './journey-chart';

export const CHART_KINDS = ['distribution', 'scores', 'priority', 'journeys'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartOptions {
  readonly width: number;
  readonly height: number;
  readonly theme: ChartTheme;
  /** Paint the theme's surface behind the chart (default true); false leaves it transparent. */
  readonly background?: boolean;
  /** `@font-face` rules to embed in the SVG (an exported file). */
  readonly fontCss?: string;
}

/** The smallest chart that still reads: smaller sizes are drawn at this size. */
export const MIN_CHART = { width: 240, height: 220 } as const;

const DRAW: Readonly<Record<ChartKind, (pen: Pen, doc: MapDoc, box: { width: number; height: number }) => void>> = {
  distribution: drawHeatMap,
  scores: drawScoreBars,
  priority: drawPriorityMatrix,
  journeys: drawJourneys,
};

/** A chart's title in the map's language (the SVG's accessible name, a file name). */
export function chartTitle(kind: ChartKind, doc: MapDoc): string {
  const words = analysisWords(doc.map.locale);
  return { distribution: words.distributionTitle, scores: words.scoresTitle, priority: words.priorityTitle, journeys: words.journeysTitle }[kind];
}

/**
 * A chart as shapes.
 * @example chartScene('priority', doc, { width: 640, height: 480, theme: 'light' }).targets
 */
export function chartScene(kind: ChartKind, doc: MapDoc, opts: ChartOptions): ChartScene {
  const theme = tokensOf(opts.theme);
  const box = { width: Math.max(MIN_CHART.width, Math.round(opts.width)), height: Math.max(MIN_CHART.height, Math.round(opts.height)) };
  const pen = new Pen(theme);
  DRAW[kind](pen, doc, box);
  return { ...box, background: opts.background === false ? null : theme.surface, lang: doc.map.locale, shapes: pen.shapes, targets: pen.targets };
}

/**
 * A chart as one standalone SVG file (real text, no script, no external reference).
 * @example chartSvg('distribution', doc, { width: 640, height: 400, theme: 'dark' })
 */
export function chartSvg(kind: ChartKind, doc: MapDoc, opts: ChartOptions): string {
  return sceneSvg(chartScene(kind, doc, opts), { fontFamily: FONT_FAMILY, title: chartTitle(kind, doc), ...(opts.fontCss ? { fontCss: opts.fontCss } : {}) });
}

export { sceneSvg, sceneText, type ChartScene, type ChartShape, type ChartTarget, type ChartTheme } from './scene';
