/**
 * How many cases each property test of the fuzz suite tries: few in `npm test` (the whole suite
 * stays under 20 s), as many as `FUZZ_RUNS` says when someone hunts for bugs:
 *   FUZZ_RUNS=10000 npx vitest run tests/unit/fuzz
 * A failure prints fast-check's seed and path; keep it as a fixture under
 * tests/fixtures/fuzz/ so it is replayed on every run (touchmap-file.test.ts reads them).
 */
import * as fc from 'fast-check';

const DEFAULT_RUNS = 100;

export function fuzzRuns(): number {
  const raw = process.env.FUZZ_RUNS;
  if (raw === undefined || raw === '') return DEFAULT_RUNS;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS=${raw}: give a whole number of runs, at least 1, e.g. FUZZ_RUNS=10000.`);
  return runs;
}

/** A test's time limit: vitest's 5 s default would cut a long FUZZ_RUNS hunt short (about 20 ms a run, with slack). */
export function fuzzTimeout(): number {
  return Math.max(30_000, fuzzRuns() * 60);
}

/** fast-check's parameters for one property: the run count, and a seed when FUZZ_SEED replays one. */
export function fuzzParameters(): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED;
  return { numRuns: fuzzRuns(), ...(seed !== undefined && seed !== '' && { seed: Number(seed) }) };
}
