/**
 * View options over the map and the outline: a filter (channel, stage, segment, kind, score band,
 * reaction — ticked values of one dimension are alternatives, dimensions combine) and "colour by".
 * UI state only: nothing here changes the document or enters undo history.
 */
import { useState } from 'react';
import { useDocumentStore } from '../../store/document-store';
import { NO_FILTER, useUiStore, type ColourBy, type FilterDimension } from '../../store/ui-store';
import { t, type MessageKey } from '../../i18n';
import { FILTER_DIMENSIONS, NAMED_DIMENSIONS, choicesOf, isFilterEmpty } from './topic-filter';

const COLOUR_BY: readonly ColourBy[] = ['channel', 'band', 'reaction', 'kind'];

function DimensionChoices({ dimension }: { readonly dimension: FilterDimension }) {
  const doc = useDocumentStore((s) => s.doc);
  const chosen = useUiStore((s) => s.filter[dimension]);
  if (!doc) return null;
  const choices = choicesOf(doc, dimension);
  if (dimension === 'segment' && choices.length === 1) return null; // a map without segments
  const toggle = (value: string) => {
    const { filter, setFilter } = useUiStore.getState();
    const list = filter[dimension];
    setFilter({ ...filter, [dimension]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] });
  };
  return (
    <fieldset className="filter__group">
      <legend className="field__label">{t(`filter.${dimension}` as MessageKey)}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="filter__choice">
          <input type="checkbox" checked={chosen.includes(choice.value)} onChange={() => toggle(choice.value)} />
          {NAMED_DIMENSIONS.has(dimension) && choice.value !== 'none' ? choice.label : t(choice.label as MessageKey)}
        </label>
      ))}
    </fieldset>
  );
}

/** The "Filter" button with its panel, and the "Colour by" choice. */
export function FilterBar() {
  const [open, setOpen] = useState(false);
  const active = useUiStore((s) => FILTER_DIMENSIONS.reduce((n, d) => n + s.filter[d].length, 0));
  const colourBy = useUiStore((s) => s.colourBy);
  const setColourBy = useUiStore((s) => s.setColourBy);
  const filterEmpty = useUiStore((s) => isFilterEmpty(s.filter));
  return (
    <div className="view-options">
      <button type="button" className={`button${active > 0 ? ' button--on' : ''}`} aria-expanded={open} onClick={() => setOpen(!open)}>
        {active > 0 ? t('filter.buttonActive', { count: active }) : t('filter.button')}
      </button>
      <label className="view-options__colour">
        <span>{t('colourBy.label')}</span>
        <select value={colourBy} onChange={(event) => setColourBy(event.target.value as ColourBy)}>
          {COLOUR_BY.map((by) => (
            <option key={by} value={by}>
              {t(`colourBy.${by}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {open && (
        <div
          className="filter"
          role="dialog"
          aria-label={t('filter.title')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          <div className="filter__groups">
            {FILTER_DIMENSIONS.map((dimension) => (
              <DimensionChoices key={dimension} dimension={dimension} />
            ))}
          </div>
          <div className="filter__actions">
            <button type="button" className="button button--ghost" disabled={filterEmpty} onClick={() => useUiStore.getState().setFilter(NO_FILTER)}>
              {t('filter.clear')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
