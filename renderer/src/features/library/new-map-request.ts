/**
 * File ▸ New map (Ctrl/Cmd+N) from anywhere: the library opens its New map dialog when asked.
 * A counter, not a flag, so asking twice in a row opens it twice.
 */
import { create } from 'zustand';

export const useNewMapRequest = create<{ readonly requests: number }>()(() => ({ requests: 0 }));

export function requestNewMap(): boolean {
  useNewMapRequest.setState((s) => ({ requests: s.requests + 1 }));
  return true;
}
