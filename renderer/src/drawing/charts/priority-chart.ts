/**
 * The priority matrix: our score across, importance up, the thresholds as two lines that cut it
 * into four named quadrants (fix first, keep, watch, over-invested). Each touchpoint is a dot
 * whose shape says its quadrant (as its colour does), labelled where the label overlaps nothing
 * (label-placement.ts); dots with the same two ratings are spread a little so each can be seen
 * and clicked. Each dot is a chart target, so the analysis view can select its touchpoint.
 */
import { priorityMatrix, type Quadrant } from '@shared/model/analysis/priority';
import { analysisWords, fillWords } from '@shared/templates/analysis-words';
import { IMPORTANCE_RANGE, SCORE_RANGE, type MapDoc } from '@shared/model/types';
import type { ThemeTokens } from '../theme';
import { measureText } from '../text-metrics';
import { fitLine, mix, Pen, symbol, type SymbolKind } from './scene';
import { CHART_PAD, drawTitle, type ChartBox } from './heat-map';
import { placeLabels, type LabelRequest, type Rect } from './label-placement';

const SMALL = 11;
const DOT_R = 6;
/**
 * How many dots get a label at most: the fix-first ones and the most important first. Past that
 * a matrix is a cloud, where more labels would only hide each other (every dot stays clickable
 * and named by its button in the view).
 */
export const LABEL_LIMIT = 40;

export const QUADRANT_SYMBOL: Readonly<Record<Quadrant, SymbolKind>> = { 'fix-first': 'down', keep: 'dot', watch: 'square', 'over-invested': 'diamond' };

export function quadrantColour(theme: ThemeTokens, q: Quadrant): string {
  return q === 'fix-first' ? theme.awful : q === 'keep' ? theme.wow : q === 'watch' ? theme.ok : theme.accent;
}

