/**
 * Where the Electron binary is, or why there is none — found without `require('electron')`,
 * which would try to download the binary when it is missing (and this machine has no network).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

export function findElectronBinary(root: string): ElectronBinary {
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!existsSync(path.join(pkg, 'package.json'))) return { ok: false, reason: 'node_modules/electron is not installed (run npm install)' };
  const pathFile = path.join(pkg, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) {
    return { ok: false, reason: 'node_modules/electron/path.txt is missing: the binary was never downloaded. Reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD on a machine with network access.' };
  }
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const executable = override ? path.join(override, name) : path.join(pkg, 'dist', name);
  if (!existsSync(executable)) return { ok: false, reason: `${path.relative(root, executable)} does not exist (node_modules/electron/dist is missing)` };
  return { ok: true, path: executable };
}
