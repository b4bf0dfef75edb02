/**
 * The preload API contract: the one object the desktop shell exposes to the renderer as
 * `window.touchmap`, and the IPC channels behind it.
 *
 * Why one file: the preload (electron/preload) implements `TouchmapBridge`, the main process
 * (electron/main/ipc-handlers.ts) validates every argument against the schemas below, and the
 * renderer (renderer/src/platform) calls it — all three read the same names and types, so a
 * change here fails to compile wherever it is not followed.
 *
 * Rules the shell keeps (STYLE.md habit 7): one method per operation, every channel
 * `app:`-prefixed, arguments validated in main, `ipcRenderer` itself never exposed.
 * Pure TypeScript + zod: no DOM, no Node, no Electron.
 */
import * as z from 'zod';
import { MENU_OPERATIONS, type MenuOperation } from './operations';
import { EXPORT_FORMATS } from './export-formats';
import { LOCALES, type MapId } from './model/types';

/** The global name the preload exposes: `window.touchmap`. */
export const BRIDGE_GLOBAL = 'touchmap';

// ---------------------------------------------------------------------------------------------
// Menu operations: the names the native menu can send — the operations of shared/operations.ts
// that have a place in the menu. The renderer's registry owns what they do; keyboard, toolbar,
// palette and menu all run these same names (STYLE.md habit 3).
// ---------------------------------------------------------------------------------------------

export { MENU_OPERATIONS, type MenuOperation };

// The kinds of file the app saves are the export formats (export-formats.ts); a save names its
// format as `kind`, and the Save dialog remembers the last folder per format.

// ---------------------------------------------------------------------------------------------
// Channels. Renderer → main calls are all `invoke` (so each gets a sender check, validation
// and an error the renderer can see); main → renderer events are `send`.
// ---------------------------------------------------------------------------------------------

export const INVOKE_CHANNELS = {
  getAppInfo: 'app:get-app-info',
  saveFile: 'app:save-file',
  openTouchmapFile: 'app:open-touchmap-file',
  printToPDF: 'app:print-to-pdf',
  print: 'app:print',
  setMenuState: 'app:set-menu-state',
  /** Sent by the preload when the renderer first subscribes to onOpenFile: queued files may flow. */
  openFileReady: 'app:open-file-ready',
  confirmQuitReady: 'app:confirm-quit-ready',
  /** A map's autosaved state, as a .touchmap text, for the automatic backups folder. */
  backUpMap: 'app:back-up-map',
  getBackupsFolder: 'app:get-backups-folder',
  openBackupsFolder: 'app:open-backups-folder',
  openExternal: 'app:open-external',
  // the live workshop room, started and stopped by the main process
  roomAddresses: 'app:room-addresses',
  openRoom: 'app:open-room',
  closeRoom: 'app:close-room',
} as const;

export const EVENT_CHANNELS = {
  menuOperation: 'app:menu-operation',
  openRecentMap: 'app:open-recent-map',
  openFile: 'app:open-file',
  beforeQuit: 'app:before-quit',
} as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS];
export type EventChannel = (typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS];

// ---------------------------------------------------------------------------------------------
// Limits. Named so the reason travels with the number.
// ---------------------------------------------------------------------------------------------

/** FILE-FORMAT.md: files up to 50 MB import; larger ones are refused with the limit named. */
export const MAX_TOUCHMAP_FILE_BYTES = 50 * 1024 * 1024;
/** A PNG of a large map at 4× can be big; beyond this the renderer is doing something wrong. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;
/** The print layout is an SVG in HTML, possibly with embedded CJK fonts (tens of MB). */
export const MAX_PRINT_HTML_CHARS = 256 * 1024 * 1024;
/** Chromium prints pages up to 200 inches a side; nobody needs more for a map. */
export const MAX_PAGE_INCHES = 200;
/** The longest address openExternal takes (what browsers keep in practice). */
export const MAX_EXTERNAL_URL_CHARS = 2048;
/** How many maps the File ▸ Recent maps submenu lists. */
export const MAX_RECENT_MAPS = 10;

// ---------------------------------------------------------------------------------------------
// Types and schemas of arguments and results.
// ---------------------------------------------------------------------------------------------

export type Platform = 'darwin' | 'win32' | 'linux' | 'other';

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: Platform;
  /** The OS's locale as the shell reads it (`app.getLocale()`, e.g. `ko-KR`): the UI language under "Follow the system". */
  readonly locale?: string;
}

