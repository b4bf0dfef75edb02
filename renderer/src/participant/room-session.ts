/**
 * The participant's connection to the room: identity (a secret kept in localStorage, the id
 * derived from it), the shared document, offline copy (IndexedDB) and the socket (y-websocket,
 * which reconnects by itself). The room server serves this page, so the socket is on its host.
 */
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isSecret, newSecret, participantIdOf, readParticipants, refusalKindOf, setParticipantName, type RefusalKind } from '@shared/room';

export type Connection = 'connecting' | 'online' | 'offline' | 'ended' | 'removed' | 'refused';

export interface RoomSession {
  readonly doc: Y.Doc;
  readonly participantId: string;
  connection(): Connection;
  onConnection(listener: () => void): () => void;
  /** The kind of the last refusal the room gave for a change of ours (said in the page's language). */
  lastRefusal(): RefusalKind | undefined;
}

const SECRET_KEY = 'touchmap.room.secret';

function secretOf(storage: Storage): string {
  const kept = storage.getItem(SECRET_KEY);
  if (isSecret(kept)) return kept;
  const secret = newSecret((bytes) => crypto.getRandomValues(bytes));
  storage.setItem(SECRET_KEY, secret);
  return secret;
}

export async function openRoomSession(token: string): Promise<RoomSession> {
  const secret = secretOf(localStorage);
  const participantId = await participantIdOf(secret, async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
  const doc = new Y.Doc();
  const offline = new IndexeddbPersistence(`touchmap-room-${token}-${participantId}`, doc);
  await offline.whenSynced;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const provider = new WebsocketProvider(`${scheme}://${location.host}`, 'room', doc, { params: { token, pk: secret }, disableBc: true, maxBackoffTime: 2500 });
  // Joining: once the room's state is here (so a name given earlier is not overwritten), the
  // participant appears in the facilitator's count, anonymous until they give a name.
  provider.on('sync', (synced: boolean) => {
    if (synced && !readParticipants(doc).has(participantId)) setParticipantName(doc, participantId, undefined);
  });
  let state: Connection = 'connecting';
  let refusal: RefusalKind | undefined;
  const listeners = new Set<() => void>();
  const set = (next: Connection) => {
    if (state === next) return;
    state = next;
    for (const listener of listeners) listener();
  };
  provider.on('status', ({ status }: { status: string }) => {
    if (state === 'ended' || state === 'removed') return;
    set(status === 'connected' ? 'online' : status === 'connecting' && state === 'connecting' ? 'connecting' : 'offline');
  });
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event?.code === 4410) set('ended');
    else if (event?.code === 4403) set('removed');
  });
  provider.on('connection-error', () => {
    if (state === 'connecting') set('offline');
  });
  provider.messageHandlers[2] = (_encoder, decoder) => {
    // The room's permission-denied message: its reason is shown, the page keeps working.
    decoding.readVarUint(decoder);
    refusal = refusalKindOf(decoding.readVarString(decoder));
    for (const listener of listeners) listener();
  };
  return {
    doc,
    participantId,
    connection: () => state,
    onConnection(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lastRefusal: () => refusal,
  };
}
