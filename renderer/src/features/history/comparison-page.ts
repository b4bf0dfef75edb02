/**
 * The comparison as a page of the PDF export: a heading naming the two states, the summary, and
 * per stage its totals and a table of the touchpoints that changed — real text, so it can be
 * searched and copied in the PDF. The export lays it after the map (and the appendix).
 */
import { useMemo } from 'react';
import type { MapComparison } from '@shared/model/analysis/compare';
import { t } from '../../i18n';
import { useCompareStore, type ComparedSide } from './compare-store';
import { changeWord, stageName, summaryText, totalsText, touchpointText } from './comparison-text';

/** What the export needs of the page: its HTML, and its text so the fonts embed its glyphs. */
export interface ComparisonPage {
  readonly html: string;
  readonly text: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The page of a comparison of the map `title`, from `earlier` to `later`.
 * @example comparisonPage('Clinic', diff, { id: 'r-1', label: '“Before workshop”' }, { id: 'now', label: 'Now' }).html
 */
export function comparisonPage(title: string, comparison: MapComparison, earlier: ComparedSide, later: ComparedSide): ComparisonPage {
  const heading = t('compare.page.heading', { title, earlier: earlier.label, later: later.label });
  const summary = summaryText(comparison);
  const words: string[] = [heading, summary];
  const head = `<tr><th class="c-tp">${escape(t('compare.page.touchpoint'))}</th><th class="c-re">${escape(t('compare.page.change'))}</th><th>${escape(t('compare.page.what'))}</th></tr>`;
  const stages = comparison.stages
    .map((stage) => {
      const name = stageName(stage);
      const totals = totalsText(stage);
      words.push(name, totals);
      const rows = stage.touchpoints
        .map((change) => {
          const what = touchpointText(change);
          words.push(change.label, changeWord(change.change), what);
          return `<tbody><tr><td>${escape(change.label)}</td><td>${escape(changeWord(change.change))}</td><td>${escape(what)}</td></tr></tbody>`;
        })
        .join('');
      return `<h2>${escape(name)}</h2><p class="facts">${escape(totals)}</p>${rows ? `<table><thead>${head}</thead>${rows}</table>` : ''}`;
    })
    .join('');
  const html = `<section class="appendix comparison"><h1>${escape(heading)}</h1><p>${escape(summary)}</p>${stages}</section>`;
  return { html, text: words.join('\n') };
}

/** The page of the comparison now shown, or null when nothing is compared. */
export function useComparisonPage(title: string): ComparisonPage | null {
  const { comparison, earlier, later } = useCompareStore();
  return useMemo(() => (comparison && earlier && later ? comparisonPage(title, comparison, earlier, later) : null), [title, comparison, earlier, later]);
}
