/**
 * The desktop app's workshop room: the main process starts and stops the room server (one at a
 * time) when the renderer asks through IPC, keeps its state in the app's data folder, and tells
 * the network guard which loopback socket the renderer may reach while the room is open —
 * nothing else gets through. Its dependencies are parameters, so tests drive it with fakes.
 */
import type { OpenedRoom, OpenRoomArgs, RoomAddressChoice } from '../../../shared/ipc';
import type { RoomServer, RoomServerOptions } from './room-server';

export interface RoomHostDeps {
  readonly start: (options: RoomServerOptions) => Promise<Pick<RoomServer, 'participantUrl' | 'ownerUrl' | 'close'>>;
  readonly addresses: () => RoomAddressChoice[];
  readonly dataDir: string;
  readonly staticDir: string;
  /** The origin (ws://127.0.0.1:port) the network guard lets through, or null when no room is open. */
  readonly allowSocket: (origin: string | null) => void;
}

export function createRoomHost(deps: RoomHostDeps) {
  let open: Pick<RoomServer, 'participantUrl' | 'ownerUrl' | 'close'> | null = null;
  return {
    addresses: () => deps.addresses(),
    async open(args: OpenRoomArgs): Promise<OpenedRoom> {
      if (!deps.addresses().some((choice) => choice.address === args.host)) {
        throw new Error(`${args.host} is not an address of this computer; choose one of the list.`);
      }
      if (open) await this.close();
      open = await deps.start({ host: args.host, port: args.port, dataDir: deps.dataDir, staticDir: deps.staticDir, alsoLoopback: true });
      deps.allowSocket(new URL(open.ownerUrl).origin);
      return { participantUrl: open.participantUrl, ownerUrl: open.ownerUrl };
    },
    async close(): Promise<void> {
      deps.allowSocket(null);
      const closing = open;
      open = null;
      await closing?.close();
    },
  };
}
