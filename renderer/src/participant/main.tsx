/** The participant page's entry: speaks the phone's language, reads the room token from the address and opens the session. */
import { createRoot } from 'react-dom/client';
import { t } from '../i18n';
import { ParticipantApp } from './ParticipantApp';
import { openRoomSession } from './room-session';
import { applyPhoneLanguage } from './language';
import './participant.css';

const root = createRoot(document.getElementById('root')!);
const token = new URLSearchParams(location.search).get('token');
const notice = (title: string, body: string) => <main className="participant participant-notice"><h1>{title}</h1><p>{body}</p></main>;

// The session opens while the phone's language table is fetched; nothing renders before both, so
// a Russian or Japanese phone never shows English first.
const languageReady = applyPhoneLanguage();
if (!token) {
  void languageReady.then(() => root.render(notice(t('participant.noToken.title'), t('participant.noToken.body'))));
} else {
  Promise.all([openRoomSession(token), languageReady]).then(
    ([session]) => root.render(<ParticipantApp session={session} />),
    (error: unknown) => void languageReady.then(() => root.render(notice(t('participant.failed'), String((error as Error)?.message ?? error)))),
  );
}
