#!/usr/bin/env node
/**
 * Reads a CPU profile written by `npm run bench -- --profile <dir>` and prints where the time
 * went: the functions with the most self time and the most total time (self + callees), each
 * with its file and line. A build made with `npx vite build --minify false --outDir <dir>` and
 * run with `--dist <dir>` keeps the function names readable.
 *
 *   node tests/bench/profile-summary.mjs .tmp/prof/add_touchpoint-2000.cpuprofile [--top 30]
 */
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/profile-summary.mjs <file.cpuprofile> [--top N]');
  process.exit(2);
}
const top = rest[0] === '--top' ? Number(rest[1]) : 30;
const profile = JSON.parse(readFileSync(file, 'utf8'));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// self time per node from the sample intervals
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));

const label = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.split('/').pop()}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
};

const selfBy = new Map();
const totalBy = new Map();
for (const [id, ms] of self) {
  const node = byId.get(id);
  selfBy.set(label(node), (selfBy.get(label(node)) ?? 0) + ms);
  // a function counts once per sample however deep it recurses
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const name = label(byId.get(at));
    if (seen.has(name)) continue;
    seen.add(name);
    totalBy.set(name, (totalBy.get(name) ?? 0) + ms);
  }
}

const wall = (profile.endTime - profile.startTime) / 1000;
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
};
console.log(`${file}: ${wall.toFixed(0)} ms recorded, ${profile.samples.length} samples`);
print('self time', selfBy);
print('total time', totalBy);
