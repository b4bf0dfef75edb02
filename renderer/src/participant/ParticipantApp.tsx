/** The participant's page: name, the map by stage, proposing touchpoints, rating the open round. */
import { useEffect, useId, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import {
  ROOM_LIMITS,
  propose,
  rate,
  readInbox,
  readParticipants,
  readPublished,
  readRatings,
  readRound,
  roomState,
  setParticipantName,
  type RefusalKind,
  type RoomChannel,
} from '@shared/room';
import { t, useLanguage } from '../i18n';
import { LANGUAGE_NAMES, UI_LANGUAGES, isUiLanguage } from '@shared/i18n/languages';
import type { RoomSession } from './room-session';
import { choosePhoneLanguage } from './language';
import type { MessageKey } from '../i18n';

/** Each refusal the room can send, as the phone says it. */
const REFUSAL_TEXT: Readonly<Record<RefusalKind, MessageKey>> = {
  'too-big': 'participant.refused.too-big',
  'room-locked': 'participant.refused.room-locked',
  'room-closed': 'participant.refused.room-closed',
  removed: 'participant.refused.removed',
  'no-round': 'participant.refused.no-round',
  invalid: 'participant.refused.invalid',
};

/** Re-renders on every change of the room document or of the connection. */
function useRoom(session: RoomSession) {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    session.doc.on('update', bump);
    const off = session.onConnection(bump);
    // The first render read the document before this listened: the room's state can arrive in
    // between (a busy phone, a language table still loading), and the page then waited for the
    // facilitator until the next change. Read it again now that nothing can be missed.
    bump();
    return () => {
      session.doc.off('update', bump);
      off();
    };
  }, [session]);
  return version;
}

export function ParticipantApp({ session }: { session: RoomSession }) {
  useRoom(session);
  // The whole page re-renders when the person picks another language.
  useLanguage();
  const connection = useSyncExternalStore(session.onConnection, session.connection);
  const { doc, participantId: me } = session;
  const published = readPublished(doc);
  const ended = connection === 'ended' || roomState(doc) === 'closed';
  if (connection === 'removed') return <Notice title={t('participant.removed.title')} body={t('participant.removed.body')} />;
  if (ended) return <Notice title={t('participant.ended.title')} body={t('participant.ended.body')} />;
  const locked = roomState(doc) === 'locked';
  return (
    <main className="participant">
      <header className="participant-header">
        <h1>{published.title || t('participant.waiting')}</h1>
        <div className="participant-header-row">
          <p className={`participant-status participant-status-${connection}`} role="status">
            {t(`participant.connection.${connection === 'refused' ? 'offline' : connection}`)}
          </p>
          <LanguagePicker />
        </div>
        {published.slide ? (
          <p className="participant-slide" aria-label={t('participant.slide.label')}>
            {published.slide.total > 1
              ? t('participant.slide', { index: published.slide.index + 1, total: published.slide.total, title: published.slide.title })
              : t('participant.onScreen', { title: published.slide.title })}
          </p>
        ) : null}
      </header>
      {locked ? <p className="participant-locked" role="note">{t('participant.locked')}</p> : null}
      {session.lastRefusal() ? <p className="participant-refused" role="alert">{t(REFUSAL_TEXT[session.lastRefusal() ?? 'invalid'])}</p> : null}
      <NameSection session={session} />
      <RoundSection session={session} disabled={locked} />
      <ProposeSection session={session} disabled={locked} />
      <MapSection session={session} />
      <MyProposals session={session} me={me} />
    </main>
  );
}

/** The page's language, each in its own name; the phone's own language is picked to begin with. */
function LanguagePicker() {
  const language = useLanguage();
  return (
    <select
      className="participant-language"
      value={language}
      aria-label={t('participant.language')}
      onChange={(event) => {
        if (isUiLanguage(event.target.value)) void choosePhoneLanguage(event.target.value);
      }}
    >
      {UI_LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </select>
  );
}

function Notice({ title, body }: { title: string; body: string }) {
  return (
    <main className="participant participant-notice">
      <h1>{title}</h1>
      <p>{body}</p>
    </main>
  );
}

function NameSection({ session }: { session: RoomSession }) {
  const current = readParticipants(session.doc).get(session.participantId)?.name ?? '';
  const [name, setName] = useState(current);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParticipantName(session.doc, session.participantId, name);
  };
  return (
    <section aria-labelledby="name-heading" className="participant-card">
      <h2 id="name-heading">{t('participant.name.heading')}</h2>
      <form onSubmit={submit} className="participant-row">
        <label className="participant-grow">
          <span className="visually-hidden">{t('participant.name.label')}</span>
          <input value={name} maxLength={ROOM_LIMITS.name} placeholder={t('participant.name.placeholder')} aria-label={t('participant.name.label')} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{t('participant.name.save')}</button>
      </form>
      <p className="participant-hint">{current ? t('participant.name.shown', { name: current }) : t('participant.name.anonymous')}</p>
    </section>
  );
}

