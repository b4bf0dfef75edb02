/**
 * Micro benchmark of the mind-map layout (the `layout` figure, measured in Node rather
 * than in the browser): projection + layout of generated maps of N topics. Not part of
 * `npm test`. Prints a Markdown table; `--json <path>` also writes the JSON records.
 *
 * Run (TypeScript via esbuild, which the build already uses):
 *   npx esbuild tests/bench/layout.bench.ts --bundle --platform=node --format=esm \
 *     --tsconfig=tsconfig.test.json --outfile=.tmp/bench/layout.mjs && node .tmp/bench/layout.mjs
 *   node .tmp/bench/layout.mjs --runs 50 --n 500,2000,5000 --json .tmp/bench/layout.json
 *
 * Each figure: `runs` timed runs after `warmup` untimed ones (the JIT settles), on the same
 * doc. Three figures per N:
 * - `layout`: projection + layout from a doc whose labels were never measured (label cache
 *   cleared before each run): the cost of opening a map.
 * - `layout_warm`: the same with the label cache warm: the cost of a re-layout after an edit.
 * - `layout_only`: `layoutMindMap` alone on a ready projection, cache cleared.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generateMap } from '../fixtures/generate-map';
import { projectMindMap } from '../../renderer/src/drawing/projection';
import { clearLabelCache, layoutMindMap } from '../../renderer/src/drawing/layout';

interface Figure {
  readonly name: string;
  readonly n: number;
  readonly unit: 'ms';
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const sizes = (arg('n') ?? '500,2000,5000').split(',').map(Number);
const runs = Number(arg('runs') ?? 30);
const warmup = Number(arg('warmup') ?? 10);
const jsonPath = arg('json');

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

function measure(name: string, n: number, setup: () => void, work: () => unknown): Figure {
  const times: number[] = [];
  let sink = 0;
  for (let i = 0; i < warmup + runs; i++) {
    setup();
    const start = performance.now();
    const result = work();
    const elapsed = performance.now() - start;
    sink += result ? 1 : 0;
    if (i >= warmup) times.push(elapsed);
  }
  if (sink < 0) console.log(sink); // keeps the work observable
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { name, n, unit: 'ms', median: round(percentile(times, 50)), p95: round(percentile(times, 95)), min: round(times[0] as number), max: round(times[times.length - 1] as number), runs };
}

const figures: Figure[] = [];
for (const n of sizes) {
  const doc = generateMap({ seed: n, topics: n });
  const tree = projectMindMap(doc, { grouping: 'channel-stage' });
  const full = () => layoutMindMap(projectMindMap(doc, { grouping: 'channel-stage' }));
  figures.push(measure('layout', n, clearLabelCache, full));
  figures.push(measure('layout_warm', n, () => undefined, full));
  figures.push(measure('layout_only', n, clearLabelCache, () => layoutMindMap(tree)));
}

console.log(`Layout benchmark — Node ${process.version}, ${runs} runs after ${warmup} warm-up runs\n`);
console.log('| figure | N | median ms | p95 ms | min ms | max ms |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const f of figures) console.log(`| ${f.name} | ${f.n} | ${f.median} | ${f.p95} | ${f.min} | ${f.max} |`);
if (jsonPath) writeFileSync(jsonPath, JSON.stringify(figures, null, 2));
