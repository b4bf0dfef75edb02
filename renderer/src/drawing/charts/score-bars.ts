/**
 * The scores chart: our average and each competitor's per stage as grouped bars (each bar with
 * its value, each group with how many of our scores it averages), the wow / OK / awful counts
 * as one labelled strip, and the gap to each competitor per touchpoint, worst first, as bars
 * left (behind) or right (ahead) of zero. Colour is never alone: our bars are solid, each
 * competitor's hatched its own way and named in the legend, gaps carry their signed number.
 */
import { competitorGaps, scoreAverages, scoreBandCounts, type Average } from '@shared/model/analysis/scores';
import { analysisWords, fillWords } from '@shared/templates/analysis-words';
import type { MapDoc } from '@shared/model/types';
import { measureText } from '../text-metrics';
import { n, Pen, symbol } from './scene';
import { CHART_PAD, drawTitle, TEXT_SIZE, type ChartBox } from './heat-map';

const SMALL = 11;

/** Hatching inside a rectangle: lines at `angle` (0 horizontal, 1 diagonal, 2 vertical), clipped to it. */
export function hatch(pen: Pen, x: number, y: number, w: number, h: number, style: number, colour: string): void {
  const step = 5;
  const parts: string[] = [];
  if (style % 3 === 0) for (let yy = y + step / 2; yy < y + h; yy += step) parts.push(`M${n(x)},${n(yy)} H${n(x + w)}`);
  else if (style % 3 === 2) for (let xx = x + step / 2; xx < x + w; xx += step) parts.push(`M${n(xx)},${n(y)} V${n(y + h)}`);
  else {
    // lines x − y = c, from bottom-left to top-right, cut to the rectangle
    for (let c = -h; c < w; c += step * 1.4) {
      const x1 = x + Math.max(0, c);
      const y1 = y + h - Math.max(0, -c);
      const len = Math.min(w - Math.max(0, c), h - Math.max(0, -c));
      if (len > 0) parts.push(`M${n(x1)},${n(y1)} L${n(x1 + len)},${n(y1 - len)}`);
    }
  }
  if (parts.length > 0) pen.path(parts.join(' '), { fill: null, stroke: colour, strokeWidth: 1 });
}

/** A bar of the averages: ours solid, a competitor's outlined and hatched (style = its place). */
function bar(pen: Pen, x: number, base: number, w: number, h: number, series: number): void {
  const t = pen.theme;
  if (series === 0) pen.rect(x, base - h, w, h, { fill: t.accent });
  else {
    pen.rect(x, base - h, w, h, { fill: t.surface, stroke: t.textMuted, strokeWidth: 1 });
    hatch(pen, x, base - h, w, h, series - 1, t.textMuted);
  }
}

function drawAverages(pen: Pen, doc: MapDoc, left: number, top: number, width: number, height: number): void {
  const t = pen.theme;
  const words = analysisWords(doc.map.locale);
  const averages = scoreAverages(doc);
  // the stages, then (past a dashed line) the channels: the same averages cut the other way
  const groups = [...averages.byStage, ...averages.byChannel];
  const firstChannel = averages.byStage.length;
  const groupName = (g: (typeof groups)[number], i: number) =>
    i < firstChannel ? (g.key === null ? words.noStage : g.name) : g.key === 'online' ? words.legend.online : g.key === 'offline' ? words.legend.offline : words.noChannel;
  const series = [words.us, ...doc.map.competitors.map((c) => c.name)];
  // legend: one swatch per series, in the bars' own style
  let lx = left;
  series.forEach((name, i) => {
    const shown = Math.min(measureText(name, SMALL), 140);
    if (lx + 16 + shown > left + width) return;
    bar(pen, lx, top + 11, 12, 10, i);
    pen.text(lx + 16, top + 10, name, SMALL, { maxWidth: 140 });
    lx += 16 + shown + 14;
  });
  const axisW = 22;
  const plotTop = top + 26;
  const labelH = 34;
  const plotH = Math.max(20, height - 26 - labelH);
  const base = plotTop + plotH;
  const x0 = left + axisW;
  const plotW = width - axisW;
  for (const v of [0, 5, 10]) {
    const y = base - (plotH * v) / 10;
    pen.line(x0, y, x0 + plotW, y, t.border, 1, v === 0 ? undefined : [2, 3]);
    pen.text(x0 - 4, y + 4, String(v), SMALL, { anchor: 'end', fill: t.textMuted });
  }
  if (groups.length === 0) return;
  const groupW = plotW / groups.length;
  const barW = Math.max(3, Math.min(28, (groupW - 10) / series.length));
  if (firstChannel > 0) pen.line(x0 + firstChannel * groupW, plotTop - 4, x0 + firstChannel * groupW, base + 30, t.border, 1, [4, 3]);
  groups.forEach((g, gi) => {
    const values: Average[] = [g.ours, ...g.competitors];
    const gx = x0 + gi * groupW + (groupW - barW * series.length) / 2;
    values.forEach((a, si) => {
      const x = gx + si * barW;
      if (a.mean === undefined) {
        pen.text(x + barW / 2, base - 3, '–', SMALL, { anchor: 'middle', fill: t.textMuted });
        return;
      }
      const h = (plotH * a.mean) / 10;
      bar(pen, x + 1, base, barW - 2, h, si);
      if (barW >= 14) pen.text(x + barW / 2, base - h - 3, a.mean.toFixed(1), SMALL - 1, { anchor: 'middle', fill: t.text });
    });
    const name = groupName(g, gi);
    pen.text(x0 + gi * groupW + groupW / 2, base + 14, name, SMALL, { anchor: 'middle', maxWidth: groupW - 4 });
    pen.text(x0 + gi * groupW + groupW / 2, base + 27, fillWords(words.scoresCount, { n: g.ours.n }), SMALL - 1, { anchor: 'middle', fill: t.textMuted, maxWidth: groupW - 4 });
  });
}

