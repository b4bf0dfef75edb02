/**
 * `npm run room -- --host <address> --port <port> [--data <dir>] [--static <dir>]`: the room
 * server from Node, for the web build and for workshops run without the desktop app.
 */
import os from 'node:os';
import path from 'node:path';
import { roomAddresses } from './room-addresses';
import { startRoomServer, type RoomServer } from './room-server';

export interface RoomCliOptions {
  readonly host?: string;
  readonly port: number;
  readonly dataDir?: string;
  readonly staticDir?: string;
  readonly list: boolean;
}

export const ROOM_USAGE = `Usage: npm run room -- --host <address> [--port 4455] [--data <folder>] [--static dist/renderer]
       npm run room -- --list      (the addresses this machine can listen on)
The room is plain HTTP: use it on a local network you trust, never across the internet.`;

export function parseRoomArgs(argv: readonly string[]): { ok: true; options: RoomCliOptions } | { ok: false; error: string } {
  let host: string | undefined;
  let port = 4455;
  let dataDir: string | undefined;
  let staticDir: string | undefined;
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value.`);
      return v;
    };
    try {
      if (flag === '--host') host = value();
      else if (flag === '--port') {
        const text = value();
        port = Number(text);
        if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, error: `--port ${text} is not a port number (0–65535).` };
      } else if (flag === '--data') dataDir = value();
      else if (flag === '--static') staticDir = value();
      else if (flag === '--list') list = true;
      else return { ok: false, error: `Unknown option ${flag}.` };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }
  if (!list && host === undefined) return { ok: false, error: 'Choose the address to listen on with --host (see --list).' };
  return { ok: true, options: { port, list, ...(host ? { host } : {}), ...(dataDir ? { dataDir } : {}), ...(staticDir ? { staticDir } : {}) } };
}

export async function runRoomCli(argv: readonly string[], root: string, out: (line: string) => void): Promise<RoomServer | undefined> {
  const parsed = parseRoomArgs(argv);
  const choices = roomAddresses(os.networkInterfaces());
  const listing = choices.map((c) => `  ${c.address.padEnd(16)} ${c.interface}${c.internal ? ' (this machine only)' : ''}`).join('\n');
  if (!parsed.ok) throw new Error(`${parsed.error}\n\n${ROOM_USAGE}\n\nAddresses:\n${listing}`);
  const { options } = parsed;
  if (options.list || !options.host) {
    out(`Addresses:\n${listing}`);
    return undefined;
  }
  const server = await startRoomServer({
    host: options.host,
    port: options.port,
    staticDir: path.resolve(root, options.staticDir ?? 'dist/renderer'),
    ...(options.dataDir ? { dataDir: path.resolve(options.dataDir) } : {}),
    log: (line) => out(`room: ${line}`),
  });
  out(`Participants open: ${server.participantUrl}`);
  out(`Facilitator (owner) socket: ${server.ownerUrl}`);
  out('Plain HTTP on the local network only. Ctrl+C ends the room.');
  return server;
}
