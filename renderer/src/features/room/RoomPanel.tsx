/**
 * The facilitator's room panel, beside the map: the address (text and QR code), who is in, the
 * inbox of proposed touchpoints, the rating round (open, live count, reveal, apply), and the
 * room's own controls (lock, remove a participant, close).
 */
import { memo, useEffect, useMemo, useState, type FormEvent } from 'react';
import { isTopicIdOf, touchpointsOf } from '@shared/model';
import { readInbox, readParticipants, readPublished, readRatings, readRound, removedParticipants, roomState, type InboxItem, type TopicTally } from '@shared/room';
import { formatNumber, t } from '../../i18n';
import { useDocumentStore } from '../../store/document-store';
import { qrDataUrl } from './qr-code';
import { acceptProposal, applyRoundScores, endRound, mergeProposal, rejectProposal, removeFromRoom, reveal, roundTallies, setState, startRound } from './room-actions';
import type { RoomLink } from './room-link';
import { desktopRoom } from '../../platform/room';
import type { RoomAddressChoice } from '@shared/ipc';
import { useRoomStore } from './room-store';
import { roundCountText } from './round-count';
import './room.css';

export function RoomPanelHost() {
  const open = useRoomStore((s) => s.panelOpen);
  const link = useRoomStore((s) => s.link);
  useRoomStore((s) => s.version);
  if (!open) return null;
  return (
    <aside className="room-panel" aria-label={t('room.panel.label')}>
      <header className="room-panel__header">
        <h2>{t('room.panel.title')}</h2>
        <button type="button" className="button button--ghost" onClick={() => useRoomStore.getState().closePanel()} aria-label={t('room.panel.hide')}>
          ✕
        </button>
      </header>
      <div className="room-panel__body">{link ? <LiveRoom link={link} /> : desktopRoom() ? <StartRoomForm /> : <ConnectForm />}</div>
    </aside>
  );
}

function ConnectForm() {
  const error = useRoomStore((s) => s.error);
  const [address, setAddress] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    useRoomStore.getState().connect(address);
  };
  return (
    <form onSubmit={submit} className="room-section">
      <p className="muted">{t('room.connect.hint')}</p>
      <label className="field">
        <span>{t('room.connect.label')}</span>
        <input value={address} onChange={(e) => setAddress(e.target.value)} placeholder={t('room.connect.placeholder')} spellCheck={false} />
      </label>
      {error ? <p role="alert" className="room-error">{t(`room.connect.error.${error}`)}</p> : null}
      <button type="submit" className="button button--primary">{t('room.connect.submit')}</button>
    </form>
  );
}

