/**
 * The palette (Ctrl/Cmd+K): a searchable list of everything that can be done right now, each with
 * its keys. Arrows move, Enter runs the highlighted one through the same registry as keys and
 * menus, Esc closes and puts the focus back. ARIA's combobox-with-listbox pattern: the focus
 * stays in the field and `aria-activedescendant` names the highlighted option.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../../i18n';
import { filterEntries, type PaletteEntry } from './palette-filter';
import { closePalette, usePaletteStore } from './palette-store';

export interface PaletteProps {
  /** What can be done now; read when the palette opens. */
  readonly entries: () => readonly PaletteEntry[];
  readonly run: (name: string) => void;
}

function Palette({ entries, run }: PaletteProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [available] = useState(entries);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => filterEntries(available, query), [available, query]);
  const id = useId();
  const current = shown[Math.min(active, shown.length - 1)];

  /** What was chosen: it runs once the palette is gone, so a dialog it opens gets the focus. */
  const chosen = useRef<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => {
      dialog?.close();
      // Only now: while the modal dialog is open, the rest of the page is inert and cannot take focus.
      const { returnTo } = usePaletteStore.getState();
      usePaletteStore.setState({ returnTo: null });
      if (returnTo?.isConnected) returnTo.focus();
      if (chosen.current) run(chosen.current);
    };
    // the palette mounts once per opening; `run` is the app's one runner
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const choose = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    chosen.current = entry.name;
    closePalette();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    if (event.key === 'ArrowDown') setActive((i) => (i >= last ? 0 : i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => (i <= 0 ? last : i - 1));
    else if (event.key === 'Home' && event.ctrlKey) setActive(0);
    else if (event.key === 'End' && event.ctrlKey) setActive(last);
    else if (event.key === 'Enter') choose(current);
    else return;
    event.preventDefault();
  };

  return (
    <dialog
      ref={ref}
      className="palette"
      aria-label={t('palette.title')}
      onCancel={(event) => {
        event.preventDefault();
        closePalette();
      }}
      onClick={(event) => {
        // a click on the backdrop (the dialog box itself, outside its content) closes it
        if (event.target === ref.current) closePalette();
      }}
    >
      <input
        className="palette__field"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${id}-${current.name}` : undefined}
        aria-label={t('palette.title')}
        placeholder={t('palette.placeholder')}
        value={query}
        autoFocus
        spellCheck={false}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul ref={listRef} id={`${id}-list`} className="palette__list" role="listbox" aria-label={t('palette.results')}>
        {shown.map((entry) => (
          <li
            key={entry.name}
            id={`${id}-${entry.name}`}
            role="option"
            aria-selected={entry === current}
            className="palette__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(entry)}
          >
            <span>{entry.label}</span>
            <span className="palette__keys">
              {entry.keys.map((keys) => (
                <kbd key={keys}>{keys}</kbd>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {shown.length === 0 ? (
        <p className="palette__none muted" role="status">
          {t('palette.none', { query: query.trim() })}
        </p>
      ) : null}
    </dialog>
  );
}

/** Mounted once by the app: the palette while it is open. */
export function PaletteHost(props: PaletteProps) {
  const open = usePaletteStore((s) => s.open);
  return open ? <Palette {...props} /> : null;
}
