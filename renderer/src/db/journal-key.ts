/**
 * Where the journal (`journal.ts`) lives in `localStorage`. Apart from the journal's reader so the
 * start can see whether there is any journal at all without loading the reader and its schemas.
 */
import type { MapId } from '@shared/model/types';

/** Every journal's `localStorage` key starts with this; the map id follows. */
export const JOURNAL_KEY_PREFIX = 'touchmap.journal.';

/** The `localStorage` key of one map's journal. */
export const journalKey = (mapId: MapId): string => `${JOURNAL_KEY_PREFIX}${mapId}`;

/** Whether `storage` holds any map's journal (false where the browser blocks storage). */
export function anyJournal(storage: Pick<Storage, 'length' | 'key'> | null): boolean {
  if (storage === null) return false;
  for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith(JOURNAL_KEY_PREFIX)) return true;
  return false;
}
