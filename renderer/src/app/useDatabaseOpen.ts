/**
 * The app's database open check (`db/open.ts`), as React state: opening, open, or failed with the
 * problem. Once open, the changes journaled just before the app last closed (`db/journal.ts`) are
 * applied before any screen reads a map, so the library's counts and the reopened map include them.
 */
import { useEffect, useState } from 'react';
import { openAppDatabase } from '../db/library';
import type { OpenOutcome, OpenProblem } from '../db/open';
import { anyJournal } from '../db/journal-key';

let opened: Promise<OpenOutcome> | null = null;

/** Opens the database and recovers the journals, once per page (React may run the effect twice). */
function openAndRecover(): Promise<OpenOutcome> {
  opened ??= openAppDatabase().then(async (outcome) => {
    // The journal's reader (and its schemas) loads only when there is a journal: most starts have none.
    if (outcome.ok && anyJournal(localStorageOrNull())) {
      await import('../features/editor/journal-notice')
        .then(({ recoverAllJournals }) => recoverAllJournals())
        .catch((error: unknown) => console.error('Touchmap: the journals could not be recovered.', error));
    }
    return outcome;
  });
  return opened;
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // a browser that blocks storage has no journal either
  }
}

export type DatabaseState = { readonly phase: 'opening' } | { readonly phase: 'open' } | { readonly phase: 'failed'; readonly problem: OpenProblem };

export function useDatabaseOpen(): DatabaseState {
  const [state, setState] = useState<DatabaseState>({ phase: 'opening' });
  useEffect(() => {
    let live = true;
    void openAndRecover().then((outcome) => {
      if (live) setState(outcome.ok ? { phase: 'open' } : { phase: 'failed', problem: outcome.problem });
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
