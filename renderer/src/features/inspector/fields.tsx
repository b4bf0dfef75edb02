/**
 * Inspector controls. Each commits one undo step per decision: a click on a rating, a choice
 * in a list, or a text field when it is left or Enter is pressed — never one per keystroke.
 */
import { useEffect, useId, useState } from 'react';

export function RatingField({
  label,
  min,
  max,
  value,
  onChange,
  bandOf,
}: {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined) => void;
  readonly bandOf?: (value: number) => string | undefined;
}) {
  const id = useId();
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <div className="field">
      <span className="field__label" id={id}>
        {label}
      </span>
      <div className="rating" role="radiogroup" aria-labelledby={id}>
        {values.map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={value === v}
            className={`rating__step${value === v ? ' is-checked' : ''}${bandOf ? ` band--${bandOf(v) ?? ''}` : ''}`}
            // clicking the current value clears it: "not rated yet" is a real state
            onClick={() => onChange(value === v ? undefined : v)}
          >
            {v}
          </button>
        ))}
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
}: {
  readonly label: string;
  readonly value: T | undefined;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T | undefined) => void;
  readonly emptyLabel: string;
  readonly disabled?: boolean;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select value={value ?? ''} disabled={disabled} onChange={(event) => onChange((event.target.value || undefined) as T | undefined)}>
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

export function TextField({
  label,
  value,
  onCommit,
  multiline,
}: {
  readonly label: string;
  readonly value: string;
  readonly onCommit: (value: string) => void;
  readonly multiline?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  // a new selection or an undo brings a new value in
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const common = {
    value: draft,
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
      {multiline ? <textarea rows={4} {...common} /> : <input {...common} />}
    </label>
  );
}
