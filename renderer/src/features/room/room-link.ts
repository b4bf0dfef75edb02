/**
 * The facilitator's link to a room server: a Yjs document synced over the owner's socket
 * (y-websocket). The map stays in the document store (Dexie is its store of record); what the
 * room shows participants is published from it, and whatever comes back becomes commands.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { parseOwnerUrl } from './owner-url';

export type LinkStatus = 'connecting' | 'connected' | 'disconnected' | 'refused';

export interface RoomLink {
  readonly doc: Y.Doc;
  readonly ownerUrl: string;
  status(): LinkStatus;
  /** Whether the room's state has arrived since the last connection. */
  synced(): boolean;
  /** Called on every change of the room document or of the connection. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export function connectRoom(ownerUrl: string): RoomLink {
  const parsed = parseOwnerUrl(ownerUrl);
  if (!parsed.ok) throw new Error(parsed.problem);
  const doc = new Y.Doc();
  let status: LinkStatus = 'connecting';
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const provider = new WebsocketProvider(parsed.server, 'room', doc, { params: { token: parsed.token }, disableBc: true, maxBackoffTime: 2500 });
  provider.on('status', ({ status: next }: { status: string }) => {
    if (status === 'refused') return;
    status = next === 'connected' ? 'connected' : next === 'connecting' && status === 'connecting' ? 'connecting' : 'disconnected';
    notify();
  });
  // A socket refused before it opens (a wrong token: HTTP 401) never reaches "connected".
  provider.on('connection-error', () => {
    if (status === 'connecting') {
      status = 'refused';
      provider.disconnect();
      notify();
    }
  });
  doc.on('update', notify);
  provider.on('sync', notify);
  return {
    doc,
    ownerUrl,
    status: () => status,
    synced: () => provider.synced,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      provider.destroy();
      doc.destroy();
      listeners.clear();
    },
  };
}
