/** The room panel's own state: whether it is open, and the link to the room while there is one. */
import { create } from 'zustand';
import { parseOwnerUrl } from './owner-url';
import type { RoomLink } from './room-link';

interface RoomStore {
  readonly panelOpen: boolean;
  readonly link: RoomLink | null;
  /** Bumped on every change of the room, so the panel re-renders. */
  readonly version: number;
  readonly error: 'format' | 'token' | null;
  openPanel(): void;
  closePanel(): void;
  connect(ownerUrl: string): boolean;
  disconnect(): void;
}

let stopPublishing: (() => void) | null = null;
let unsubscribe: (() => void) | null = null;

export const useRoomStore = create<RoomStore>((set, get) => ({
  panelOpen: false,
  link: null,
  version: 0,
  error: null,
  openPanel: () => set({ panelOpen: true }),
  closePanel: () => set({ panelOpen: false }),
  connect(ownerUrl) {
    const parsed = parseOwnerUrl(ownerUrl);
    if (!parsed.ok) {
      set({ error: parsed.problem });
      return false;
    }
    get().disconnect();
    set({ error: null });
    // Yjs and the socket load with the first room, not with the app.
    void Promise.all([import('./room-link'), import('./room-publish')]).then(([{ connectRoom }, { startPublishing }]) => {
      const link = connectRoom(ownerUrl);
      unsubscribe = link.subscribe(() => set((s) => ({ version: s.version + 1 })));
      stopPublishing = startPublishing(link);
      set({ link });
    });
    return true;
  },
  disconnect() {
    stopPublishing?.();
    unsubscribe?.();
    stopPublishing = unsubscribe = null;
    get().link?.destroy();
    set({ link: null });
  },
}));

export function openRoomPanel(): boolean {
  useRoomStore.getState().openPanel();
  return true;
}
