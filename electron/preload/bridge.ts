/**
 * The bridge object the preload exposes as `window.touchmap` (shared/ipc.ts TouchmapBridge),
 * built from an ipcRenderer passed in — so a unit test builds it from a fake, and nothing here
 * needs Electron.
 *
 * What it guarantees the renderer:
 * - one method per operation; ipcRenderer and its event objects never reach the page (a
 *   listener gets the payload only — the event's `sender` would be ipcRenderer itself);
 * - every on…() returns its unsubscribe function;
 * - .touchmap files that arrive before the first onOpenFile listener wait here and go to it;
 * - a quit request with no onBeforeQuit listener is answered "ready" at once (nothing to flush),
 *   and confirmQuitReady answers the request it belongs to.
 */
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type AppInfo,
  type BackUpMapResult,
  type BeforeQuitRequest,
  type MenuOperation,
  type OpenedFile,
  type OpenedRoom,
  type PrintResult,
  type RoomAddressChoice,
  type SaveFileResult,
  type TouchmapBridge,
  type Unsubscribe,
} from '../../shared/ipc';
import { mapIdFrom, type MapId } from '../../shared/model/ids';

/** What the bridge needs of Electron's ipcRenderer. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type Listener<T> = (payload: T) => void;

/** A set of page listeners for one main → renderer event; a throwing listener does not stop the others. */
class Listeners<T> {
  private readonly set = new Set<Listener<T>>();
  add(listener: Listener<T>): Unsubscribe {
    if (typeof listener !== 'function') throw new TypeError('Touchmap bridge: a listener must be a function.');
    // Wrapped so the same function subscribed twice is two subscriptions, each removed by its own unsubscribe.
    const entry: Listener<T> = (payload) => listener(payload);
    this.set.add(entry);
    return () => {
      this.set.delete(entry);
    };
  }
  get size(): number {
    return this.set.size;
  }
  emit(payload: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(payload);
      } catch (error) {
        console.error('Touchmap bridge: a listener threw', error);
      }
    }
  }
}

export function createBridge(ipc: IpcRendererLike): TouchmapBridge {
  const menuOperations = new Listeners<MenuOperation>();
  const recentMaps = new Listeners<MapId>();
  const openFiles = new Listeners<OpenedFile>();
  const beforeQuit = new Listeners<void>();
  const waitingFiles: OpenedFile[] = [];
  let pendingQuitId: number | undefined;

  ipc.on(EVENT_CHANNELS.menuOperation, (_event, action) => menuOperations.emit(action as MenuOperation));
  // The main process sends back an id the renderer gave it for its recent maps list.
  ipc.on(EVENT_CHANNELS.openRecentMap, (_event, mapId) => recentMaps.emit(mapIdFrom(String(mapId))));
  ipc.on(EVENT_CHANNELS.openFile, (_event, file) => {
    const opened = file as OpenedFile;
    // Another tool's file (XMind, Excel…) comes as bytes; only a real byte array passes.
    const handed: OpenedFile = { name: opened.name, text: opened.text, ...(opened.bytes instanceof Uint8Array && { bytes: opened.bytes }) };
    if (openFiles.size > 0) openFiles.emit(handed);
    else waitingFiles.push(handed);
  });
  ipc.on(EVENT_CHANNELS.beforeQuit, (_event, request) => {
    const requestId = (request as BeforeQuitRequest).requestId;
    if (beforeQuit.size === 0) {
      void ipc.invoke(INVOKE_CHANNELS.confirmQuitReady, { requestId, ok: true });
      return;
    }
    pendingQuitId = requestId;
    beforeQuit.emit(undefined);
  });

  return {
    getAppInfo: () => ipc.invoke(INVOKE_CHANNELS.getAppInfo) as Promise<AppInfo>,
    saveFile: (args) => ipc.invoke(INVOKE_CHANNELS.saveFile, args) as Promise<SaveFileResult>,
    openTouchmapFile: () => ipc.invoke(INVOKE_CHANNELS.openTouchmapFile) as Promise<OpenedFile | null>,
    printToPDF: (job) => ipc.invoke(INVOKE_CHANNELS.printToPDF, job) as Promise<Uint8Array>,
    print: (job) => ipc.invoke(INVOKE_CHANNELS.print, job) as Promise<PrintResult>,
    openExternal: (url) => ipc.invoke(INVOKE_CHANNELS.openExternal, url) as Promise<boolean>,
    setMenuState: async (patch) => {
      await ipc.invoke(INVOKE_CHANNELS.setMenuState, patch);
    },
    onMenuOperation: (listener) => menuOperations.add(listener),
    onOpenRecentMap: (listener) => recentMaps.add(listener),
    onOpenFile: (listener) => {
      const unsubscribe = openFiles.add(listener);
      if (openFiles.size === 1) {
        for (const file of waitingFiles.splice(0)) openFiles.emit(file);
        // Main queues files until someone listens; now someone does.
        void ipc.invoke(INVOKE_CHANNELS.openFileReady);
      }
      return unsubscribe;
    },
    onBeforeQuit: (listener) => beforeQuit.add(listener),
    confirmQuitReady: async (result) => {
      const requestId = pendingQuitId;
      if (requestId === undefined) return; // nothing asked: an answer to no question is dropped
      pendingQuitId = undefined;
      await ipc.invoke(INVOKE_CHANNELS.confirmQuitReady, {
        requestId,
        ok: result.ok,
        ...(result.error !== undefined ? { error: result.error } : {}),
      });
    },
    backUpMap: (args) => ipc.invoke(INVOKE_CHANNELS.backUpMap, { text: args.text }) as Promise<BackUpMapResult>,
    getBackupsFolder: () => ipc.invoke(INVOKE_CHANNELS.getBackupsFolder) as Promise<string>,
    roomAddresses: () => ipc.invoke(INVOKE_CHANNELS.roomAddresses) as Promise<RoomAddressChoice[]>,
    openRoom: (args) => ipc.invoke(INVOKE_CHANNELS.openRoom, { host: args.host, port: args.port }) as Promise<OpenedRoom>,
    closeRoom: async () => {
      await ipc.invoke(INVOKE_CHANNELS.closeRoom);
    },
    openBackupsFolder: async () => {
      await ipc.invoke(INVOKE_CHANNELS.openBackupsFolder);
    },
  };
}
