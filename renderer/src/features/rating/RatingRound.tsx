/**
 * The rating round: a full-window mode for scoring with a room, one touchpoint at a time, on a
 * projector. Keys (round-keys.ts) set our score, a competitor's and the importance; each rating is
 * an undo step on the map, so leaving (Esc) keeps every one of them.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ratedCount, roundCard, type RoundCard } from '@shared/model/rating-round';
import { scoreBand } from '@shared/model/selectors';
import { hintText, hintsFor } from '@shared/templates/hints';
import type { MapDoc, TopicId } from '@shared/model/types';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { runOperation } from '../../operations/run-operation';
import { t } from '../../i18n';
import { useRatingStore } from './rating-store';
import { roundIntent } from './round-keys';
import { rateInRound } from './round-edits';
import { clockText, isRunning, newTimer, TIMER_CHOICES, timeLeft, toggleTimer, type TimerMode } from './round-timer';
import './rating.css';

/** Leaves the round (Esc, the Leave button): every rating stays; a running timer pauses. */
export const leaveRound = () => useRatingStore.getState().leave(Date.now());

function isField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/** The round's keys, taken before the app's (capture phase) so none reaches the map behind it. */
function useRoundKeys(doc: MapDoc, focusRound: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      if (isField(event.target)) {
        // the competitor and timer pickers keep their own keys; Esc hands the keyboard back.
        // A field outside the round (the palette over it) keeps every key, Esc included.
        if (event.key === 'Escape' && (event.target as HTMLElement).closest('.round')) {
          event.preventDefault();
          event.stopPropagation();
          focusRound();
        }
        return;
      }
      const round = useRatingStore.getState();
      const id = round.order[round.index];
      const intent = roundIntent(
        { code: event.code, shift: event.shiftKey, mod: event.ctrlKey || event.metaKey, alt: event.altKey },
        { id: id ?? '', importanceArmed: round.importanceArmed, last: round.last, now: Date.now() },
      );
      if (intent.type === 'none') return;
      event.preventDefault();
      event.stopPropagation();
      switch (intent.type) {
        case 'rate': {
          if (id === undefined) return;
          if (intent.field === 'competitor' && round.competitorId === undefined) {
            useUiStore.getState().notify('error', t('rating.noCompetitor'));
            return;
          }
          rateInRound(id, intent.field, round.competitorId, intent.value, intent.replacesLast);
          round.typed({ id, field: intent.field, digit: intent.digit, at: Date.now() });
          return;
        }
        case 'armImportance':
          return round.setArmed(id !== undefined);
        case 'disarm':
          return round.setArmed(false);
        case 'next':
          return round.index >= round.order.length ? leaveRound() : round.go(1);
        case 'back':
          return round.go(-1);
        case 'skip':
          return round.go(1, true);
        case 'timer':
          return round.setTimer(toggleTimer(round.timer, Date.now()));
        case 'leave':
          return leaveRound();
        default:
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [doc, focusRound]);
}

export function RatingRoundHost() {
  const open = useRatingStore((s) => s.open);
  const doc = useDocumentStore((s) => s.doc);
  if (!open || !doc) return null;
  return <RatingRound doc={doc} />;
}

