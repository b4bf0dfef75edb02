/**
 * The legend at the bottom left of the canvas (and in the grid's bar): what the node colours mean
 * under the current "colour by" (channel, score band, reaction or kind), with the filter's effect
 * when one is on. By channel the map says it already (online on one side, offline on the other;
 * the grid's rows), so the presenting screen and the grid show a legend only for the other choices,
 * or to explain the faded touchpoints of a filter.
 */
import { useDocumentStore } from '../../store/document-store';
import { useUiStore, type ColourBy } from '../../store/ui-store';
import { t, type MessageKey } from '../../i18n';
import { choicesOf, isFilterEmpty } from './topic-filter';
import { usePresentStore } from '../present';

const TITLE: Record<ColourBy, MessageKey> = {
  channel: 'colourBy.channel',
  band: 'colourBy.band',
  reaction: 'colourBy.reaction',
  kind: 'colourBy.kind',
};

export function Legend({ compact = false }: { readonly compact?: boolean }) {
  const colourBy = useUiStore((s) => s.colourBy);
  const filtered = useUiStore((s) => !isFilterEmpty(s.filter));
  const doc = useDocumentStore((s) => s.doc);
  const presenting = usePresentStore((s) => s.presenting);
  if (!doc) return null;
  // by channel the map says it already; with a filter on, the note on faded touchpoints still matters
  if ((presenting || compact) && colourBy === 'channel' && !filtered) return null;
  const entries = choicesOf(doc, colourBy === 'band' ? 'band' : colourBy);
  return (
    <aside className={`legend${compact ? ' legend--compact' : ''}`} aria-label={t('legend.title')}>
      <h2 className="legend__title">{t(TITLE[colourBy])}</h2>
      <ul className="legend__list">
        {entries.map((entry) => (
          <li key={entry.value} className="legend__entry">
            <span className={`legend__swatch swatch--${colourBy}-${entry.value}`} aria-hidden="true" />
            {t(entry.label as MessageKey)}
          </li>
        ))}
      </ul>
      {filtered && <p className="legend__note">{t('legend.dimmed')}</p>}
    </aside>
  );
}
