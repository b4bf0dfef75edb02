/**
 * The distribution chart: a stage × channel heat map of touchpoint counts. Each cell is shaded
 * by its count in the channel's own colour AND prints the count, so the shade is never the only
 * signal; an empty cell is a dashed outline (a stage with nothing online shows as a hole). The
 * last column is each stage's total as a bar, to see at a glance which stage has too many or too
 * few touchpoints; the last row the totals per channel.
 */
import { stageChannelDistribution, CHANNEL_COLUMNS, type ChannelColumn } from '@shared/model/analysis/distribution';
import { analysisWords } from '@shared/templates/analysis-words';
import type { MapDoc } from '@shared/model/types';
import { measureText } from '../text-metrics';
import { isDark, mix, Pen } from './scene';

export interface ChartBox {
  readonly width: number;
  readonly height: number;
}

export const CHART_PAD = 16;
export const TITLE_SIZE = 16;
export const TEXT_SIZE = 12;

export function drawTitle(pen: Pen, box: ChartBox, title: string): number {
  pen.text(CHART_PAD, CHART_PAD + TITLE_SIZE, title, TITLE_SIZE, { weight: 'semibold', maxWidth: box.width - 2 * CHART_PAD });
  return CHART_PAD + TITLE_SIZE + 14;
}

export function drawHeatMap(pen: Pen, doc: MapDoc, box: ChartBox): void {
  const theme = pen.theme;
  const words = analysisWords(doc.map.locale);
  const d = stageChannelDistribution(doc);
  let top = drawTitle(pen, box, words.distributionTitle);
  if (d.total === 0) {
    pen.text(CHART_PAD, top + TEXT_SIZE, words.noTouchpoints, TEXT_SIZE, { fill: theme.textMuted });
    return;
  }
  const rows = d.rows.filter((r) => r.stageId !== null || r.total > 0);
  const columns = CHANNEL_COLUMNS.filter((c) => c !== 'none' || d.perChannel.none > 0);
  const heads: Record<ChannelColumn, string> = { online: words.legend.online, offline: words.legend.offline, none: words.noChannel };
  const colour: Record<ChannelColumn, string> = { online: theme.online, offline: theme.offline, none: theme.unsorted };
  const names = rows.map((r) => (r.stageId === null ? words.noStage : r.name));
  const inner = box.width - 2 * CHART_PAD;
  const nameW = Math.min(inner * 0.34, Math.max(60, ...names.map((s) => measureText(s, TEXT_SIZE))) + 12);
  const totalW = Math.max(56, inner * 0.22);
  const cellW = (inner - nameW - totalW) / columns.length;
  const headH = 22;
  const rowH = Math.max(18, Math.min(40, (box.height - top - headH - CHART_PAD - 8) / (rows.length + 1)));
  const x0 = CHART_PAD + nameW;
  columns.forEach((c, i) => pen.text(x0 + cellW * (i + 0.5), top + 14, heads[c], TEXT_SIZE, { weight: 'semibold', anchor: 'middle', maxWidth: cellW - 6 }));
  pen.text(x0 + columns.length * cellW + 6, top + 14, words.total, TEXT_SIZE, { weight: 'semibold', maxWidth: totalW - 6 });
  top += headH;
  const maxTotal = Math.max(1, ...rows.map((r) => r.total));
  const textY = (y: number) => y + rowH / 2 + TEXT_SIZE * 0.36;
  rows.forEach((row, ri) => {
    const y = top + ri * rowH;
    pen.text(CHART_PAD, textY(y), names[ri] ?? '', TEXT_SIZE, { maxWidth: nameW - 8, fill: row.stageId === null ? theme.textMuted : theme.text });
    columns.forEach((c, ci) => {
      const count = row.counts[c];
      const x = x0 + ci * cellW;
      if (count === 0) {
        pen.rect(x + 2, y + 2, cellW - 4, rowH - 4, { fill: null, stroke: theme.border, strokeWidth: 1, dash: [3, 3] }, 3);
        pen.text(x + cellW / 2, textY(y), '0', TEXT_SIZE, { anchor: 'middle', fill: theme.textMuted });
        return;
      }
      // a cell with one touchpoint is already clearly tinted; the fullest is the channel's colour
      const fill = mix(theme.surface, colour[c], 0.2 + 0.8 * (count / Math.max(1, d.maxCell)));
      pen.rect(x + 2, y + 2, cellW - 4, rowH - 4, { fill }, 3);
      pen.text(x + cellW / 2, textY(y), String(count), TEXT_SIZE, { anchor: 'middle', weight: 'semibold', fill: isDark(fill) ? '#ffffff' : '#1b1f27' });
    });
    const tx = x0 + columns.length * cellW + 6;
    const barW = ((totalW - 40) * row.total) / maxTotal;
    pen.rect(tx, y + rowH * 0.3, barW, rowH * 0.4, { fill: theme.textMuted }, 2);
    pen.text(tx + barW + 4, textY(y), String(row.total), TEXT_SIZE, { fill: theme.text });
  });
  const y = top + rows.length * rowH;
  pen.line(CHART_PAD, y + 1, box.width - CHART_PAD, y + 1, theme.border);
  pen.text(CHART_PAD, textY(y), words.total, TEXT_SIZE, { weight: 'semibold', maxWidth: nameW - 8 });
  columns.forEach((c, ci) => pen.text(x0 + cellW * (ci + 0.5), textY(y), String(d.perChannel[c]), TEXT_SIZE, { anchor: 'middle', weight: 'semibold' }));
  pen.text(x0 + columns.length * cellW + 6, textY(y), String(d.total), TEXT_SIZE, { weight: 'semibold' });
}