/**
 * Builds a schema. Every schema is wrapped so esbuild can see it is free of side effects and
 * drop it — and zod with it — from the preload bundle, which needs only the channel names.
 */
const schema = <T>(build: () => T): T => build();

/** A file name without any folder: the dialog decides the folder. */
const fileName = /* @__PURE__ */ schema(() =>
  z
    .string()
    .min(1)
    .max(255)
    .refine((s) => !/[\\/\0]/.test(s), { message: 'must be a file name without a folder (no / or \\)' }),
);

export const fileFilterSchema = /* @__PURE__ */ schema(() =>
  z.strictObject({
    name: z.string().min(1).max(100),
    extensions: z
      .array(z.string().regex(/^[A-Za-z0-9]{1,10}$/, 'an extension is 1–10 letters or digits, without the dot'))
      .min(1)
      .max(10),
  }),
);
export type FileFilter = z.infer<typeof fileFilterSchema>;

export const saveFileArgsSchema = /* @__PURE__ */ schema(() =>
  z.strictObject({
    suggestedName: fileName,
    filters: z.array(fileFilterSchema).max(10),
    data: z.union([
      z.string().max(MAX_SAVE_BYTES),
      z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SAVE_BYTES, {
        message: `must be at most ${MAX_SAVE_BYTES} bytes`,
      }),
    ]),
    kind: z.enum(EXPORT_FORMATS),
  }),
);
export type SaveFileArgs = z.infer<typeof saveFileArgsSchema>;
export interface SaveFileResult {
  readonly saved: boolean;
  /** Where the file went, when saved (the renderer may show it in a notice). */
  readonly path?: string;
}

/** A `.touchmap` file's text as read from disk; parsing and validation are the renderer's (shared/file-format). */
export interface OpenedFile {
  /** The file's base name, e.g. "Clinic.touchmap" — never the full path. */
  readonly name: string;
  readonly text: string;
  /** The raw bytes, for another tool's file (XMind, Excel…: zips and other encodings); `text` is then empty. */
  readonly bytes?: Uint8Array;
}

const inches = /* @__PURE__ */ schema(() => z.number().finite());
export const printJobSchema = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      /** A complete HTML document: the print layout (the export SVG laid on pages). Its own scripts never run. */
      html: z.string().min(1).max(MAX_PRINT_HTML_CHARS),
      /** Paper size in inches of every page the layout does not size itself with CSS `@page { size }`; orientation is the size itself (wider than tall = landscape). */
      pageSize: z.strictObject({
        widthInches: inches.min(1).max(MAX_PAGE_INCHES),
        heightInches: inches.min(1).max(MAX_PAGE_INCHES),
      }),
      /** Explicit margins in inches, so PDF and paper look the same whatever the printer's defaults. */
      margins: z.strictObject({
        top: inches.min(0).max(10),
        right: inches.min(0).max(10),
        bottom: inches.min(0).max(10),
        left: inches.min(0).max(10),
      }),
      /** Document title; printers show it in their queue. */
      title: z.string().max(200).optional(),
    })
    .refine(
      (j) => j.margins.left + j.margins.right < j.pageSize.widthInches && j.margins.top + j.margins.bottom < j.pageSize.heightInches,
      { message: 'margins leave no room on the page', path: ['margins'] },
    ),
);
export type PrintJob = z.infer<typeof printJobSchema>;
export interface PrintResult {
  readonly printed: boolean;
  /** Why not, when not printed: "cancelled" when the user closed the dialog. */
  readonly reason?: string;
}

export const recentMapSchema = /* @__PURE__ */ schema(() =>
  z.strictObject({
    id: z.string().min(1).max(100),
    title: z.string().max(200),
  }),
);
export type RecentMap = z.infer<typeof recentMapSchema>;

const operationFlags = /* @__PURE__ */ schema(() => z.partialRecord(z.enum(MENU_OPERATIONS), z.boolean()));
/** A patch: only what is given changes; the rest of the menu state stays as it was. */
export const menuStatePatchSchema = /* @__PURE__ */ schema(() =>
  z.strictObject({
    /** Which items can act now; a disabled item is greyed out. */
    enabled: operationFlags.optional(),
    /** Check marks of the toggle/radio items (view.mindmap|grid|outline, view.toggleInspector, view.presentation). */
    checked: operationFlags.optional(),
    /** File ▸ Recent maps, newest first. */
    recentMaps: z.array(recentMapSchema).max(MAX_RECENT_MAPS).optional(),
    /** The UI language the person chose: the menu speaks it too. */
    locale: z.enum(LOCALES).optional(),
  }),
);
export type MenuStatePatch = z.infer<typeof menuStatePatchSchema>;

