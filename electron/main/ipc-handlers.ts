/**
 * Every IPC handler of the bridge (shared/ipc.ts). Each one checks, in this order:
 *   1. the sender — the top frame of app://touchmap, nothing else (security/trusted-sender.ts);
 *   2. the arguments — against the channel's zod schema, refusing extra or malformed fields;
 * and only then calls the service. A refusal throws, so the renderer's promise rejects with
 * a message that names the channel and the problem.
 *
 * ipcMain and the services are parameters: tests call the registered handlers with fake events.
 */
import * as z from 'zod';
import {
  INVOKE_ARGS,
  INVOKE_CHANNELS,
  type AppInfo,
  type BackUpMapArgs,
  type BackUpMapResult,
  type InvokeChannel,
  type MenuStatePatch,
  type OpenedRoom,
  type OpenRoomArgs,
  type RoomAddressChoice,
  type OpenedFile,
  type PrintJob,
  type PrintResult,
  type QuitReadinessMessage,
  type SaveFileArgs,
  type SaveFileResult,
} from '../../shared/ipc';
import { isTrustedSender, type SenderEventLike } from './security/trusted-sender';

/** What the main process does for each call, already validated. */
export interface ShellServices {
  appInfo(): AppInfo;
  saveFile(args: SaveFileArgs): Promise<SaveFileResult>;
  openTouchmapFile(): Promise<OpenedFile | null>;
  printToPDF(job: PrintJob): Promise<Uint8Array>;
  print(job: PrintJob): Promise<PrintResult>;
  setMenuState(patch: MenuStatePatch): void;
  openFileReady(): void;
  confirmQuitReady(answer: QuitReadinessMessage): void;
  backUpMap(args: BackUpMapArgs): Promise<BackUpMapResult>;
  backupsFolder(): string;
  openBackupsFolder(): Promise<void>;
  /** Opens an https address the user confirmed in the system browser; false when refused. */
  openExternal(url: string): boolean;
  roomAddresses(): RoomAddressChoice[];
  openRoom(args: OpenRoomArgs): Promise<OpenedRoom>;
  closeRoom(): Promise<void>;
}

export type InvokeHandler = (event: SenderEventLike, ...args: unknown[]) => Promise<unknown>;

/** What registration needs of ipcMain. */
export interface IpcMainLike {
  handle(channel: string, listener: InvokeHandler): void;
}

export function refusedSenderMessage(channel: string): string {
  return `${channel}: refused — the call did not come from the Touchmap window (app://touchmap, top frame).`;
}

type ArgsOf<C extends InvokeChannel> = z.output<(typeof INVOKE_ARGS)[C]>;
type Implementations = { [C in InvokeChannel]: (...args: ArgsOf<C>) => unknown };

/**
 * @returns the channels registered (all of INVOKE_CHANNELS).
 * @example registerIpcHandlers(ipcMain, services)
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, services: ShellServices, isTrusted: (event: SenderEventLike) => boolean = isTrustedSender): InvokeChannel[] {
  const implementations: Implementations = {
    [INVOKE_CHANNELS.getAppInfo]: () => services.appInfo(),
    [INVOKE_CHANNELS.saveFile]: (args) => services.saveFile(args),
    [INVOKE_CHANNELS.openTouchmapFile]: () => services.openTouchmapFile(),
    [INVOKE_CHANNELS.printToPDF]: (job) => services.printToPDF(job),
    [INVOKE_CHANNELS.print]: (job) => services.print(job),
    [INVOKE_CHANNELS.setMenuState]: (patch) => services.setMenuState(patch),
    [INVOKE_CHANNELS.openFileReady]: () => services.openFileReady(),
    [INVOKE_CHANNELS.confirmQuitReady]: (answer) => services.confirmQuitReady(answer),
    [INVOKE_CHANNELS.backUpMap]: (args) => services.backUpMap(args),
    [INVOKE_CHANNELS.getBackupsFolder]: () => services.backupsFolder(),
    [INVOKE_CHANNELS.openBackupsFolder]: () => services.openBackupsFolder(),
    [INVOKE_CHANNELS.openExternal]: (url) => services.openExternal(url),
    [INVOKE_CHANNELS.roomAddresses]: () => services.roomAddresses(),
    [INVOKE_CHANNELS.openRoom]: (args) => services.openRoom(args),
    [INVOKE_CHANNELS.closeRoom]: () => services.closeRoom(),
  };

  const channels = Object.keys(implementations) as InvokeChannel[];
  for (const channel of channels) {
    const schema: z.ZodType<unknown[]> = INVOKE_ARGS[channel];
    const implementation = implementations[channel] as (...args: unknown[]) => unknown;
    ipcMain.handle(channel, async (event, ...rawArgs) => {
      if (!isTrusted(event)) throw new Error(refusedSenderMessage(channel));
      const parsed = schema.safeParse(rawArgs);
      if (!parsed.success) throw new Error(`${channel}: invalid arguments — ${z.prettifyError(parsed.error)}`);
      return implementation(...parsed.data);
    });
  }
  return channels;
}
