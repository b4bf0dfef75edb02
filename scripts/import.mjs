#!/usr/bin/env node
// Import another tool's file into a .touchmap file, without the app:
//   npm run import -- notes.xmind --out notes.touchmap [--force] [--stages auto|first-level|none]
// The readers, the plans and the command line's words are the app's own (shared/import), bundled in
// memory from TypeScript as scripts/export.mjs does it. Exit code 0 only on success; 1 with a
// message naming the problem (a bad option, a missing or refused file, an existing --out without
// --force); 2 when something unexpected failed.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
import { ExistingFileError, writeExportFile } from './export-file.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function loadImportCli() {
  const out = await build({
    entryPoints: [join(ROOT, 'shared', 'import', 'import-cli.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // papaparse reaches for Node's stream only when given a stream; the CLI hands it text.
    external: ['stream'],
    target: 'node20',
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

function fail(message, code = 1) {
  process.stderr.write(`touchmap import: ${message}\n`);
  process.exit(code);
}

const cli = await loadImportCli().catch((error) => fail(`cannot load shared/import/import-cli.ts: ${error?.message ?? error}`, 2));

function newId(prefix) {
  return `${prefix}-${randomBytes(8).toString('hex').slice(0, 10)}`;
}

// Messages in the person's language: --lang, else LC_ALL / LC_MESSAGES / LANG, else English.
cli.setMessageLanguage(cli.cliMessageLanguage(process.argv.slice(2), process.env));

try {
  const parsed = cli.parseImportArgs(process.argv.slice(2));
  if (!parsed.ok) fail(`${parsed.error}\n\n${cli.importUsage()}`);
  if (parsed.help) {
    process.stdout.write(`${cli.importUsage()}\n`);
    process.exit(0);
  }
  const opts = parsed.options;
  const file = resolve(opts.file);
  if (!existsSync(file) || !statSync(file).isFile()) fail(cli.cliText('noFileAt', { path: file }));
  const result = cli.runImport(new Uint8Array(readFileSync(file)), basename(file), opts, { newId, now: new Date().toISOString() });
  if (!result.ok) fail(result.problem);
  const out = resolve(opts.out ?? join(dirname(file), result.suggestedName));
  try {
    writeExportFile(out, result.text, { force: opts.force, message: (target) => cli.cliText('importExists', { target }) });
  } catch (error) {
    if (error instanceof ExistingFileError) fail(error.message);
    throw error;
  }
  process.stderr.write(`${result.report}\n`);
  process.stdout.write(`${cli.cliText('wrote', { count: result.docs.length, path: out })}\n`);
} catch (error) {
  fail(error?.message ?? String(error), 2);
}
