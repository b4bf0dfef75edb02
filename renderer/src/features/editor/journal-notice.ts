/**
 * Recovering the journal (`db/journal.ts`) and telling the user what came back, in the notice bar:
 * how many changes made just before Touchmap closed were recovered, or why they were not.
 */
import { recoverJournal, recoverJournals, type JournalOutcome } from '../../db/journal-recovery';
import type { JournalStorage } from '../../db/journal';
import { database } from '../../db/library';
import { useUiStore } from '../../store/ui-store';
import { t } from '../../i18n';
import type { MapId } from '@shared/model/types';

/** This page's `localStorage`, or null where the browser blocks it (then there is no journal). */
export function journalStorage(): JournalStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The notice's sentences for what recovery did; empty when there is nothing to say. */
export function journalNoticeText(outcomes: readonly JournalOutcome[]): string {
  let recovered = 0;
  let stale = 0;
  const damaged: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === 'recovered') recovered += outcome.changes;
    else if (outcome.kind === 'stale') stale += outcome.changes;
    else if (outcome.kind === 'damaged') damaged.push(outcome.reason);
  }
  const parts: string[] = [];
  if (recovered > 0) parts.push(t('journal.recovered', { count: recovered }));
  if (stale > 0) parts.push(t('journal.stale', { count: stale }));
  if (damaged.length > 0) parts.push(t('journal.damaged', { reason: damaged.join('; ') }));
  return parts.join(' ');
}

function tell(outcomes: readonly JournalOutcome[]): void {
  const text = journalNoticeText(outcomes);
  if (text === '') return;
  const problem = outcomes.some((outcome) => outcome.kind === 'stale' || outcome.kind === 'damaged');
  useUiStore.getState().notify(problem ? 'error' : 'info', text);
}

/** At start: applies every map's journal and says what came back. Never rejects. */
export async function recoverAllJournals(): Promise<void> {
  const storage = journalStorage();
  if (storage === null) return;
  tell(await recoverJournals(database(), storage));
}

/** Before a map opens: applies its journal, if another tab left one since the start. Never rejects. */
export async function recoverMapJournal(mapId: MapId): Promise<void> {
  const storage = journalStorage();
  if (storage === null) return;
  try {
    const outcome = await recoverJournal(database(), storage, mapId);
    if (outcome !== null) tell([outcome]);
  } catch (error) {
    console.error(`Touchmap: the unsaved changes of map ${mapId} could not be recovered yet; they are tried again on the next start.`, error);
  }
}