function RatingRound({ doc }: { readonly doc: MapDoc }) {
  const { order, index, skipped } = useRatingStore();
  const ref = useRef<HTMLDivElement>(null);
  const focusRef = useRef(() => ref.current?.focus());
  useRoundKeys(doc, focusRef.current);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => before?.focus?.();
  }, []);
  const rated = ratedCount(doc, order);
  const card = index < order.length ? roundCard(doc, order[index] as TopicId) : undefined;
  const position = Math.min(index + 1, order.length);
  return (
    <div className="round" role="dialog" aria-modal="true" aria-label={t('rating.title')} tabIndex={-1} ref={ref}>
      <header className="round__bar">
        <h2 className="round__title">
          {t('rating.title')} <span className="muted">· {doc.map.title}</span>
        </h2>
        <div className="round__progress">
          <div
            className="round__meter"
            role="progressbar"
            aria-label={t('rating.progress')}
            aria-valuemin={0}
            aria-valuemax={order.length}
            aria-valuenow={Math.min(index, order.length)}
            aria-valuetext={t('rating.position', { position, total: order.length })}
          >
            <div className="round__meter-fill" style={{ width: `${(100 * Math.min(index, order.length)) / Math.max(1, order.length)}%` }} />
          </div>
          <span className="round__count" data-testid="round-count">
            {t('rating.position', { position, total: order.length })}
          </span>
          <span className="muted round__rated">{t('rating.ratedOf', { count: rated, total: order.length })}</span>
        </div>
        <RoundTimerControls />
        <button type="button" className="button" onClick={() => runOperation('edit.undo')}>
          {t('editor.undo')}
        </button>
        <button type="button" className="button" onClick={leaveRound}>
          {t('rating.leave')}
        </button>
      </header>
      {card ? <Card doc={doc} card={card} skipped={skipped.has(card.id)} /> : <Closing doc={doc} />}
      <KeyLegend />
    </div>
  );
}

