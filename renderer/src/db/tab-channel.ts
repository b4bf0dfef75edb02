/**
 * Tells the other tabs and windows of this app (same origin, same database) which rows of a map
 * this tab has just written, so each can merge them into its open copy within a moment
 * (`remote-rows.ts`). Only ids travel: the receiver reads the rows themselves from the database,
 * where every tab's writes have already been merged field by field.
 *
 * Where `BroadcastChannel` does not exist (an old engine, some test environments), nothing is sent
 * and nothing arrives: each tab then still never overwrites the other's fields, it only sees them
 * after reopening the map.
 */
import type { WrittenRows } from './remote-rows';

const CHANNEL_NAME = 'touchmap-saved-rows';

interface SavedRowsMessage {
  readonly kind: 'rows';
  readonly rows: WrittenRows;
}

/** A tab's end of the channel. */
export interface TabChannel {
  /** Tells the other tabs about a committed save. */
  announce(rows: WrittenRows): void;
  /** Calls `listener` for each save another tab announces; returns the unsubscribe function. */
  listen(listener: (rows: WrittenRows) => void): () => void;
  close(): void;
}

const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.every((id) => typeof id === 'string');

/** Whether a message is one this module sent (anything else on the channel is ignored). */
function isSavedRows(data: unknown): data is SavedRowsMessage {
  if (typeof data !== 'object' || data === null || (data as { kind?: unknown }).kind !== 'rows') return false;
  const rows = (data as { rows?: Partial<Record<keyof WrittenRows, unknown>> }).rows;
  return (
    typeof rows === 'object' &&
    rows !== null &&
    typeof rows.mapId === 'string' &&
    isIdList(rows.topics) &&
    isIdList(rows.topicsDeleted) &&
    isIdList(rows.chains) &&
    isIdList(rows.chainsDeleted)
  );
}

/**
 * Opens this tab's end of the channel.
 * @example const channel = openTabChannel(); channel.listen((rows) => merge(rows)); channel.announce(written);
 */
export function openTabChannel(name = CHANNEL_NAME): TabChannel {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
  const listeners = new Set<(rows: WrittenRows) => void>();
  if (channel) {
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isSavedRows(event.data)) return;
      for (const listener of listeners) listener(event.data.rows);
    };
  }
  return {
    announce(rows) {
      channel?.postMessage({ kind: 'rows', rows } satisfies SavedRowsMessage);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
    },
  };
}