export function drawPriorityMatrix(pen: Pen, doc: MapDoc, box: ChartBox): void {
  const t = pen.theme;
  const words = analysisWords(doc.map.locale);
  const m = priorityMatrix(doc);
  const top = drawTitle(pen, box, words.priorityTitle);
  const footH = 40;
  const axisL = 34;
  const axisB = 30;
  const plot = { x: CHART_PAD + axisL, y: top + 18, width: box.width - 2 * CHART_PAD - axisL, height: Math.max(60, box.height - top - 18 - axisB - footH - CHART_PAD) };
  const sx = (score: number) => plot.x + ((score - SCORE_RANGE.min) / (SCORE_RANGE.max - SCORE_RANGE.min)) * plot.width;
  const sy = (importance: number) => plot.y + plot.height - ((importance - IMPORTANCE_RANGE.min) / (IMPORTANCE_RANGE.max - IMPORTANCE_RANGE.min)) * plot.height;
  // thresholds between the last low and the first high whole value
  const tx = sx(m.thresholds.score - 0.5);
  const ty = sy(m.thresholds.importance - 0.5);
  const quadrants: { q: Quadrant; x: number; y: number; w: number; h: number; name: string }[] = [
    { q: 'fix-first', x: plot.x, y: plot.y, w: tx - plot.x, h: ty - plot.y, name: words.fixFirst },
    { q: 'keep', x: tx, y: plot.y, w: plot.x + plot.width - tx, h: ty - plot.y, name: words.keep },
    { q: 'watch', x: plot.x, y: ty, w: tx - plot.x, h: plot.y + plot.height - ty, name: words.watch },
    { q: 'over-invested', x: tx, y: ty, w: plot.x + plot.width - tx, h: plot.y + plot.height - ty, name: words.overInvested },
  ];
  const names: Rect[] = [];
  for (const quad of quadrants) {
    pen.rect(quad.x, quad.y, quad.w, quad.h, { fill: mix(t.surface, quadrantColour(t, quad.q), 0.1) });
    const top = quad.y < ty;
    const cx = quad.x + 8;
    const cy = top ? quad.y + 12 : quad.y + quad.h - 10;
    symbol(pen, QUADRANT_SYMBOL[quad.q], cx + 4, cy - 4, 5, quadrantColour(t, quad.q));
    const shown = pen.text(cx + 14, cy, quad.name, SMALL, { weight: 'semibold', fill: t.text, maxWidth: quad.w - 30 });
    // the quadrant's name is an obstacle to the dots' labels
    names.push({ x: cx - 2, y: cy - 12, width: measureText(shown, SMALL, 'semibold') + 20, height: 16 });
  }
  pen.rect(plot.x, plot.y, plot.width, plot.height, { fill: null, stroke: t.border, strokeWidth: 1 });
  pen.line(tx, plot.y, tx, plot.y + plot.height, t.textMuted, 1, [4, 3]);
  pen.line(plot.x, ty, plot.x + plot.width, ty, t.textMuted, 1, [4, 3]);
  for (const v of [0, 5, 10]) pen.text(sx(v), plot.y + plot.height + 14, String(v), SMALL, { anchor: 'middle', fill: t.textMuted });
  for (const v of [1, 5, 10]) pen.text(plot.x - 5, sy(v) + 4, String(v), SMALL, { anchor: 'end', fill: t.textMuted });
  pen.text(plot.x + plot.width / 2, plot.y + plot.height + 27, words.score, SMALL, { anchor: 'middle', weight: 'semibold' });
  // the vertical axis's name above it (horizontal text: every script reads it without turning the head)
  pen.text(plot.x, plot.y - 6, words.importance, SMALL, { weight: 'semibold', maxWidth: plot.width / 2 });

  // dots with the same ratings spread around their spot, so every one stays visible and clickable
  const seen = new Map<string, number>();
  const same = new Map<string, number>();
  for (const p of m.points) same.set(`${p.importance}:${p.score}`, (same.get(`${p.importance}:${p.score}`) ?? 0) + 1);
  const dots = m.points.map((p) => {
    const key = `${p.importance}:${p.score}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const count = same.get(key) ?? 1;
    const angle = (2 * Math.PI * k) / count;
    const spread = count > 1 ? DOT_R * 1.6 : 0;
    return { p, x: sx(p.score) + Math.cos(angle) * spread, y: sy(p.importance) + Math.sin(angle) * spread };
  });
  // fix-first labels first, then by importance: the ones a reader needs get the best places
  const order: Readonly<Record<Quadrant, number>> = { 'fix-first': 0, keep: 1, watch: 2, 'over-invested': 3 };
  const ranked = [...dots].sort((a, b) => order[a.p.quadrant] - order[b.p.quadrant] || b.p.importance - a.p.importance || a.p.score - b.p.score);
  // labels as long as a fifth of the plot: whole names on a big chart, short ones in the side panel
  const labelMax = Math.min(220, Math.max(80, plot.width * 0.2));
  const labelled = ranked.slice(0, LABEL_LIMIT);
  const labels = new Map<string, string>(labelled.map((d) => [d.p.topicId, fitLine(d.p.label, labelMax, SMALL)]));
  const request = (d: (typeof dots)[number]): LabelRequest => {
    const text = labels.get(d.p.topicId) ?? '';
    return { id: d.p.topicId, x: d.x, y: d.y, r: DOT_R, width: measureText(text, SMALL) + 4, height: 14 };
  };
  const placement = placeLabels(labelled.map(request), plot, names, ranked.slice(LABEL_LIMIT).map(request));
  for (const label of placement.placed) {
    if (label.leader) pen.line(label.leader.from.x, label.leader.from.y, label.leader.to.x, label.leader.to.y, t.textMuted, 0.75);
  }
  for (const d of dots) {
    symbol(pen, QUADRANT_SYMBOL[d.p.quadrant], d.x, d.y, DOT_R, quadrantColour(t, d.p.quadrant), t.surface);
    pen.target({ topicId: d.p.topicId, label: d.p.label, x: d.x, y: d.y, r: DOT_R + 2 });
  }
  for (const label of placement.placed) {
    pen.text(label.box.x + 2, label.box.y + 11, labels.get(label.id) ?? '', SMALL, { fill: t.text });
  }
  // the footnote: the thresholds, who is not on the matrix, and any label that found no place
  let fy = plot.y + plot.height + axisB + 12;
  pen.text(CHART_PAD, fy, fillWords(words.thresholds, m.thresholds), SMALL, { fill: t.textMuted, maxWidth: box.width - 2 * CHART_PAD });
  fy += 15;
  const notes: string[] = [];
  if (m.points.length === 0) notes.push(words.noRatings);
  if (m.unplaced > 0) notes.push(fillWords(words.unplaced, { n: m.unplaced }));
  const crowded = placement.unplaced.map((id) => labels.get(id) ?? '');
  if (ranked.length > LABEL_LIMIT) notes.push(fillWords(words.unlabelled, { n: ranked.length - LABEL_LIMIT }));
  // last: the one note that may be cut short at the chart's edge
  if (crowded.length > 0) notes.push(`${words.alsoHere} ${crowded.join(', ')}`);
  if (notes.length > 0) pen.text(CHART_PAD, fy, notes.join(' · '), SMALL, { fill: t.textMuted, maxWidth: box.width - 2 * CHART_PAD });
}