function Card({ doc, card, skipped }: { readonly doc: MapDoc; readonly card: RoundCard; readonly skipped: boolean }) {
  const armed = useRatingStore((s) => s.importanceArmed);
  const competitorId = useRatingStore((s) => s.competitorId);
  const hints = hintsFor(card.label).map((hint) => hintText(hint, doc.map.locale));
  const competitor = doc.map.competitors.find((c) => c.id === competitorId);
  return (
    <main className="round__card">
      <p className="round__where">
        {card.stage && <span className="round__chip">{card.stage}</span>}
        {card.channel && <span className={`round__chip round__chip--${card.channel}`}>{t(`channel.${card.channel}`)}</span>}
        {skipped && <span className="round__chip round__chip--skipped">{t('rating.skipped')}</span>}
      </p>
      <h3 className="round__label">{card.label}</h3>
      <p className="round__chains">
        {card.chains.length === 0
          ? t('rating.noChain')
          : card.chains.map((chain) => t('rating.chainStep', { chain: chain.name, steps: chain.steps.join(', '), length: chain.length })).join(' · ')}
      </p>
      <div className="round__scores">
        <ScoreTile label={t('rating.ourScore')} value={card.score} band testId="round-score" />
        <ScoreTile label={competitor ? t('rating.competitorScore', { name: competitor.name }) : t('rating.competitor')} value={competitor ? card.competitorScores[competitor.id] : undefined} band testId="round-competitor">
          <CompetitorPicker doc={doc} />
        </ScoreTile>
        <ScoreTile label={t('rating.importance')} value={card.importance} armed={armed} testId="round-importance" />
      </div>
      <div className="round__hints">
        <ScaleLegend />
        {hints.map((hint) => (
          <div key={hint.title} className="round__checklist" role="note" aria-label={t('rating.checklist', { title: hint.title })}>
            <p className="round__checklist-title">{t('rating.checklist', { title: hint.title })}</p>
            <ul>
              {hint.checks.map((check) => (
                <li key={check}>{check}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </main>
  );
}

function ScoreTile({
  label,
  value,
  band,
  armed,
  testId,
  children,
}: {
  readonly label: string;
  readonly value: number | undefined;
  readonly band?: boolean;
  readonly armed?: boolean;
  readonly testId: string;
  readonly children?: ReactNode;
}) {
  const bandName = band ? scoreBand(value) : undefined;
  return (
    <div className={`round__tile${armed ? ' is-armed' : ''}${bandName ? ` round__tile--${bandName}` : ''}`}>
      <span className="round__tile-label">{label}</span>
      <span className="round__tile-value" data-testid={testId}>
        {value ?? '—'}
      </span>
      <span className="round__tile-note">{armed ? t('rating.typeImportance') : bandName ? t(`band.${bandName}`) : value === undefined ? t('rating.notRated') : ' '}</span>
      {children}
    </div>
  );
}

function CompetitorPicker({ doc }: { readonly doc: MapDoc }) {
  const competitorId = useRatingStore((s) => s.competitorId);
  if (doc.map.competitors.length === 0) return <p className="muted round__picker-note">{t('rating.noCompetitor')}</p>;
  return (
    <label className="round__picker">
      <span>{t('rating.shiftRates')}</span>
      <select
        value={competitorId ?? ''}
        onChange={(event) => {
          useRatingStore.getState().setCompetitor(doc.map.competitors.find((competitor) => competitor.id === event.target.value)?.id);
          // back to the round's keys: number keys must rate, not pick another option
          (event.target.closest('.round') as HTMLElement | null)?.focus();
        }}
      >
        {doc.map.competitors.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The wow scale the room rates on (DOMAIN.md §3): what 0, 5 and 10 mean. */
function ScaleLegend() {
  return (
    <div className="round__scale" role="note" aria-label={t('rating.scale')}>
      <p className="round__checklist-title">{t('rating.scale')}</p>
      <ol className="round__scale-steps">
        {Array.from({ length: 11 }, (_, v) => (
          <li key={v} className={`round__scale-step band--${scoreBand(v) ?? ''}`}>
            {v}
          </li>
        ))}
      </ol>
      <p className="round__scale-words">
        <span>{t('rating.scale.awful')}</span>
        <span>{t('rating.scale.ok')}</span>
        <span>{t('rating.scale.wow')}</span>
      </p>
    </div>
  );
}

function Closing({ doc }: { readonly doc: MapDoc }) {
  const { order, skipped } = useRatingStore();
  const rated = ratedCount(doc, order);
  return (
    <main className="round__card round__card--closing">
      <h3 className="round__label">{t('rating.done')}</h3>
      <p className="round__chains">{t('rating.doneSummary', { rated, total: order.length, skipped: skipped.size })}</p>
      <div className="round__closing-actions">
        <button type="button" className="button button--large" onClick={() => useRatingStore.getState().go(-1)}>
          ← {t('rating.back')}
        </button>
        <button type="button" className="button button--primary button--large" onClick={leaveRound}>
          {t('rating.leave')}
        </button>
      </div>
    </main>
  );
}

function RoundTimerControls() {
  const timer = useRatingStore((s) => s.timer);
  // the clock is read at each render; the interval only asks for one four times a second
  const [, setTick] = useState(0);
  const running = isRunning(timer);
  useEffect(() => {
    if (!running) return;
    const tick = window.setInterval(() => setTick((n) => n + 1), 250);
    return () => window.clearInterval(tick);
  }, [running]);
  const left = timeLeft(timer, Date.now());
  const set = useRatingStore.getState().setTimer;
  return (
    <div className={`round__timer${left === 0 ? ' is-up' : ''}`} role="group" aria-label={t('rating.timer')}>
      <select aria-label={t('rating.timerFor')} value={timer.mode} onChange={(e) => set(newTimer(e.target.value as TimerMode))}>
        <option value="touchpoint">{t('rating.timer.touchpoint')}</option>
        <option value="round">{t('rating.timer.round')}</option>
      </select>
      <select aria-label={t('rating.timerLength')} value={timer.durationMs} onChange={(e) => set(newTimer(timer.mode, Number(e.target.value)))}>
        {TIMER_CHOICES[timer.mode].map((ms) => (
          <option key={ms} value={ms}>
            {clockText(ms)}
          </option>
        ))}
      </select>
      <span className="round__clock" role="timer" aria-label={t('rating.timeLeft')}>
        {left === 0 ? t('rating.timeUp') : clockText(left)}
      </span>
      <button type="button" className="button" onClick={() => set(toggleTimer(useRatingStore.getState().timer, Date.now()))}>
        {running ? t('rating.timer.pause') : t('rating.timer.start')}
      </button>
    </div>
  );
}

function KeyLegend() {
  return (
    <footer className="round__keys" aria-label={t('rating.keys')}>
      {(['rating.key.score', 'rating.key.competitor', 'rating.key.importance', 'rating.key.next', 'rating.key.back', 'rating.key.skip', 'rating.key.timer', 'rating.key.undo', 'rating.key.leave'] as const).map((key) => (
        <span key={key}>{t(key)}</span>
      ))}
    </footer>
  );
}