export const quitReadinessSchema = /* @__PURE__ */ schema(() =>
  z.strictObject({
    /** true when every pending save is written. */
    ok: z.boolean(),
    /** What failed, in words for the user, when not ok. */
    error: z.string().max(2000).optional(),
  }),
);
export type QuitReadiness = z.infer<typeof quitReadinessSchema>;

/** On the wire the preload adds the id of the quit request it answers, so a late answer never settles a newer request. */
export const quitReadinessMessageSchema = /* @__PURE__ */ schema(() =>
  z.strictObject({
    requestId: z.number().int().nonnegative(),
    ok: z.boolean(),
    error: z.string().max(2000).optional(),
  }),
);
export type QuitReadinessMessage = z.infer<typeof quitReadinessMessageSchema>;

/**
 * One map for the automatic backups folder: a `.touchmap` text of exactly that map, written by
 * shared/file-format.ts. Main parses it with the same strict reader as an import before it
 * writes anything, so a broken or foreign text never lands among the user's backups.
 */
export const backUpMapArgsSchema = /* @__PURE__ */ schema(() =>
  z.strictObject({
    text: z.string().min(1).max(MAX_TOUCHMAP_FILE_BYTES),
  }),
);
export type BackUpMapArgs = z.infer<typeof backUpMapArgsSchema>;
export interface BackUpMapResult {
  /** The backup's file name inside the backups folder. */
  readonly fileName: string;
}

/** Payload of EVENT_CHANNELS.beforeQuit. */
export interface BeforeQuitRequest {
  readonly requestId: number;
}

/**
 * Argument tuples of each invoke channel, as validated in main. Literal keys (checked by
 * `satisfies`), not computed ones, so the bundler can drop the table from the preload.
 */
/** An IPv4 address of this machine the room may listen on (one of roomAddresses()). */
const ipv4 = /* @__PURE__ */ schema(() => z.string().regex(/^(\d{1,3})(\.\d{1,3}){3}$/, 'must be an IPv4 address like 192.168.1.20'));
export const openRoomArgsSchema = /* @__PURE__ */ schema(() =>
  z.strictObject({
    host: ipv4,
    /** Unprivileged ports only; 0 lets the system pick a free one. */
    port: z.union([z.literal(0), z.number().int().min(1024).max(65535)]),
  }),
);
export type OpenRoomArgs = z.infer<typeof openRoomArgsSchema>;
export interface RoomAddressChoice {
  readonly address: string;
  readonly interface: string;
  /** The loopback: only this computer can reach it. */
  readonly internal: boolean;
}
export interface OpenedRoom {
  /** What participants open (the QR code): the LAN address. */
  readonly participantUrl: string;
  /** The owner's socket on the loopback: the only room address the app's network guard lets through. */
  readonly ownerUrl: string;
}

export const INVOKE_ARGS = {
  'app:get-app-info': /* @__PURE__ */ schema(() => z.tuple([])),
  'app:save-file': /* @__PURE__ */ schema(() => z.tuple([saveFileArgsSchema])),
  'app:open-touchmap-file': /* @__PURE__ */ schema(() => z.tuple([])),
  'app:print-to-pdf': /* @__PURE__ */ schema(() => z.tuple([printJobSchema])),
  'app:print': /* @__PURE__ */ schema(() => z.tuple([printJobSchema])),
  'app:set-menu-state': /* @__PURE__ */ schema(() => z.tuple([menuStatePatchSchema])),
  'app:open-file-ready': /* @__PURE__ */ schema(() => z.tuple([])),
  'app:confirm-quit-ready': /* @__PURE__ */ schema(() => z.tuple([quitReadinessMessageSchema])),
  'app:back-up-map': /* @__PURE__ */ schema(() => z.tuple([backUpMapArgsSchema])),
  'app:get-backups-folder': /* @__PURE__ */ schema(() => z.tuple([])),
  'app:open-backups-folder': /* @__PURE__ */ schema(() => z.tuple([])),
  'app:open-external': /* @__PURE__ */ schema(() => z.tuple([z.string().min(1).max(MAX_EXTERNAL_URL_CHARS)])),
  'app:room-addresses': /* @__PURE__ */ schema(() => z.tuple([])),
  'app:open-room': /* @__PURE__ */ schema(() => z.tuple([openRoomArgsSchema])),
  'app:close-room': /* @__PURE__ */ schema(() => z.tuple([])),
} as const satisfies Record<InvokeChannel, z.ZodType>;

