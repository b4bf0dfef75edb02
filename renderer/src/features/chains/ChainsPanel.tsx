/**
 * The Chains panel: the map's customer journeys (DOMAIN.md §4), each with its steps and their
 * scores, its weak link and its unscored steps. Create a chain, add steps by clicking
 * touchpoints, reorder and remove steps (buttons, or Alt+↑ / Alt+↓ / Delete on a focused step),
 * rename, delete, and show or hide each chain on the map.
 */
import { memo, useEffect, useMemo, useRef, useState, type CSSProperties, type FormEvent, type KeyboardEvent } from 'react';
import type { ChainId, Segment } from '@shared/model/types';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { t, useLanguage } from '../../i18n';
import { chainColourVar } from '../../drawing/theme';
import { nextChainName, summarizeChains, type ChainStepView, type ChainSummary } from './chain-model';
import { useChainUiStore } from './chain-ui-store';
import { createChain, removeChain, removeStep, renameChainTo, shiftStep, togglePicking } from './chain-operations';

const NO_SEGMENTS: readonly Segment[] = [];

function NewChainForm({ onDone }: { readonly onDone: () => void }) {
  const doc = useDocumentStore((s) => s.doc);
  const segments = doc?.map.segments ?? NO_SEGMENTS;
  const [name, setName] = useState(() => (doc ? nextChainName(doc, t('chains.defaultName')) : ''));
  const [segmentId, setSegmentId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('chains.nameRequired'));
      return;
    }
    if (createChain(name, segments.find((segment) => segment.id === segmentId)?.id)) onDone();
  };
  return (
    <form className="chain-form" onSubmit={submit} aria-label={t('chains.new')} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onDone())}>
      <label className="field">
        <span className="field__label">{t('chains.name')}</span>
        <input
          autoFocus
          value={name}
          onChange={(e) => (setName(e.target.value), setError(null))}
          aria-invalid={error !== null}
          onFocus={(e) => e.target.select()}
        />
      </label>
      {segments.length > 0 && (
        <label className="field">
          <span className="field__label">{t('chains.segment')}</span>
          <select value={segmentId} onChange={(e) => setSegmentId(e.target.value)}>
            <option value="">{t('chains.allSegments')}</option>
            {segments.map((segment) => (
              <option key={segment.id} value={segment.id}>
                {segment.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="chain-form__actions">
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {t('chains.create')}
        </button>
      </div>
    </form>
  );
}

/** Focus the step at `index` of a chain after React re-rendered the list. */
function focusStep(list: HTMLOListElement | null, index: number) {
  requestAnimationFrame(() => list?.querySelector<HTMLElement>(`[data-step-index="${index}"]`)?.focus());
}

function StepRow({ chainId, step, count, list }: { readonly chainId: ChainId; readonly step: ChainStepView; readonly count: number; readonly list: HTMLOListElement | null }) {
  const n = step.index + 1;
  const label = step.missing ? t('chains.missingStep') : step.label;
  const move = (by: -1 | 1) => {
    if (shiftStep(chainId, step.index, by)) focusStep(list, step.index + by);
  };
  const remove = () => {
    if (removeStep(chainId, step.index)) focusStep(list, Math.min(step.index, count - 2));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    let handled = true;
    if (event.altKey && event.key === 'ArrowUp') move(-1);
    else if (event.altKey && event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') focusStep(list, step.index - 1);
    else if (event.key === 'ArrowDown') focusStep(list, step.index + 1);
    else if (event.key === 'Delete' || event.key === 'Backspace') remove();
    else if (event.key === 'Enter') useUiStore.getState().select([step.topicId]);
    else handled = false;
    // the editor's own keys (arrows walk the map, Delete deletes topics) must not see these
    if (handled) event.preventDefault();
  };
  return (
    <li
      className={`chain-step${step.weak ? ' chain-step--weak' : ''}${step.missing ? ' chain-step--missing' : ''}`}
      tabIndex={0}
      data-step-index={step.index}
      aria-label={t('chains.stepAria', { n, label })}
      onKeyDown={onKeyDown}
      onClick={() => useUiStore.getState().select([step.topicId])}
    >
      <span className="chain-step__n">{n}</span>
      <span className="chain-step__label" title={label}>
        {label}
      </span>
      {step.weak && <span className="chain-step__weak">{t('chains.weakTag')}</span>}
      {step.score === undefined ? (
        !step.missing && <span className="chain-step__unscored">{t('chains.noScore')}</span>
      ) : (
        <span className={`chain-step__score score-pill score-pill--${step.band}`}>{step.score}</span>
      )}
      <span className="chain-step__tools">
        <button type="button" className="icon-button" tabIndex={-1} disabled={step.index === 0} aria-label={t('chains.stepUp', { n })} onClick={(e) => (e.stopPropagation(), move(-1))}>
          ↑
        </button>
        <button type="button" className="icon-button" tabIndex={-1} disabled={step.index === count - 1} aria-label={t('chains.stepDown', { n })} onClick={(e) => (e.stopPropagation(), move(1))}>
          ↓
        </button>
        <button type="button" className="icon-button icon-button--danger" tabIndex={-1} aria-label={t('chains.stepRemove', { n })} onClick={(e) => (e.stopPropagation(), remove())}>
          ✕
        </button>
      </span>
    </li>
  );
}

/** The chain's name, or a field renaming it (Enter or leaving the field commits, Esc cancels). */
function ChainName({ summary, editing, setEditing }: { readonly summary: ChainSummary; readonly editing: boolean; readonly setEditing: (on: boolean) => void }) {
  const [text, setText] = useState(summary.chain.name);
  if (!editing) {
    return (
      <h3 className="chain-card__name" title={summary.chain.name} onDoubleClick={() => (setText(summary.chain.name), setEditing(true))}>
        {summary.chain.name}
      </h3>
    );
  }
  const commit = () => {
    // a refused name (empty) keeps the field open: the notice says what is wrong
    if (text.trim() !== summary.chain.name && !renameChainTo(summary.chain.id, text)) return;
    setEditing(false);
  };
  return (
    <input
      className="chain-card__rename"
      autoFocus
      aria-label={t('chains.renameAria', { name: summary.chain.name })}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onFocus={(e) => e.target.select()}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        else if (e.key === 'Escape') setEditing(false);
      }}
    />
  );
}

const ChainCard = memo(function ChainCard({ summary, segmentName }: { readonly summary: ChainSummary; readonly segmentName: string | undefined }) {
  useLanguage(); // re-render in a newly chosen UI language even when the props did not change
  const { chain, steps, weak, unscored } = summary;
  const hidden = useChainUiStore((s) => s.hidden.has(chain.id));
  const picking = useChainUiStore((s) => s.picking === chain.id);
  const toggleHidden = useChainUiStore((s) => s.toggleHidden);
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const style = useMemo(() => ({ '--chain-colour': chainColourVar(summary.colourIndex) }) as CSSProperties, [summary.colourIndex]);
  const [renaming, setRenaming] = useState(false);
  const cardRef = useRef<HTMLElement>(null);
  // the chain taking steps stays in sight, so each click is seen landing in its list
  useEffect(() => {
    if (picking) cardRef.current?.scrollIntoView({ block: 'nearest' });
  }, [picking, steps.length]);

  return (
    <section ref={cardRef} className={`chain-card${picking ? ' chain-card--picking' : ''}${hidden ? ' chain-card--hidden' : ''}`} style={style} aria-label={t('chains.chainAria', { name: chain.name })}>
      <header className="chain-card__head">
        <span className="chain-card__swatch" aria-hidden />
        <ChainName key={String(renaming)} summary={summary} editing={renaming} setEditing={setRenaming} />
        <button
          type="button"
          className="button button--ghost chain-card__eye"
          aria-pressed={!hidden}
          aria-label={t(hidden ? 'chains.show' : 'chains.hide', { name: chain.name })}
          title={t(hidden ? 'chains.show' : 'chains.hide', { name: chain.name })}
          onClick={() => toggleHidden(chain.id)}
        >
          {hidden ? t('chains.hidden') : t('chains.shown')}
        </button>
      </header>
      <p className="chain-card__facts">
        {segmentName !== undefined && <span className="chain-card__segment">{t('chains.forSegment', { name: segmentName })}</span>}
        <span>{t('chains.steps', { count: steps.length })}</span>
        {weak ? (
          <span className="chain-card__weak" data-testid="weak-link">
            {t('chains.weakLink', { label: weak.label, score: weak.score ?? '' })}
          </span>
        ) : (
          steps.length > 0 && <span className="muted">{t('chains.noWeakLink')}</span>
        )}
        {unscored.length > 0 && <span className="chain-card__unscored">{t('chains.unscored', { count: unscored.length })}</span>}
      </p>
      {steps.length === 0 ? (
        <p className="chain-card__empty muted">{picking ? t('chains.emptyPicking') : t('chains.empty')}</p>
      ) : (
        <ol className="chain-steps" ref={setList} aria-label={t('chains.stepsAria', { name: chain.name })}>
          {steps.map((step) => (
            <StepRow key={`${step.index}:${step.topicId}`} chainId={chain.id} step={step} count={steps.length} list={list} />
          ))}
        </ol>
      )}
      <footer className="chain-card__actions">
        <button type="button" className={`button ${picking ? 'button--primary' : ''}`} aria-pressed={picking} onClick={() => togglePicking(chain.id)}>
          {picking ? t('chains.donePicking') : t('chains.addSteps')}
        </button>
        <span className="topbar__spacer" />
        <button
          type="button"
          className="button button--ghost"
          onClick={() => setRenaming(true)}
        >
          {t('chains.rename')}
        </button>
        <button type="button" className="button button--ghost button--danger" aria-label={t('chains.deleteAria', { name: chain.name })} onClick={() => removeChain(chain.id)}>
          {t('chains.delete')}
        </button>
      </footer>
    </section>
  );
});

/** The right-hand column's Chains tab. */
export function ChainsPanel() {
  const doc = useDocumentStore((s) => s.doc);
  const [creating, setCreating] = useState(false);
  const summaries = useMemo(() => (doc ? summarizeChains(doc) : []), [doc]);
  const segments = doc?.map.segments ?? NO_SEGMENTS;
  const segmentName = (id: string | undefined) => (id === undefined ? undefined : (segments.find((s) => s.id === id)?.name ?? id));

  return (
    <div className="chains-panel" role="region" aria-label={t('chains.title')}>
      <div className="chains-panel__head">
        <p className="muted chains-panel__intro">{t('chains.intro')}</p>
        {!creating && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            + {t('chains.new')}
          </button>
        )}
      </div>
      {creating && <NewChainForm onDone={() => setCreating(false)} />}
      {summaries.length === 0 && !creating && <p className="chains-panel__none muted">{t('chains.none')}</p>}
      {summaries.map((summary) => (
        <ChainCard key={summary.chain.id} summary={summary} segmentName={segmentName(summary.chain.segmentId)} />
      ))}
    </div>
  );
}