function RoundSection({ session, disabled }: { session: RoomSession; disabled: boolean }) {
  const round = readRound(session.doc);
  if (!round?.open) return null;
  const published = readPublished(session.doc);
  const labels = new Map(published.touchpoints.map((tp) => [tp.id, tp.label]));
  const mine = readRatings(session.doc).get(session.participantId);
  return (
    <section aria-labelledby="round-heading" className="participant-card">
      <h2 id="round-heading">{t('participant.round.heading')}</h2>
      <p className="participant-hint">{t('participant.round.hint')}</p>
      {round.topicIds.map((topicId) => {
        const label = labels.get(topicId) ?? topicId;
        const rating = mine?.get(topicId);
        return (
          <fieldset key={topicId} className="participant-rating" disabled={disabled}>
            <legend>{label}</legend>
            <Scale
              label={t('participant.round.score', { label })}
              caption={t('participant.round.scoreCaption')}
              from={0}
              value={rating?.score}
              onPick={(score) => rate(session.doc, session.participantId, topicId, { score })}
            />
            <Scale
              label={t('participant.round.importance', { label })}
              caption={t('participant.round.importanceCaption')}
              from={1}
              value={rating?.importance}
              onPick={(importance) => rate(session.doc, session.participantId, topicId, { importance })}
            />
          </fieldset>
        );
      })}
    </section>
  );
}

function Scale({ label, caption, from, value, onPick }: { label: string; caption: string; from: number; value?: number; onPick: (n: number) => void }) {
  const values = Array.from({ length: 11 - from }, (_, i) => i + from);
  return (
    <div className="participant-scale">
      <span className="participant-scale-caption">{caption}</span>
      <div role="radiogroup" aria-label={label} className="participant-scale-buttons">
        {values.map((n) => (
          <button key={n} type="button" role="radio" aria-checked={value === n} className={value === n ? 'is-picked' : undefined} onClick={() => onPick(n)}>
            {n}
          </button>
        ))}
      </div>
    </div>
  );
}

function ProposeSection({ session, disabled }: { session: RoomSession; disabled: boolean }) {
  const published = readPublished(session.doc);
  const [label, setLabel] = useState('');
  const [stageId, setStageId] = useState('');
  const [channel, setChannel] = useState<RoomChannel | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const count = readInbox(session.doc).filter((item) => item.participantId === session.participantId).length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (label.trim() === '') return setError(t('participant.propose.labelRequired'));
    if (count >= ROOM_LIMITS.proposalsPerParticipant) return setError(t('participant.propose.tooMany', { count: ROOM_LIMITS.proposalsPerParticipant }));
    propose(session.doc, session.participantId, crypto.randomUUID(), {
      label: label.trim(),
      ...(stageId ? { stageId } : {}),
      ...(channel ? { channel } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      createdAt: new Date().toISOString(),
    });
    setLabel('');
    setNote('');
    setError(undefined);
    setSent(true);
  };
  return (
    <section aria-labelledby="propose-heading" className="participant-card">
      <h2 id="propose-heading">{t('participant.propose.heading')}</h2>
      <form onSubmit={submit} className="participant-form">
        <Field label={t('participant.propose.label')}>
          {(id) => <input id={id} value={label} maxLength={ROOM_LIMITS.label} onChange={(e) => { setLabel(e.target.value); setSent(false); }} disabled={disabled} />}
        </Field>
        <Field label={t('participant.propose.stage')}>
          {(id) => (
            <select id={id} value={stageId} onChange={(e) => setStageId(e.target.value)} disabled={disabled}>
              <option value="">{t('participant.propose.noStage')}</option>
              {published.stages.map((stage) => (
                <option key={stage.id} value={stage.id}>{stage.name}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('participant.propose.channel')}>
          {(id) => (
            <select id={id} value={channel} onChange={(e) => setChannel(e.target.value as RoomChannel | '')} disabled={disabled}>
              <option value="">{t('participant.propose.noChannel')}</option>
              <option value="online">{t('participant.channel.online')}</option>
              <option value="offline">{t('participant.channel.offline')}</option>
            </select>
          )}
        </Field>
        <Field label={t('participant.propose.note')}>
          {(id) => <textarea id={id} value={note} maxLength={ROOM_LIMITS.note} rows={2} onChange={(e) => setNote(e.target.value)} disabled={disabled} />}
        </Field>
        {error ? <p role="alert" className="participant-error">{error}</p> : null}
        {sent ? <p role="status" className="participant-hint">{t('participant.propose.sent')}</p> : null}
        <button type="submit" disabled={disabled}>{t('participant.propose.submit')}</button>
      </form>
    </section>
  );
}

/** A label above its control, tied by id (a wrapping label would take the options' text into its name). */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="participant-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function MapSection({ session }: { session: RoomSession }) {
  const published = readPublished(session.doc);
  const stages = [...published.stages, { id: '', name: t('participant.map.noStage') }];
  return (
    <section aria-labelledby="map-heading" className="participant-card">
      <h2 id="map-heading">{t('participant.map.heading')}</h2>
      {published.touchpoints.length === 0 ? <p className="participant-hint">{t('participant.map.empty')}</p> : null}
      {stages.map((stage) => {
        const here = published.touchpoints.filter((tp) => (tp.stageId ?? '') === stage.id);
        if (here.length === 0) return null;
        return (
          <div key={stage.id || 'none'} className="participant-stage">
            <h3>{stage.name}</h3>
            <ul aria-label={stage.name}>
              {here.map((tp) => (
                <li key={tp.id}>
                  {tp.label}
                  {tp.channel ? <span className="participant-channel"> · {t(`participant.channel.${tp.channel}`)}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function MyProposals({ session, me }: { session: RoomSession; me: string }) {
  const mine = readInbox(session.doc).filter((item) => item.participantId === me);
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="mine-heading" className="participant-card">
      <h2 id="mine-heading">{t('participant.mine.heading')}</h2>
      <ul>
        {mine.map((item) => (
          <li key={item.key}>
            {item.label} — {t(`participant.decision.${item.decision ?? 'waiting'}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