// ---------------------------------------------------------------------------------------------
// The bridge.
// ---------------------------------------------------------------------------------------------

/** Call it to stop listening. */
export type Unsubscribe = () => void;

/**
 * `window.touchmap` in Electron. The web build implements the same interface in
 * renderer/src/platform (download through an anchor, `window.print()`), so features never
 * ask which one they run on.
 *
 * @example
 * const bridge = (window as unknown as { touchmap?: TouchmapBridge }).touchmap;
 * const off = bridge?.onMenuOperation((name) => runOperation(name));
 */
export interface TouchmapBridge {
  /** Name, version and OS: the renderer shows Cmd or Ctrl in shortcut hints from `platform`. */
  getAppInfo(): Promise<AppInfo>;
  /** Native Save dialog in the last folder used for this `kind`, then writes `data`. */
  saveFile(args: SaveFileArgs): Promise<SaveFileResult>;
  /** Native Open dialog for a `.touchmap`; null when cancelled or refused (the user was told why). */
  openTouchmapFile(): Promise<OpenedFile | null>;
  /** Chromium's own PDF printer on `job.html` in a hidden window: text stays vector. Resolves to the PDF bytes. */
  printToPDF(job: PrintJob): Promise<Uint8Array>;
  /** The system print dialog on the same layout as printToPDF. */
  print(job: PrintJob): Promise<PrintResult>;
  /** Enable/disable and check menu items, and list recent maps; a patch merges into the current state. */
  setMenuState(patch: MenuStatePatch): Promise<void>;
  /** The user picked a native menu item. edit.cut/copy/paste do not come here: they reach the page as DOM clipboard events, as in a browser. */
  onMenuOperation(listener: (name: MenuOperation) => void): Unsubscribe;
  /** The user picked File ▸ Recent maps ▸ a map. */
  onOpenRecentMap(listener: (mapId: MapId) => void): Unsubscribe;
  /** A `.touchmap` arrived from the OS (command line, double-click, dock, second launch): import it as a new map. Files that came before the first listener are delivered to it. */
  onOpenFile(listener: (file: OpenedFile) => void): Unsubscribe;
  /** The window is closing or the app quitting: flush pending saves, then call confirmQuitReady. With no listener the shell closes at once. */
  onBeforeQuit(listener: () => void): Unsubscribe;
  /** Answer to onBeforeQuit. Not ok (or no answer within 5 s) makes the shell warn before it closes. */
  confirmQuitReady(result: QuitReadiness): Promise<void>;
  /**
   * Writes one map to the automatic backups folder (atomically; the last ten per map are kept).
   * The renderer calls it when editing pauses and before quitting. Rejects with the reason when
   * the text is not exactly one valid map or the disk refuses.
   */
  backUpMap(args: BackUpMapArgs): Promise<BackUpMapResult>;
  /** The full path of the automatic backups folder, for App settings ▸ Your data. */
  getBackupsFolder(): Promise<string>;
  /** Shows the backups folder in the system's file manager. */
  openBackupsFolder(): Promise<void>;
  /**
   * Opens an https address in the system browser; false when main refused it (not https, or
   * with a user name or password). Call it only after the user saw the full address and confirmed
   * it (renderer/src/platform/external-link.ts): no navigation or window.open opens anything.
   */
  openExternal(url: string): Promise<boolean>;
  /** The IPv4 addresses a workshop room can listen on, the local network first. */
  roomAddresses(): Promise<RoomAddressChoice[]>;
  /**
   * Starts the workshop room (one at a time; the same room, token and state as last time) on
   * `host`, and on the loopback for this app. Rejects with the reason (a port in use, say).
   */
  openRoom(args: OpenRoomArgs): Promise<OpenedRoom>;
  /** Stops the room's server; its state stays on disk for the next openRoom. */
  closeRoom(): Promise<void>;
}
