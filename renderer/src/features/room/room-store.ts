/** The room panel's own state: whether it is open, and the link to the room while there is one. */
import { create } from 'zustand';
import { useDocumentStore } from '../../store/document-store';
import { batchPerFrame, type FrameBatch } from './frame-batch';
import { parseOwnerUrl } from './owner-url';
import type { RoomLink } from './room-link';
import type { MapId } from '@shared/model/types';

interface RoomStore {
  readonly panelOpen: boolean;
  readonly link: RoomLink | null;
  /** Bumped once per frame in which the room changed, so the panel re-renders. */
  readonly version: number;
  readonly error: 'format' | 'token' | null;
  openPanel(): void;
  closePanel(): void;
  connect(ownerUrl: string): boolean;
  disconnect(): void;
}

let stopPublishing: (() => void) | null = null;

/**
 * The room this tab is connected to, for the map it serves. Kept in the tab's session storage so a
 * reload mid-workshop reconnects by itself — the round, the inbox and the ratings live in the room,
 * and the facilitator should not have to paste the address again with the room waiting. It goes
 * when the facilitator leaves or closes the room, and with the tab.
 */
const RESUME_KEY = 'touchmap.room.resume';

function remember(ownerUrl: string): void {
  const mapId = useDocumentStore.getState().doc?.map.id;
  try {
    if (mapId) sessionStorage.setItem(RESUME_KEY, JSON.stringify({ mapId, ownerUrl }));
  } catch {
    // storage refused (private mode, quota): the room still works, a reload asks for the address
  }
}

function forget(): void {
  try {
    sessionStorage.removeItem(RESUME_KEY);
  } catch {
    // nothing was kept
  }
}

/** The owner address this tab was using for `mapId` before a reload, if any. */
export function rememberedRoom(mapId: MapId): string | null {
  try {
    const kept: unknown = JSON.parse(sessionStorage.getItem(RESUME_KEY) ?? 'null');
    if (kept && typeof kept === 'object' && 'mapId' in kept && 'ownerUrl' in kept && kept.mapId === mapId && typeof kept.ownerUrl === 'string') return kept.ownerUrl;
  } catch {
    // unreadable: start afresh
  }
  return null;
}
let unsubscribe: (() => void) | null = null;
let repaint: FrameBatch | null = null;

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
      remember(ownerUrl);
      // Updates arriving between two frames are one re-render of the panel, at the next frame.
      repaint = batchPerFrame(() => set((s) => ({ version: s.version + 1 })));
      const changed = repaint;
      unsubscribe = link.subscribe(() => changed.request());
      stopPublishing = startPublishing(link);
      set({ link });
    });
    return true;
  },
  disconnect() {
    forget();
    stopPublishing?.();
    unsubscribe?.();
    repaint?.cancel();
    stopPublishing = unsubscribe = repaint = null;
    get().link?.destroy();
    set({ link: null });
  },
}));

/** After a reload: the room this tab served the open map with comes back, panel and all. */
export function resumeRoom(mapId: MapId): void {
  const store = useRoomStore.getState();
  const ownerUrl = rememberedRoom(mapId);
  if (!ownerUrl || store.link) return;
  store.openPanel();
  store.connect(ownerUrl);
}

export function openRoomPanel(): boolean {
  useRoomStore.getState().openPanel();
  return true;
}
