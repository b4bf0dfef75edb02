/** The participant page's entry: reads the room token from the address and opens the session. */
import { createRoot } from 'react-dom/client';
import { t } from '../i18n';
import { ParticipantApp } from './ParticipantApp';
import { openRoomSession } from './room-session';
import './participant.css';

const root = createRoot(document.getElementById('root')!);
const token = new URLSearchParams(location.search).get('token');
if (!token) {
  root.render(<main className="participant participant-notice"><h1>{t('participant.noToken.title')}</h1><p>{t('participant.noToken.body')}</p></main>);
} else {
  openRoomSession(token).then(
    (session) => root.render(<ParticipantApp session={session} />),
    (error: unknown) => root.render(<main className="participant participant-notice"><h1>{t('participant.failed')}</h1><p>{String((error as Error)?.message ?? error)}</p></main>),
  );
}
