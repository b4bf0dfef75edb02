/**
 * The search bar (Ctrl/Cmd+F), floating over whichever view is showing: a query field, "n of m",
 * previous / next, close. Enter and Shift+Enter jump between matches; Esc closes and hands the
 * keyboard back to the view. Keys typed here never reach the editor's shortcuts.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { t } from '../../i18n';
import { closeSearch, jumpToMatch, onSearchFocusRequest, refreshSearch, setSearchQuery } from './search-operations';

function MatchCount() {
  const count = useUiStore((s) => s.search.matches.length);
  const current = useUiStore((s) => s.search.current);
  const query = useUiStore((s) => s.search.query);
  if (query.trim() === '') return <span className="search-bar__count" />;
  return (
    <span className={`search-bar__count${count === 0 ? ' is-empty' : ''}`} role="status" aria-live="polite" data-testid="search-count">
      {count === 0 ? t('search.none') : t('search.count', { n: current < 0 ? 0 : current + 1, m: count })}
    </span>
  );
}

export function SearchBar() {
  const search = useUiStore((s) => (s.search.open ? s.search : null));
  const doc = useDocumentStore((s) => s.doc);
  const field = useRef<HTMLInputElement>(null);
  const open = search !== null;

  // Every Ctrl/Cmd+F puts the caret in the field with its text selected, ready to retype.
  useEffect(() => {
    if (!open) return undefined;
    const focus = () => {
      field.current?.focus();
      field.current?.select();
    };
    focus();
    return onSearchFocusRequest(focus);
  }, [open]);

  // An edit or an undo can add or remove matches: keep the count and highlights true.
  useEffect(() => {
    if (open) refreshSearch();
  }, [doc, open]);

  if (!search) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return; // Enter confirms Hangul / Kana input first
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'Enter') {
      event.preventDefault();
      jumpToMatch(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closeSearch();
    } else if (mod && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      field.current?.select();
    }
  };

  return (
    <div className="search-bar" role="search" aria-label={t('search.label')}>
      <input
        ref={field}
        className="search-bar__field"
        type="search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={search.query}
        spellCheck={false}
        onChange={(event) => setSearchQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <MatchCount />
      <button type="button" className="button button--ghost search-bar__button" aria-label={t('search.previous')} title={t('search.previous.key')} onClick={() => jumpToMatch(-1)} disabled={search.matches.length === 0}>
        ↑
      </button>
      <button type="button" className="button button--ghost search-bar__button" aria-label={t('search.next')} title={t('search.next.key')} onClick={() => jumpToMatch(1)} disabled={search.matches.length === 0}>
        ↓
      </button>
      <button type="button" className="button button--ghost search-bar__button" aria-label={t('search.close')} title={t('search.close.key')} onClick={closeSearch}>
        ✕
      </button>
    </div>
  );
}
