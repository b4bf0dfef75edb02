// `npm test`: type-check, lint, unit tests, build, end-to-end tests — then one closing line
// `tests: N passed, N failed, N skipped` that counts every test that ran in every suite.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const RESULTS = '.tmp/test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const counts = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  console.log(`=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) failedSteps.push(name);
  return run.status === 0;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const only = process.argv[2]; // `npm test -- unit` or `npm test -- e2e` runs one part

if (!only) {
  step('typecheck', 'npx', ['tsc', '-b']);
  step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
}
if (!only || only === 'unit') {
  step('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/vitest.json`]);
  const unit = readJson(`${RESULTS}/vitest.json`);
  if (unit) {
    counts.passed += unit.numPassedTests;
    counts.failed += unit.numFailedTests;
    counts.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  }
}
if (!only || only === 'e2e') {
  if (step('build', 'npm', ['run', 'build'])) {
    step('e2e', 'npx', ['playwright', 'test']);
    const e2e = readJson(`${RESULTS}/playwright.json`);
    if (e2e) {
      counts.passed += e2e.stats.expected + e2e.stats.flaky;
      counts.failed += e2e.stats.unexpected;
      counts.skipped += e2e.stats.skipped;
    }
  }
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length || counts.failed ? 1 : 0);
