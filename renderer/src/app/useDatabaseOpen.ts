/** The app's database open check (`db/open.ts`), as React state: opening, open, or failed with the problem. */
import { useEffect, useState } from 'react';
import { openAppDatabase } from '../db/library';
import type { OpenProblem } from '../db/open';

export type DatabaseState = { readonly phase: 'opening' } | { readonly phase: 'open' } | { readonly phase: 'failed'; readonly problem: OpenProblem };

export function useDatabaseOpen(): DatabaseState {
  const [state, setState] = useState<DatabaseState>({ phase: 'opening' });
  useEffect(() => {
    let live = true;
    void openAppDatabase().then((outcome) => {
      if (live) setState(outcome.ok ? { phase: 'open' } : { phase: 'failed', problem: outcome.problem });
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