function drawBands(pen: Pen, doc: MapDoc, left: number, top: number, width: number): void {
  const t = pen.theme;
  const words = analysisWords(doc.map.locale);
  const counts = scoreBandCounts(doc);
  const items = [
    { text: words.legend.wow, count: counts.wow, fill: t.wow, mark: 'up' },
    { text: words.legend.ok, count: counts.ok, fill: t.ok, mark: 'dot' },
    { text: words.legend.awful, count: counts.awful, fill: t.awful, mark: 'down' },
    { text: words.unrated, count: counts.unrated, fill: t.textMuted, mark: 'ring' },
  ] as const;
  const w = width / items.length;
  items.forEach((item, i) => {
    const x = left + i * w;
    symbol(pen, item.mark, x + 8, top + 11, 6, item.fill);
    pen.text(x + 20, top + 16, String(item.count), TEXT_SIZE + 2, { weight: 'bold' });
    const after = x + 20 + measureText(String(item.count), TEXT_SIZE + 2, 'bold') + 6;
    pen.text(after, top + 16, item.text, SMALL, { fill: t.textMuted, maxWidth: x + w - after - 4 });
  });
}

function drawGaps(pen: Pen, doc: MapDoc, left: number, top: number, width: number, height: number): void {
  const t = pen.theme;
  const words = analysisWords(doc.map.locale);
  pen.text(left, top + 12, words.gapsTitle, TEXT_SIZE, { weight: 'semibold', maxWidth: width });
  const gaps = competitorGaps(doc);
  if (gaps.length === 0) {
    pen.text(left, top + 32, words.noGaps, SMALL, { fill: t.textMuted, maxWidth: width });
    return;
  }
  const rowH = 20;
  const rows = Math.max(1, Math.floor((height - 22) / rowH));
  const labelW = width * 0.42;
  const mid = left + labelW + (width - labelW) / 2;
  const half = (width - labelW) / 2 - 26;
  const y0 = top + 22;
  pen.line(mid, y0, mid, y0 + Math.min(rows, gaps.length) * rowH, t.border);
  gaps.slice(0, rows).forEach((g, i) => {
    const y = y0 + i * rowH;
    const label = doc.map.competitors.length > 1 ? `${g.label} · ${g.competitorName}` : g.label;
    pen.text(left, y + 14, label, SMALL, { maxWidth: labelW - 8 });
    const w = (half * Math.abs(g.gap)) / 10;
    const fill = g.gap < 0 ? t.awful : g.gap > 0 ? t.wow : t.ok;
    pen.rect(g.gap < 0 ? mid - w : mid, y + 5, w, rowH - 9, { fill }, 2);
    const sign = g.gap > 0 ? `+${g.gap}` : g.gap < 0 ? `−${-g.gap}` : '0';
    pen.text(g.gap < 0 ? mid - w - 4 : mid + w + 4, y + 14, `${sign} (${g.ours}:${g.theirs})`, SMALL, { anchor: g.gap < 0 ? 'end' : 'start', weight: 'semibold' });
  });
}

export function drawScoreBars(pen: Pen, doc: MapDoc, box: ChartBox): void {
  const words = analysisWords(doc.map.locale);
  const top = drawTitle(pen, box, words.scoresTitle);
  const width = box.width - 2 * CHART_PAD;
  const rest = box.height - top - CHART_PAD;
  const hasCompetitors = doc.map.competitors.length > 0;
  const barsH = hasCompetitors ? rest * 0.5 : rest - 40;
  drawAverages(pen, doc, CHART_PAD, top, width, barsH);
  drawBands(pen, doc, CHART_PAD, top + barsH + 8, width);
  if (hasCompetitors) drawGaps(pen, doc, CHART_PAD, top + barsH + 44, width, rest - barsH - 44);
}
