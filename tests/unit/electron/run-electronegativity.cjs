// Runs Electronegativity's scanner over a folder and prints its findings as JSON on stdout.
//
// Why not the CLI: its CSV writer appends the findings while the header write may still be
// pending (two async fs.writeFile calls), so rows can be lost; and the tool fetches
// translations and Electron's release list from GitHub, which this offline project must not
// do (and which costs seconds of timeouts with no network). So this script gives the tool a
// `got` that fails at once — it then uses its bundled English strings and bundled release
// list — and calls the same runner the CLI calls.
// Usage: node run-electronegativity.cjs <input dir> <electron version>
'use strict';
const Module = require('node:module');

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got' && parent && /electronegativity[\\/]dist[\\/]/.test(parent.filename)) {
    const offline = () => Promise.reject(new Error('offline: Touchmap tests make no network requests'));
    offline.head = offline;
    return offline;
  }
  return originalLoad.call(this, request, parent, isMain);
};

async function main() {
  const [input, electronVersion] = process.argv.slice(2);
  if (!input || !electronVersion) throw new Error('usage: run-electronegativity.cjs <input> <electron version>');
  const silence = console.log;
  console.log = () => {}; // the tool's own "no connectivity" notes
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const result = await run({
    input: require('node:path').resolve(input),
    isRelative: true,
    customScan: [],
    excludeFromScan: [],
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  console.log = silence;
  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file,
    line: i.location.line,
    column: i.location.column,
    sample: i.sample ?? '',
    manualReview: Boolean(i.manualReview),
    description: i.description,
  }));
  process.stdout.write(JSON.stringify({ checks: result.globalChecks + result.atomicChecks, errors: result.errors, findings }, null, 2));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
