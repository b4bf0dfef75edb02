/**
 * The analysis: the method's "Analyse" step as a view of the open map beside the mind map, the
 * grid and the outline (Ctrl/Cmd+4), and as a compact tab of the side panel next to the map.
 * Every chart is drawn from the document on each change, so a score typed in the inspector moves
 * the figures at once. Sections: distribution, scores (with the gaps and the wow / OK / awful
 * counts), the priority matrix (a dot selects its touchpoint on the map), journey curves, and
 * the fix-first touchpoints still without an action.
 */
import { useRef } from 'react';
import type { MapDoc } from '@shared/model/types';
import { chainsOf } from '@shared/model/selectors';
import type { ChartKind } from '../../drawing/charts';
import { useDocumentStore } from '../../store/document-store';
import { t, type MessageKey } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { FixFirstList } from './FixFirstList';
import { useThemeName } from './useThemeName';
import { useWidth } from './useWidth';
import './analysis.css';

const SECTIONS: readonly { readonly kind: ChartKind; readonly title: MessageKey }[] = [
  { kind: 'distribution', title: 'analysis.section.distribution' },
  { kind: 'scores', title: 'analysis.section.scores' },
  { kind: 'priority', title: 'analysis.section.priority' },
  { kind: 'journeys', title: 'analysis.section.journeys' },
];

/** A chart's height for its width: tall enough for its rows (stages, gaps, chains). */
function chartHeight(kind: ChartKind, doc: MapDoc, width: number, compact: boolean): number {
  const stages = doc.map.stages.length + 2;
  switch (kind) {
    case 'distribution':
      return Math.min(520, 90 + stages * (compact ? 26 : 34));
    case 'scores':
      return compact ? 460 : 500;
    case 'priority':
      return Math.round(Math.min(compact ? 380 : 560, Math.max(300, width * 0.72)));
    case 'journeys':
      return Math.min(compact ? 620 : 900, 70 + Math.max(1, chainsOf(doc).length) * (compact ? 150 : 170));
  }
}

function Charts({ doc, compact }: { readonly doc: MapDoc; readonly compact: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, compact ? 300 : 900);
  const theme = useThemeName();
  // two columns on a wide screen, one in the side panel or a narrow window
  const columns = !compact && width >= 1100 ? 2 : 1;
  const chartW = Math.floor((width - (columns - 1) * 16) / columns);
  return (
    <div ref={box} className={`analysis__charts analysis__charts--${columns}`}>
      {SECTIONS.map((section) => (
        <section key={section.kind} className="analysis-section" aria-label={t(section.title)}>
          <ChartFigure kind={section.kind} doc={doc} width={chartW} height={chartHeight(section.kind, doc, chartW, compact)} theme={theme} />
        </section>
      ))}
    </div>
  );
}

export function AnalysisView() {
  const doc = useDocumentStore((s) => s.doc);
  if (!doc) return null;
  return (
    <main className="analysis" aria-label={t('analysis.title')}>
      <div className="analysis__head">
        <h2 className="analysis__title">{t('analysis.title')}</h2>
        <p className="muted">{t('analysis.intro')}</p>
      </div>
      <Charts doc={doc} compact={false} />
      <FixFirstList doc={doc} />
    </main>
  );
}

/** The side panel's Analysis tab: the same charts at the panel's width, fix-first list first. */
export function AnalysisPanel() {
  const doc = useDocumentStore((s) => s.doc);
  if (!doc) return null;
  return (
    <div className="analysis analysis--compact" aria-label={t('analysis.title')}>
      <FixFirstList doc={doc} />
      <Charts doc={doc} compact />
    </div>
  );
}
