/**
 * Inspector controls. Each commits one undo step per decision: a click on a rating or a choice,
 * a checkbox, a date, or a text field when it is left or Enter is pressed — never one per keystroke.
 * Every control can show a **mixed** value: several touchpoints are selected and disagree, and
 * the first decision sets them all.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { t } from '../../i18n';

/** A row of numbered buttons (a radio group): importance 1–10, scores 0–10. */
export function RatingField({
  label,
  min,
  max,
  value,
  onChange,
  bandOf,
  bandLabel,
  mixed,
}: {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined) => void;
  /** Colours each step by its band on the wow scale. */
  readonly bandOf?: (value: number) => string | undefined;
  /** The word for the current value's band ("wow"), shown next to the label. */
  readonly bandLabel?: (value: number) => string | undefined;
  readonly mixed?: boolean;
}) {
  const id = useId();
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const band = value !== undefined && bandLabel ? bandLabel(value) : undefined;
  const bandClass = value !== undefined && bandOf ? bandOf(value) : undefined;
  return (
    <div className="field">
      <div className="field__head">
        <span className="field__label" id={id}>
          {label}
        </span>
        {mixed ? (
          <span className="field__mixed">{t('inspector.mixed')}</span>
        ) : (
          band && (
            <span className={`band-word band-word--${bandClass ?? ''}`} data-testid="band-word">
              {band}
            </span>
          )
        )}
      </div>
      <div className="rating" role="radiogroup" aria-labelledby={id} style={{ gridTemplateColumns: `repeat(${values.length}, 1fr)` }}>
        {values.map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={!mixed && value === v}
            className={`rating__step${!mixed && value === v ? ' is-checked' : ''}${bandOf ? ` band--${bandOf(v) ?? ''}` : ''}`}
            // clicking the current value clears it: "not rated yet" is a real state
            onClick={() => onChange(!mixed && value === v ? undefined : v)}
          >
            {v}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A few exclusive choices as buttons (reaction, attention span, status); a click on the chosen one clears it. */
export function SegmentedField<T extends string>({
  label,
  value,
  options,
  onChange,
  mixed,
}: {
  readonly label: string;
  readonly value: T | undefined;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T | undefined) => void;
  readonly mixed?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <div className="field__head">
        <span className="field__label" id={id}>
          {label}
        </span>
        {mixed && <span className="field__mixed">{t('inspector.mixed')}</span>}
      </div>
      <div className="pills" role="radiogroup" aria-labelledby={id}>
        {options.map((option) => {
          const checked = !mixed && value === option.value;
          return (
            <button
              key={option.value}
              type="button"
              role="radio"
              aria-checked={checked}
              className={`pills__option pills__option--${option.value}${checked ? ' is-checked' : ''}`}
              onClick={() => onChange(checked ? undefined : option.value)}
            >
              {option.label}
            </button>
          );
        })}
      </div>
    </div>
  );
}

export function ChoiceField<T extends string>({
  label,
  value,
  options,
  onChange,
  emptyLabel,
  disabled,
  mixed,
}: {
  readonly label: string;
  readonly value: T | undefined;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T | undefined) => void;
  readonly emptyLabel: string;
  readonly disabled?: boolean;
  readonly mixed?: boolean;
}) {
  const MIXED = '\u0000mixed';
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select
        value={mixed ? MIXED : (value ?? '')}
        disabled={disabled}
        onChange={(event) => {
          if (event.target.value !== MIXED) onChange((event.target.value || undefined) as T | undefined);
        }}
      >
        {mixed && (
          <option value={MIXED} disabled>
            {t('inspector.mixed')}
          </option>
        )}
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Checkboxes for a set (a touchpoint's segments). With several touchpoints selected a box is
 * checked when all have the segment and half-checked when only some do.
 */
export function MultiChoiceField<T extends string>({
  label,
  options,
  stateOf,
  onToggle,
  empty,
}: {
  readonly label: string;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly stateOf: (value: T) => 'all' | 'some' | 'none';
  readonly onToggle: (value: T, on: boolean) => void;
  /** Shown instead of the boxes when there are no options. */
  readonly empty: ReactNode;
}) {
  return (
    <fieldset className="field">
      <legend className="field__label">{label}</legend>
      {options.length === 0 ? (
        empty
      ) : (
        <div className="checks">
          {options.map((option) => {
            const state = stateOf(option.value);
            return (
              <label key={option.value} className={`check${state !== 'none' ? ' is-checked' : ''}`}>
                <input
                  type="checkbox"
                  checked={state === 'all'}
                  ref={(input) => {
                    if (input) input.indeterminate = state === 'some';
                  }}
                  onChange={() => onToggle(option.value, state !== 'all')}
                />
                <span>{option.label}</span>
              </label>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}

export function TextField({
  label,
  value,
  onCommit,
  multiline,
  mixed,
}: {
  readonly label: string;
  readonly value: string;
  readonly onCommit: (value: string) => void;
  readonly multiline?: boolean;
  readonly mixed?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  // a new selection or an undo brings a new value in
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const common = {
    value: draft,
    placeholder: mixed ? t('inspector.mixed') : undefined,
    onBlur: commit,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        commit();
      } else if (event.key === 'Escape') {
        setDraft(value);
      }
    },
  };
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
    </label>
  );
}

/** A date (YYYY-MM-DD, the file format's form): commits each complete date, or clears when emptied. */
export function DateField({
  label,
  value,
  onCommit,
  mixed,
}: {
  readonly label: string;
  readonly value: string | undefined;
  readonly onCommit: (value: string | undefined) => void;
  readonly mixed?: boolean;
}) {
  return (
    <label className="field">
      <span className="field__label">
        {label}
        {mixed && <span className="field__mixed"> · {t('inspector.mixed')}</span>}
      </span>
      <input
        type="date"
        value={value ?? ''}
        onChange={(event) => {
          const next = event.target.value;
          // the date input reports "" while a date is half typed, and for a cleared field
          if (next === '' ? value !== undefined && !event.target.validity.badInput : next !== value) onCommit(next || undefined);
        }}
      />
    </label>
  );
}

/** A collapsible group of fields; its open state belongs to the caller so it survives selection changes. */
export function Section({
  title,
  open,
  onToggle,
  children,
}: {
  readonly title: string;
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
  readonly children: ReactNode;
}) {
  return (
    <details className="inspector-section" open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
      <summary className="inspector-section__title">{title}</summary>
      <div className="inspector-section__body">{children}</div>
    </details>
  );
}
