/** The room panel's own state: whether it is open, and the link to the room while there is one. */
import { create } from 'zustand';
import { connectRoom, parseOwnerUrl, type RoomLink } from './room-link';
import { startPublishing } from './room-publish';

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
    const link = connectRoom(ownerUrl);
    unsubscribe = link.subscribe(() => set((s) => ({ version: s.version + 1 })));
    stopPublishing = startPublishing(link);
    set({ link, error: null });
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
