#!/usr/bin/env node
// The live workshop room's server from Node: `npm run room -- --host <address> --port <port> [--data <dir>]`.
// The server is TypeScript (electron/main/room/, shared with the desktop app's main process); it is
// bundled here with esbuild into .tmp/room/ (packages stay external, resolved from node_modules).
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, '.tmp', 'room');
mkdirSync(OUT_DIR, { recursive: true });
const outfile = join(OUT_DIR, `room-cli-${process.pid}.mjs`);
await build({
  entryPoints: [join(ROOT, 'electron', 'main', 'room', 'room-cli.ts')],
  bundle: true,
  outfile,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'silent',
});
const { runRoomCli } = await import(pathToFileURL(outfile).href);
rmSync(outfile, { force: true });
try {
  const server = await runRoomCli(process.argv.slice(2), ROOT, (line) => process.stdout.write(`${line}\n`));
  if (server) {
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
} catch (error) {
  process.stderr.write(`touchmap room: ${error?.message ?? error}\n`);
  process.exit(1);
}
