/**
 * The room on disk: its tokens and its Yjs state in one JSON file, so a restarted facilitator app
 * reopens the same room (same address and token, same proposals and ratings). Written atomically
 * and debounced: a burst of ratings is one write.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { nodeAtomicFs, writeFileAtomic, type AtomicFs } from '../atomic-write';

export const ROOM_FILE = 'room.json';

export interface RoomFile {
  readonly version: 1;
  readonly token: string;
  readonly ownerToken: string;
  /** Y.encodeStateAsUpdate of the room document, base64. */
  readonly state: string;
}

export async function readRoomFile(folder: string): Promise<RoomFile | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(folder, ROOM_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const data = JSON.parse(text) as Partial<RoomFile>;
  if (data.version !== 1 || typeof data.token !== 'string' || typeof data.ownerToken !== 'string' || typeof data.state !== 'string') {
    throw new Error(`${path.join(folder, ROOM_FILE)} is not a Touchmap room file`);
  }
  return data as RoomFile;
}

export async function writeRoomFile(folder: string, file: RoomFile, files: AtomicFs = nodeAtomicFs): Promise<void> {
  await fs.mkdir(folder, { recursive: true });
  await writeFileAtomic(files, path.join(folder, ROOM_FILE), JSON.stringify(file));
}

/** Calls `save` at most once per `delayMs` after the last `schedule()`; `flush` saves now if due. */
export function debounced(save: () => Promise<void>, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    timer = undefined;
    running = running.then(save, save);
    return running;
  };
  return {
    schedule() {
      if (timer === undefined) timer = setTimeout(run, delayMs);
    },
    async flush() {
      if (timer !== undefined) {
        clearTimeout(timer);
        await run();
      } else await running;
    },
  };
}