/** In the desktop app: choose the address phones will use, and the app starts the room itself. */
function StartRoomForm() {
  const [choices, setChoices] = useState<readonly RoomAddressChoice[]>([]);
  const [host, setHost] = useState('');
  const [port, setPort] = useState('4455');
  const [problem, setProblem] = useState<string | undefined>();
  const [starting, setStarting] = useState(false);
  useEffect(() => {
    void desktopRoom()?.roomAddresses().then((list) => {
      setChoices(list);
      setHost((current) => current || (list[0]?.address ?? ''));
    });
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const portNumber = Number(port);
    if (!Number.isInteger(portNumber) || portNumber < 1024 || portNumber > 65535) return setProblem(t('room.start.portBad'));
    setStarting(true);
    desktopRoom()!
      .openRoom({ host, port: portNumber })
      .then(
        (opened) => useRoomStore.getState().connect(opened.ownerUrl),
        (error: unknown) => setProblem(t('room.start.failed', { reason: String((error as Error)?.message ?? error) })),
      )
      .finally(() => setStarting(false));
  };
  return (
    <form onSubmit={submit} className="room-section">
      <p className="muted">{t('room.start.hint')}</p>
      <label className="field">
        <span>{t('room.start.address')}</span>
        <select value={host} onChange={(e) => setHost(e.target.value)}>
          {choices.map((choice) => (
            <option key={choice.address} value={choice.address}>
              {choice.internal ? t('room.start.thisComputer', { address: choice.address }) : `${choice.address} (${choice.interface})`}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('room.start.port')}</span>
        <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />
      </label>
      {problem ? <p role="alert" className="room-error">{problem}</p> : null}
      <button type="submit" className="button button--primary" disabled={!host || starting}>{t('room.start.submit')}</button>
    </form>
  );
}

function LiveRoom({ link }: { link: RoomLink }) {
  const status = link.status();
  if (status === 'refused') {
    return (
      <div className="room-section">
        <p role="alert" className="room-error">{t('room.status.refused')}</p>
        <button type="button" className="button" onClick={() => useRoomStore.getState().disconnect()}>{t('room.connect.again')}</button>
      </div>
    );
  }
  const state = roomState(link.doc);
  return (
    <>
      <p className={`room-status room-status--${status}`} role="status">{t(`room.status.${status}`)}{state !== 'open' ? ` · ${t(`room.state.${state}`)}` : ''}</p>
      <AddressSection link={link} />
      <ParticipantsSection link={link} />
      <InboxSection link={link} />
      <RoundSection link={link} />
      <ControlsSection link={link} />
    </>
  );
}

function AddressSection({ link }: { link: RoomLink }) {
  const address = link.doc.getMap('room').get('address');
  const url = typeof address === 'string' ? address : '';
  const [qr, setQr] = useState('');
  useEffect(() => {
    if (!url) return;
    let live = true;
    void qrDataUrl(url, '#000000', '#ffffff').then((data) => live && setQr(data));
    return () => {
      live = false;
    };
  }, [url]);
  if (!url) return null;
  return (
    <section className="room-section" aria-labelledby="room-address">
      <h3 id="room-address">{t('room.address.heading')}</h3>
      {qr ? <img className="room-qr" src={qr} alt={t('room.address.qr', { url })} width={180} height={180} /> : null}
      <p className="room-address" aria-label={t('room.address.label')}>{url}</p>
      <p className="muted room-small">{t('room.address.lanOnly')}</p>
    </section>
  );
}

function ParticipantsSection({ link }: { link: RoomLink }) {
  const removed = new Set(removedParticipants(link.doc));
  const people = [...readParticipants(link.doc)].filter(([id]) => !removed.has(id));
  return (
    <section className="room-section" aria-labelledby="room-people">
      <h3 id="room-people">{t('room.participants.heading', { count: people.length })}</h3>
      {people.length > 0 ? (
        <ul className="room-list">
          {people.map(([id, person]) => (
            <li key={id}>
              <span>{person.name ?? t('room.participants.anonymous', { id: id.slice(1, 5) })}</span>
              <button type="button" className="button button--ghost button--danger" onClick={() => removeFromRoom(link, id)} aria-label={t('room.participants.remove', { name: person.name ?? id.slice(1, 5) })}>
                {t('room.participants.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('room.participants.none')}</p>
      )}
    </section>
  );
}

function InboxSection({ link }: { link: RoomLink }) {
  const stageList = useDocumentStore((s) => s.doc?.map.stages);
  const waiting = readInbox(link.doc).filter((item) => !item.decision);
  const names = readParticipants(link.doc);
  const stages = useMemo(() => new Map<string, string>(stageList?.map((stage) => [stage.id, stage.name]) ?? []), [stageList]);
  return (
    <section className="room-section" aria-labelledby="room-inbox">
      <h3 id="room-inbox">{t('room.inbox.heading', { count: waiting.length })}</h3>
      {waiting.length === 0 ? <p className="muted">{t('room.inbox.empty')}</p> : null}
      <ul className="room-inbox">
        {waiting.map((item) => (
          <InboxRow key={item.key} link={link} item={item} from={names.get(item.participantId)?.name} stage={item.stageId ? stages.get(item.stageId) : undefined} />
        ))}
      </ul>
    </section>
  );
}

interface InboxRowProps {
  readonly link: RoomLink;
  readonly item: InboxItem;
  readonly from?: string | undefined;
  readonly stage?: string | undefined;
}

/** The same row as before: the room re-reads its inbox on every change, so items are new objects each time. */
function sameInboxRow(a: InboxRowProps, b: InboxRowProps): boolean {
  const x = a.item;
  const y = b.item;
  return a.link === b.link && a.from === b.from && a.stage === b.stage && x.key === y.key && x.label === y.label && x.stageId === y.stageId && x.channel === y.channel && x.note === y.note && x.decision === y.decision;
}

/**
 * A row re-renders only when its proposal changed: with 150 proposals waiting, re-rendering all of
 * them on each phone's tap took the facilitator's frames.
 */
const InboxRow = memo(function InboxRow({ link, item, from, stage }: InboxRowProps) {
  const [mergeInto, setMergeInto] = useState('');
  // The map's touchpoints as merge targets only once the picker is used: 150 rows × every
  // touchpoint of a workshop map were hundreds of thousands of options in the page.
  const [picking, setPicking] = useState(false);
  const details = [stage, item.channel ? t(`participant.channel.${item.channel}`) : undefined, from ? t('room.inbox.from', { name: from }) : undefined].filter(Boolean).join(' · ');
  return (
    <li className="room-inbox__item" aria-label={item.label}>
      <strong>{item.label}</strong>
      {details ? <span className="muted room-small">{details}</span> : null}
      {item.note ? <span className="room-note">{item.note}</span> : null}
      <div className="room-inbox__actions">
        <button type="button" className="button button--primary" onClick={() => acceptProposal(link, item)} aria-label={t('room.inbox.accept', { label: item.label })}>
          {t('room.inbox.acceptShort')}
        </button>
        <select value={mergeInto} onChange={(e) => setMergeInto(e.target.value)} onFocus={() => setPicking(true)} onPointerDown={() => setPicking(true)} aria-label={t('room.inbox.mergeInto', { label: item.label })}>
          <option value="">{t('room.inbox.mergePick')}</option>
          {picking ? <MergeTargets /> : null}
        </select>
        <button type="button" className="button" disabled={!mergeInto} onClick={() => {
            // the picker's value is text: it becomes a topic id only if the map still has that touchpoint
            const doc = useDocumentStore.getState().doc;
            if (doc && isTopicIdOf(doc, mergeInto)) mergeProposal(link, item, mergeInto);
          }}>
          {t('room.inbox.mergeShort')}
        </button>
        <button type="button" className="button button--ghost button--danger" onClick={() => rejectProposal(link, item)} aria-label={t('room.inbox.reject', { label: item.label })}>
          {t('room.inbox.rejectShort')}
        </button>
      </div>
    </li>
  );
}, sameInboxRow);

/** The map's touchpoints, as options of the merge picker that is open. */
function MergeTargets() {
  const doc = useDocumentStore((s) => s.doc);
  const touchpoints = useMemo(() => (doc ? touchpointsOf(doc) : []), [doc]);
  return (
    <>
      {touchpoints.map((tp) => (
        <option key={tp.id} value={tp.id}>{tp.label}</option>
      ))}
    </>
  );
}

function useNow(active: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function RoundSection({ link }: { link: RoomLink }) {
  const round = readRound(link.doc);
  const now = useNow(round?.open === true && round.endsAt !== undefined);
  const endsAt = round?.endsAt ? Date.parse(round.endsAt) : undefined;
  // The timer's end closes the round (the facilitator's app is the one that may).
  useEffect(() => {
    if (round?.open && endsAt !== undefined && now >= endsAt) endRound(link);
  }, [round?.open, endsAt, now, link]);
  return (
    <section className="room-section" aria-labelledby="room-round">
      <h3 id="room-round">{t('room.round.heading')}</h3>
      {round?.open ? <OpenRound link={link} remaining={endsAt !== undefined ? Math.max(0, Math.ceil((endsAt - now) / 1000)) : undefined} /> : null}
      {round && !round.open && !round.revealed ? <ClosedRound link={link} /> : null}
      {round?.revealed ? <RevealedRound link={link} /> : null}
      {!round?.open ? <NewRound link={link} /> : null}
    </section>
  );
}

function NewRound({ link }: { link: RoomLink }) {
  const doc = useDocumentStore((s) => s.doc);
  const touchpoints = useMemo(() => (doc ? touchpointsOf(doc) : []), [doc]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [minutes, setMinutes] = useState('');
  const toggle = (id: string) => setChosen((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const ids = touchpoints.filter((tp) => chosen.has(tp.id)).map((tp) => tp.id);
  const minutesValue = minutes.trim() === '' ? undefined : Number(minutes);
  const minutesBad = minutesValue !== undefined && (!Number.isFinite(minutesValue) || minutesValue <= 0 || minutesValue > 120);
  return (
    <div className="room-new-round">
      <fieldset className="room-choose">
        <legend>{t('room.round.choose')}</legend>
        <button type="button" className="button button--ghost" onClick={() => setChosen(new Set(touchpoints.map((tp) => tp.id)))}>{t('room.round.all')}</button>
        {touchpoints.map((tp) => (
          <label key={tp.id} className="room-check">
            <input type="checkbox" checked={chosen.has(tp.id)} onChange={() => toggle(tp.id)} />
            {tp.label}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('room.round.minutes')}</span>
        <input inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-invalid={minutesBad} />
      </label>
      {minutesBad ? <p role="alert" className="room-error">{t('room.round.minutesBad')}</p> : null}
      <button type="button" className="button button--primary" disabled={ids.length === 0 || minutesBad} onClick={() => startRound(link, ids, minutesValue)}>
        {t('room.round.open', { count: ids.length })}
      </button>
    </div>
  );
}

function ratingCounts(link: RoomLink) {
  const ratings = readRatings(link.doc);
  let count = 0;
  for (const own of ratings.values()) for (const rating of own.values()) if (rating.score !== undefined) count++;
  return { ratings: count, raters: [...ratings.values()].filter((own) => own.size > 0).length };
}

function OpenRound({ link, remaining }: { link: RoomLink; remaining?: number }) {
  return (
    <div className="room-round-live">
      <p role="status" aria-live="polite">{roundCountText(ratingCounts(link))}</p>
      {remaining !== undefined ? <p className="muted">{t('room.round.remaining', { time: `${Math.floor(remaining / 60)}:${String(remaining % 60).padStart(2, '0')}` })}</p> : null}
      <p className="muted room-small">{t('room.round.hidden')}</p>
      <div className="room-row">
        <button type="button" className="button" onClick={() => endRound(link)}>{t('room.round.close')}</button>
        <button type="button" className="button button--primary" onClick={() => reveal(link)}>{t('room.round.reveal')}</button>
      </div>
    </div>
  );
}

function ClosedRound({ link }: { link: RoomLink }) {
  return (
    <div className="room-round-live">
      <p>{roundCountText(ratingCounts(link), true)}</p>
      <button type="button" className="button button--primary" onClick={() => reveal(link)}>{t('room.round.reveal')}</button>
    </div>
  );
}

function RevealedRound({ link }: { link: RoomLink }) {
  const published = readPublished(link.doc);
  const labels = new Map(published.touchpoints.map((tp) => [tp.id, tp.label]));
  const tallies = roundTallies(link);
  const [applied, setApplied] = useState(false);
  return (
    <div className="room-results">
      <table className="room-table">
        <caption className="visually-hidden">{t('room.results.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('room.results.touchpoint')}</th>
            <th scope="col">{t('room.results.mean')}</th>
            <th scope="col">{t('room.results.spread')}</th>
            <th scope="col">{t('room.results.histogram')}</th>
          </tr>
        </thead>
        <tbody>
          {tallies.map((tally) => (
            <tr key={tally.topicId}>
              <th scope="row">{labels.get(tally.topicId) ?? tally.topicId}</th>
              <td className="room-nowrap">{tally.mean !== undefined ? oneDecimal(tally.mean) : '—'}<span className="muted room-small"> ({tally.count})</span></td>
              <td className="room-nowrap">{tally.spread !== undefined ? `±${oneDecimal(tally.spread)} · ${tally.min}–${tally.max}` : '—'}</td>
              <td><Histogram tally={tally} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button button--primary"
        onClick={() => setApplied(applyRoundScores(link))}
      >
        {t('room.results.apply')}
      </button>
      {applied ? <p role="status" className="muted">{t('room.results.applied')}</p> : null}
    </div>
  );
}

/** 8.5 in English, 8,5 in Russian: the UI language's decimal sign. */
const oneDecimal = (value: number) => formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function Histogram({ tally }: { tally: TopicTally }) {
  const most = Math.max(1, ...tally.histogram);
  const text = tally.histogram.map((n, score) => (n > 0 ? `${score}: ${n}` : '')).filter(Boolean).join(', ');
  return (
    <span className="room-histogram" role="img" aria-label={t('room.results.histogramLabel', { values: text || '—' })}>
      {tally.histogram.map((n, score) => (
        <span key={score} className="room-histogram__bar" style={{ height: `${Math.round((n / most) * 100)}%` }} />
      ))}
    </span>
  );
}

/** The desktop app stops its server a moment after the room is closed, once phones were told. */
function stopDesktopRoom() {
  const room = desktopRoom();
  if (!room) return;
  setTimeout(() => {
    useRoomStore.getState().disconnect();
    void room.closeRoom();
  }, 1000);
}

function ControlsSection({ link }: { link: RoomLink }) {
  const state = roomState(link.doc);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="room-section" aria-labelledby="room-controls">
      <h3 id="room-controls">{t('room.controls.heading')}</h3>
      <div className="room-row">
        {state === 'locked' ? (
          <button type="button" className="button" onClick={() => setState(link, 'open')}>{t('room.controls.unlock')}</button>
        ) : (
          <button type="button" className="button" disabled={state === 'closed'} onClick={() => setState(link, 'locked')}>{t('room.controls.lock')}</button>
        )}
        {confirming ? (
          <>
            <button type="button" className="button button--danger-solid" onClick={() => (setState(link, 'closed'), setConfirming(false), stopDesktopRoom())}>{t('room.controls.closeConfirm')}</button>
            <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
          </>
        ) : (
          <button type="button" className="button button--danger" disabled={state === 'closed'} onClick={() => setConfirming(true)}>{t('room.controls.close')}</button>
        )}
      </div>
      {state === 'closed' ? (
        <button type="button" className="button" onClick={() => setState(link, 'open')}>{t('room.controls.reopen')}</button>
      ) : null}
      <button type="button" className="button button--ghost" onClick={() => useRoomStore.getState().disconnect()}>{t('room.controls.leave')}</button>
    </section>
  );
}
