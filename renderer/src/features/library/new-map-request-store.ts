/**
 * File ▸ New map (Ctrl/Cmd+N) from anywhere: the library opens its New map dialog when asked.
 * A request is pending until the library takes it, so it opens the dialog once: coming back to
 * the library later ("All maps") must not open it again. Asking while the dialog is open makes a
 * new request, which the library takes at once.
 */
import { create } from 'zustand';

export const useNewMapRequestStore = create<{ readonly pending: boolean }>()(() => ({ pending: false }));

export function requestNewMap(): boolean {
  useNewMapRequestStore.setState({ pending: true });
  return true;
}

/** Takes the pending request, if any: true once per request. */
export function takeNewMapRequest(): boolean {
  if (!useNewMapRequestStore.getState().pending) return false;
  useNewMapRequestStore.setState({ pending: false });
  return true;
}
