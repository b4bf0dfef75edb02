/**
 * Journey curves: one panel per chain, its steps left to right, our score as a solid line with
 * dots and each competitor's dashed with squares. The weak link (the chain's lowest-scored step,
 * `weakLink`) gets a ring in the weak-link red AND the words "weak link"; a step with no score
 * breaks the line and shows a dashed "?" on the base line with "not scored" under its name, so a
 * hole never reads as a zero.
 */
import { journeyCurves, type JourneyCurve } from '@shared/model/analysis/journeys';
import { analysisWords, fillWords } from '@shared/templates/analysis-words';
import type { MapDoc } from '@shared/model/types';
import { chainColour } from '../theme';
import { measureText } from '../text-metrics';
import { n, Pen, symbol } from './scene';
import { CHART_PAD, drawTitle, type ChartBox } from './heat-map';

const SMALL = 11;
const PANEL_MIN = 130;

/** A polyline through the points, broken where a point is missing. */
function brokenLine(points: readonly ({ x: number; y: number } | undefined)[]): string {
  const parts: string[] = [];
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${n(p.x)},${n(p.y)}`);
    pen = true;
  }
  return parts.join(' ');
}

function drawLegend(pen: Pen, doc: MapDoc, x: number, y: number, maxX: number): void {
  const t = pen.theme;
  const words = analysisWords(doc.map.locale);
  let lx = x;
  const item = (name: string, competitor: number) => {
    const w = Math.min(measureText(name, SMALL), 120);
    if (lx + 30 + w > maxX) return;
    if (competitor < 0) {
      pen.line(lx, y - 4, lx + 18, y - 4, t.accent, 2);
      symbol(pen, 'dot', lx + 9, y - 4, 3.5, t.accent);
    } else {
      pen.line(lx, y - 4, lx + 18, y - 4, t.textMuted, 1.5, competitor % 2 === 0 ? [4, 3] : [1.5, 2.5]);
      symbol(pen, 'square', lx + 9, y - 4, 3, t.textMuted);
    }
    pen.text(lx + 22, y, name, SMALL, { maxWidth: 120 });
    lx += 22 + w + 14;
  };
  item(words.us, -1);
  doc.map.competitors.forEach((c, i) => item(c.name, i));
}

function drawPanel(pen: Pen, doc: MapDoc, curve: JourneyCurve, index: number, x: number, y: number, width: number, height: number): void {
  const t = pen.theme;
  const words = analysisWords(doc.map.locale);
  const colour = chainColour(t, index);
  pen.rect(x, y + 2, 4, 14, { fill: colour }, 1);
  pen.text(x + 10, y + 14, curve.name || fillWords(words.legend.untitledChain, { n: index + 1 }), 13, { weight: 'semibold', maxWidth: width - 10 });
  const axisL = 22;
  const plot = { x: x + axisL, y: y + 30, width: width - axisL - 8, height: Math.max(30, height - 30 - 40) };
  const base = plot.y + plot.height;
  const sy = (v: number) => base - (plot.height * v) / 10;
  for (const v of [0, 5, 10]) {
    pen.line(plot.x, sy(v), plot.x + plot.width, sy(v), t.border, 1, v === 0 ? undefined : [2, 3]);
    pen.text(plot.x - 4, sy(v) + 4, String(v), SMALL - 1, { anchor: 'end', fill: t.textMuted });
  }
  if (curve.steps.length === 0) {
    pen.text(plot.x + 8, base - plot.height / 2, words.emptyChain, SMALL, { fill: t.textMuted });
    return;
  }
  const stepW = plot.width / curve.steps.length;
  const sx = (i: number) => plot.x + stepW * (i + 0.5);
  doc.map.competitors.forEach((c, ci) => {
    const points = curve.steps.map((s) => (s.competitors[c.id] !== undefined ? { x: sx(s.index), y: sy(s.competitors[c.id] as number) } : undefined));
    pen.path(brokenLine(points), { fill: null, stroke: t.textMuted, strokeWidth: 1.5, dash: ci % 2 === 0 ? [4, 3] : [1.5, 2.5] });
    for (const p of points) if (p) symbol(pen, 'square', p.x, p.y, 3, t.textMuted);
  });
  const ours = curve.steps.map((s) => (s.ours !== undefined ? { x: sx(s.index), y: sy(s.ours) } : undefined));
  pen.path(brokenLine(ours), { fill: null, stroke: t.accent, strokeWidth: 2.5 });
  for (const p of ours) if (p) symbol(pen, 'dot', p.x, p.y, 4, t.accent, t.surface);
  const weak = curve.weakLink;
  if (weak) {
    const wx = sx(weak.index);
    const wy = sy(weak.score);
    pen.circle(wx, wy, 9, { fill: null, stroke: t.awful, strokeWidth: 2.5 });
    // a tag like the canvas's: the words on a pill, readable over the lines it crosses
    const tag = words.legend.weakLink;
    const tagW = measureText(tag, SMALL - 1, 'bold') + 10;
    const ty = wy - 14 > plot.y - 12 ? wy - 14 : wy + 24;
    pen.rect(wx - tagW / 2, ty - 11, tagW, 15, { fill: t.surface, stroke: t.awful, strokeWidth: 1 }, 7.5);
    pen.text(wx, ty, tag, SMALL - 1, { anchor: 'middle', weight: 'bold', fill: t.awful });
  }
  const every = Math.max(1, Math.ceil((measureText('Mmmmmm', SMALL) + 8) / stepW));
  curve.steps.forEach((s) => {
    const cx = sx(s.index);
    if (s.unscored) {
      pen.circle(cx, base, 7, { fill: t.surface, stroke: t.textMuted, strokeWidth: 1.25, dash: [2, 2] });
      pen.text(cx, base + 4, '?', SMALL, { anchor: 'middle', weight: 'bold', fill: t.textMuted });
    }
    // every step's number; its name where there is room for it
    const label = stepW >= 44 || s.index % every === 0 ? `${s.index + 1}. ${s.label}` : `${s.index + 1}`;
    pen.text(cx, base + 18, label, SMALL - 1, { anchor: 'middle', maxWidth: stepW * (stepW >= 44 ? 1 : every) - 4 });
    if (s.unscored) pen.text(cx, base + 31, words.notScored, SMALL - 1, { anchor: 'middle', fill: t.textMuted, maxWidth: Math.max(stepW - 4, 40) });
  });
}

export function drawJourneys(pen: Pen, doc: MapDoc, box: ChartBox): void {
  const t = pen.theme;
  const words = analysisWords(doc.map.locale);
  const top = drawTitle(pen, box, words.journeysTitle);
  const curves = journeyCurves(doc);
  if (curves.length === 0) {
    pen.text(CHART_PAD, top + 12, words.noChains, SMALL + 1, { fill: t.textMuted });
    return;
  }
  drawLegend(pen, doc, CHART_PAD, top + 6, box.width - CHART_PAD);
  const avail = box.height - top - 16 - CHART_PAD;
  const fit = Math.max(1, Math.floor(avail / PANEL_MIN));
  const shown = curves.slice(0, fit);
  const more = curves.length - shown.length;
  const panelH = (avail - (more > 0 ? 18 : 0)) / shown.length;
  shown.forEach((curve, i) => drawPanel(pen, doc, curve, i, CHART_PAD, top + 16 + i * panelH, box.width - 2 * CHART_PAD, panelH - 6));
  if (more > 0) pen.text(CHART_PAD, box.height - CHART_PAD, fillWords(words.moreChains, { n: more }), SMALL, { fill: t.textMuted });
}
