#!/usr/bin/env node
/**
 * The benchmark suite (`npm run bench`): Playwright drives the built renderer in
 * Chromium on maps generated from a seed (N = 500, 2,000, 5,000 topics by default; 20,000 with
 * `--sizes 20000`), stored in IndexedDB
 * through the app before any timing starts. Each figure is measured in at least 5 fresh browser
 * contexts; the suite prints a Markdown table (median, p95, min, max) and, with `--json <path>`,
 * writes `[{ name, n, unit, median, p95, min, max, runs }]`. Never part of `npm test`.
 *
 *   npm run bench                                  # N = 500, 2000, 5000; 5 runs each
 *   npm run bench -- --sizes 2000 --runs 7 --json .tmp/bench/results.json
 *   npm run bench -- --sizes 20000 --only add_touchpoint --runs 3   # the 20,000-topic map (not in the default sizes)
 *   npm run bench -- --quick                       # the CI smoke: N = 500, one run; fails only if a figure is missing
 *   npm run bench -- --build                       # rebuild the renderer and the baseline first
 *   npm run bench -- --dist .tmp/bench/renderer --build   # a private build (others may rebuild dist/)
 *   npm run bench -- --only open,pan               # some figures only (for investigating; not for the README)
 *   npm run bench -- --sizes 500,2000 --only room_facilitator_pan --room-window 20   # the facilitator's canvas while 30 phones propose and rate
 *   npm run bench -- --only add_touchpoint --profile .tmp/prof   # CPU profiles of pan / zoom / add / exports (first run)
 *   BENCH_PNG_OUT=.tmp/png/bench npm run bench -- --only export_png_2x   # also saves the PNG (bench-<N>.png, the last run's)
 *   BENCH_PDF_PHASES=1 npm run bench -- --only export_pdf_fit   # the PDF's making / loading / printing; BENCH_CONSOLE=1: the page's console
 *
 * How each figure is taken (and why) is in docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { installProbes } from './page-probes.mjs';
import { facilitatorRun, inboxExact } from './room-facilitator.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TMP = join(ROOT, '.tmp/bench');
const BASELINE_OUT = join(ROOT, '.tmp/bench-baseline');
const VIEWPORT = { width: 1440, height: 900 };
/** Programmatic steps of a pan or a zoom. */
const STEPS = 60;
/** Pan: px per frame (a brisk drag); zoom: wheel delta per frame (≈ 8 % per step). */
const PAN_DX = 12;
const ZOOM_DELTA = 40;
/** Slides stepped through per run in `present_step` (the whole map → the first stages). */
const PRESENT_STEPS = 4;
/** The pause before each of those steps, ms: the talk over a slide, far shorter than a real one. */
const PRESENT_PAUSE_MS = 1500;
/** A frame longer than this counts in `pan_long_frames` (60 Hz = 16.7 ms, plus a little slack). */
const LONG_FRAME_MS = 20;
/** The figures made for each N (`bundle_initial_gzip` is made once). */
/**
 * The facilitator's figures (room_facilitator_pan and its companions), made for N up to this: a
 * workshop's map; a bigger N asks for them with --only.
 */
const ROOM_FACILITATOR_MAX_N = 2000;
const ROOM_FACILITATOR = ['room_facilitator_pan', 'room_facilitator_long_frames', 'room_facilitator_pan_alone', 'room_facilitator_pan_ratio', 'room_facilitator_cpu', 'room_facilitator_cpu_alone', 'room_facilitator_settle', 'room_facilitator_ratings', 'room_facilitator_proposals'];
const PER_SIZE = ['open', 'fit_view', 'pan', 'pan_long_frames', 'zoom', 'add_touchpoint', 'edit_saved', 'edit_rows_written', 'switch_view', 'analysis_open', 'layout', 'restore_point_write', 'export_png_2x', 'export_pdf_fit', 'present_step', 'heap_after_open', 'baseline_open', 'baseline_pan', 'open_ratio', 'pan_ratio'];

// ------------------------------------------------------------------------------------------
// Arguments
// ------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const options = { sizes: [500, 2000, 5000], runs: 5, json: null, build: false, quick: false, strict: false, dist: 'dist/renderer', only: null, headed: false, profile: null, roomWindowS: 20 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--sizes') options.sizes = value().split(',').map((s) => Number(s.replace(/[_ ]/g, '')));
    else if (flag === '--runs') options.runs = Number(value());
    else if (flag === '--json') options.json = value();
    else if (flag === '--build') options.build = true;
    else if (flag === '--quick') options.quick = true;
    else if (flag === '--strict') options.strict = true;
    else if (flag === '--dist') options.dist = value();
    else if (flag === '--only') options.only = new Set(value().split(','));
    else if (flag === '--headed') options.headed = true;
    else if (flag === '--profile') options.profile = value();
    else if (flag === '--room-window') options.roomWindowS = Number(value());
    else if (flag === '--help' || flag === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 20).join('\n').replace(/^ \*? ?/gm, ''));
      process.exit(0);
    } else throw new Error(`Unknown flag ${flag}; try --help.`);
  }
  if (options.quick) {
    options.sizes = [500];
    options.runs = 1;
    // the smoke checks the facilitator's figures are made, not their timing: a short, harsher window
    options.roomWindowS = 5;
  }
  if (!(options.roomWindowS >= 1)) throw new Error('--room-window wants a number of seconds, at least 1.');
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error('--sizes wants whole numbers of topics, at least 10, like 500,2000.');
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs wants a whole number, at least 1.');
  return options;
}

const options = parseArgs(process.argv.slice(2));
/** Thrown past the browser's figures when only the room's were asked for. */
class SkipBrowserFigures extends Error {}
const wants = (name) => options.only === null || options.only.has(name);
/** The bare React Flow page is measured only for the figures that compare against it (at 20,000 topics it costs a minute a run). */
const wantsBaseline = ['baseline_open', 'baseline_pan', 'open_ratio', 'pan_ratio'].some(wants);
/** The timed run of the map (open, pan, add, exports…) is needed for any figure but the facilitator's. */
const wantsTouchmapRun = PER_SIZE.some(wants) || (options.only !== null && [...options.only].some((name) => !ROOM_FACILITATOR.includes(name) && !name.startsWith('room_') && name !== 'bundle_initial_gzip'));
const wantsFacilitator = (n) => ROOM_FACILITATOR.some(wants) && (n <= ROOM_FACILITATOR_MAX_N || options.only !== null);
const DIST = resolve(ROOT, options.dist);
const notes = [];
const note = (text) => {
  if (!notes.includes(text)) notes.push(text);
  console.log(`  note: ${text}`);
};

// ------------------------------------------------------------------------------------------
// Builds: the renderer, the fixtures (esbuild), the baseline page (vite)
// ------------------------------------------------------------------------------------------

function buildRenderer() {
  console.log(`Building the renderer into ${options.dist} …`);
  const result = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The renderer build failed (see above); fix it, or run the suite against an existing build without --build.');
}

async function bundleFixtures() {
  mkdirSync(TMP, { recursive: true });
  const outfile = join(TMP, 'fixtures.mjs');
  await esbuild({
    stdin: {
      contents: [
        "export { generateMap } from './tests/fixtures/generate-map';",
        "export { projectMindMap, DEFAULT_GROUP_LABELS } from './renderer/src/drawing/projection';",
        "export { layoutMindMap } from './renderer/src/drawing/layout';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: join(ROOT, 'tsconfig.test.json'),
    outfile,
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

async function buildBaseline() {
  console.log('Building the bare React Flow baseline page …');
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  await build({
    configFile: false,
    root: join(ROOT, 'tests/bench/baseline'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir: BASELINE_OUT, emptyOutDir: true },
  });
}

// ------------------------------------------------------------------------------------------
// A tiny static server: the app at /, the baseline at /__baseline/
// ------------------------------------------------------------------------------------------

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

function serve() {
  const roots = [
    ['/__baseline/', BASELINE_OUT],
    ['/', DIST],
  ];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const [prefix, root] = roots.find(([p]) => path.startsWith(p));
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root + sep) && file !== root) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  });
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

// ------------------------------------------------------------------------------------------
// Statistics
// ------------------------------------------------------------------------------------------

function percentile(sorted, p) {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

const round = (x) => (Math.abs(x) >= 100 ? Math.round(x * 10) / 10 : Math.round(x * 100) / 100);

function figure(name, n, unit, samples, runs) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { name, n, unit, median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), runs };
}

// ------------------------------------------------------------------------------------------
// Browser runs
// ------------------------------------------------------------------------------------------

async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (process.env.BENCH_CONSOLE) page.on('console', (message) => console.log(`  console: ${message.text()}`));
  return { context, page, errors };
}

/** The JavaScript the library screen loads before it is interactive, gzipped (KB). */
async function measureInitialBundle(browser, base) {
  const { context, page } = await newPage(browser);
  const scripts = new Map();
  let interactive = false;
  page.on('response', (response) => {
    if (interactive) return;
    const type = response.request().resourceType();
    const url = response.url();
    if (type === 'script' || /\.m?js(\?|$)/.test(url)) scripts.set(url, response.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(`${base}/#/`);
  await page.getByRole('button', { name: 'New map' }).first().waitFor({ state: 'visible' });
  await page.waitForLoadState('load');
  interactive = true;
  let bytes = 0;
  for (const body of scripts.values()) bytes += gzipSync(await body, { level: 9 }).length;
  await context.close();
  return { kb: bytes / 1024, files: scripts.size };
}

/** Stores `doc` through the app's repository and starts the app afresh on the library: its card. */
async function storeAndShowCard(page, base, doc) {
  await page.goto(`${base}/?bench#/`);
  await page.waitForFunction(() => window.__touchmap !== undefined);
  await page.evaluate((d) => window.__touchmap.importDocs([d]), doc);
  await page.reload();
  await page.waitForFunction(() => window.__touchmap !== undefined);
  const card = page.getByRole('button', { name: new RegExp(`^Open ${doc.map.title}`) });
  await card.waitFor({ state: 'visible' });
  return card;
}

/**
 * heap_after_open in a context of its own: the map opened, a forced GC, then the JS heap in use.
 * Not in the timed run: a forced GC there throws away compiled code and caches, and the figures
 * after it (pan, add_touchpoint) then measured a cold page — twice as slow as a person sees.
 */
async function heapRun(browser, base, doc) {
  const { context, page } = await newPage(browser);
  try {
    const card = await storeAndShowCard(page, base, doc);
    await page.evaluate(() => window.__bench.arm());
    const opened = page.evaluate(() => window.__bench.timeCanvasOpen('lastClick'));
    await card.click();
    await opened;
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usedSize / (1024 * 1024);
  } finally {
    await context.close();
  }
}

/**
 * One run of Touchmap on a map of N topics in a fresh context: the map is stored through the app
 * first, then each figure is timed. Returns { name: sample | samples[] }.
 */
async function touchmapRun(browser, base, doc, n, profile = false) {
  const { context, page, errors } = await newPage(browser);
  const out = {};
  // --profile: a CPU profile and a trace of one figure's work, written as <dir>/<figure>-<n>.cpuprofile
  // and .trace.json (Chrome DevTools ▸ Performance opens both); only in the first run, and the figure
  // it wraps is slower for it.
  const profiled = async (name, work) => {
    if (!profile) return work();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    mkdirSync(resolve(ROOT, options.profile), { recursive: true });
    // and a trace, for what the profile cannot see: style, layout, paint (Performance panel ▸ Load profile)
    await browser.startTracing(page, { path: resolve(ROOT, options.profile, `${name}-${n}.trace.json`), categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] });
    try {
      return await work();
    } finally {
      await browser.stopTracing();
      const { profile: recorded } = await cdp.send('Profiler.stop');
      writeFileSync(resolve(ROOT, options.profile, `${name}-${n}.cpuprofile`), JSON.stringify(recorded));
      await cdp.detach();
    }
  };
  try {
    // 1. Store the map through the app's repository, then start the app afresh on the library.
    const card = await storeAndShowCard(page, base, doc);

    // 2. open: click → every node in view rendered, the editor accepting keys.
    await page.evaluate(() => window.__bench.arm());
    const opened = page.evaluate(() => window.__bench.timeCanvasOpen('lastClick'));
    await card.click();
    out.open = await opened;
    const canvas = await page.locator('.canvas').boundingBox();
    out.canvas = canvas;
    // where the map opened (big maps open at a readable zoom, not fitted): the baseline opens there too
    out.openViewport = await page.evaluate(() => window.__bench.viewport());

    // 4. pan / zoom: 60 programmatic steps each, one per frame.
    if (wants('pan')) out.pan = await profiled('pan', () => page.evaluate(([s, dx]) => window.__bench.pan(s, dx), [STEPS, PAN_DX]));
    if (wants('zoom')) out.zoom = await profiled('zoom', () => page.evaluate(([s, d]) => window.__bench.zoom(s, d), [STEPS, ZOOM_DELTA]));
    await page.waitForTimeout(300); // the wheel's end timer
    // The zoom's 30 steps in hit the 300 % limit, so its 30 steps out end at 30 %, not where the map
    // opened: the figures below start from the opening view again (Tab at 30 % mounts ~4× the nodes).
    if (wants('zoom')) {
      await page.evaluate((v) => window.__touchmap.setViewport(v), out.openViewport);
      await page.waitForTimeout(300);
    }

    // 5. add_touchpoint: a stage group in view selected, Tab → the new node visible, selected, its label editor focused.
    if (wants('add_touchpoint')) {
      let groupId = await page.evaluate(() => window.__bench.nearestNode('.react-flow__node[data-id*=":stage:"]'));
      if (!groupId) {
        // A big map at the fitted zoom may show no stage group whole: select one (the canvas pans it into view).
        groupId = `group:online:stage:${doc.map.stages[2].id}`;
        await page.evaluate((id) => window.__touchmap.select([id]), groupId);
        await page.waitForTimeout(600);
      }
      await page.locator(`.react-flow__node[data-id="${groupId}"]`).click();
      await page.locator(`.react-flow__node[data-id="${groupId}"] [aria-selected="true"]`).waitFor();
      await page.evaluate(() => window.__bench.arm());
      const added = page.evaluate(async () => (await window.__bench.waitFrame(window.__bench.newNodeEditing, 10_000, 'lastKey')) - window.__bench.lastKey);
      out.add_touchpoint = await profiled('add_touchpoint', async () => {
        await page.keyboard.press('Tab');
        return added;
      });
      await page.keyboard.press('Escape');
    }

    // 6. edit_saved / edit_rows_written: a touchpoint's score changed in the inspector → its row committed.
    if (wants('edit_saved')) {
      await page.evaluate(() => window.__touchmap.flush());
      const topicId = await page.evaluate(() => window.__bench.nearestNode('.react-flow__node-touchpoint'));
      if (!topicId) throw new Error('No touchpoint in view to edit.');
      await page.locator(`.react-flow__node[data-id="${topicId}"]`).click();
      const score = page.getByRole('radiogroup', { name: 'Score' });
      await score.waitFor();
      await page.evaluate(() => window.__touchmap.flush());
      const target = score.locator('[role="radio"][aria-checked="false"]').first();
      await page.evaluate(() => window.__bench.arm());
      const saved = page.evaluate(async () => {
        const write = await window.__touchmap.nextWrite();
        return { ms: write.at - window.__bench.lastClick - window.__touchmap.throttleMs, rows: write.report.rows };
      });
      await target.click();
      const { ms, rows } = await saved;
      out.edit_saved = ms;
      out.edit_rows_written = rows;
    }

    // 7. switch_view: mind map → grid → outline → mind map (Ctrl/Cmd+2, 3, 1).
    if (wants('switch_view')) {
      const hasViews = (await page.getByRole('group', { name: 'View' }).count()) > 0;
      if (!hasViews) {
        note('switch_view skipped: the editor has no view switch yet.');
      } else {
        await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } }); // nothing selected, focus on the page
        const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
        const steps = [
          ['grid', '2', () => document.querySelector('.grid-view') !== null && document.querySelector('.react-flow') === null],
          ['outline', '3', () => window.__touchmap.view() === 'outline' && document.querySelector('.grid-view') === null && document.querySelector('.react-flow') === null && document.querySelector('.editor__view')?.childElementCount > 0],
          ['mindmap', '1', () => window.__bench.canvasReady()],
        ];
        out.switch_view = {};
        for (const [view, key, check] of steps) {
          await page.evaluate(() => window.__bench.arm());
          const switched = page.evaluate(async (source) => {
            // the check travels as source text
            const done = await window.__bench.waitFrame(new Function(`return (${source})()`), 20_000, 'lastKey');
            return done - window.__bench.lastKey;
          }, check.toString());
          await page.keyboard.press(`${mod}+${key}`);
          out.switch_view[view] = await switched;
          if (view === 'outline' && (await page.getByText('The outline view is on its way').count()) > 0) {
            note('switch_view: the outline view is still a placeholder; its switch time is the placeholder\'s.');
          }
        }
      }
    }

    // 7a. analysis_open: Ctrl/Cmd+4 → the first frame with the four analysis charts painted (the
    // figures computed from the whole map, the charts' SVG in the page), then back to the mind map.
    if (wants('analysis_open')) {
      const hasAnalysis = (await page.getByRole('button', { name: 'Analysis' }).count()) > 0;
      if (!hasAnalysis) note('analysis_open skipped: this build has no analysis view.');
      else {
        const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
        await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
        await page.evaluate(() => window.__bench.arm());
        const painted = page.evaluate(async () => {
          const done = await window.__bench.waitFrame(() => document.querySelectorAll('.analysis [data-chart] svg text').length > 0 && document.querySelectorAll('.analysis [data-chart] svg').length === 4, 30_000, 'lastKey');
          return done - window.__bench.lastKey;
        });
        await page.keyboard.press(`${mod}+4`);
        out.analysis_open = await painted;
        await page.keyboard.press(`${mod}+1`);
        await page.evaluate(() => window.__bench.waitFrame(() => window.__bench.canvasReady(), 20_000));
      }
    }

    // 8. layout: projection + layout of the open map in the page (label cache cleared; JIT warmed by 3 runs).
    if (wants('layout')) out.layout = await page.evaluate(() => window.__touchmap.layout(1, 3)[0]);

    // 8a. restore_point_write: a named restore point of the open map (the whole document serialized
    // and stored, as Restore points… does), then removed again.
    if (wants('restore_point_write')) out.restore_point_write = await page.evaluate(() => window.__touchmap.restorePointWrite());

    // 8b. fit_view: Ctrl/Cmd+Shift+0 twice → the whole map on screen, the canvas at rest (the view a
    // big map no longer opens with; see docs/performance.md). Taken from the view the map opened at (switch_view reopened it).
    if (wants('fit_view')) {
      const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
      await page.evaluate(() => window.__bench.arm());
      const fitted = page.evaluate(async () => {
        const before = window.__bench.viewportTransform();
        let moved = false;
        let previous = '';
        let first = 0;
        const atRest = () => {
          if (!window.__bench.canvasReady()) return false;
          const transform = window.__bench.viewportTransform();
          if (transform !== before) moved = true;
          const state = `${transform} ${document.querySelectorAll('.react-flow__node').length}`;
          if (state !== previous) {
            previous = state;
            first = performance.now();
            return false;
          }
          // not moved a second after the key: the map was already fitted
          return moved || performance.now() - window.__bench.lastKey > 1000;
        };
        await window.__bench.waitFrame(atRest, 20_000, 'lastKey');
        return moved ? first - window.__bench.lastKey : null;
      });
      // Fit to view keeps labels readable (a 12 px floor) and frames the business, which is the view a
      // map opens at; pressed again at once it shows the whole map. Both presses, timed from the second.
      await page.keyboard.press(`${mod}+Shift+0`);
      await page.keyboard.press(`${mod}+Shift+0`);
      const ms = await fitted;
      if (ms === null) note(`fit_view skipped at N = ${n}: the map opened fitted already.`);
      else out.fit_view = ms;
    }

    // 8c. present_step: presenting (F5), a key → the next slide painted (its counter shows it, its
    // picture drawn): the first steps of the default deck, the whole map → each stage in turn, each
    // slide a new drawing of the map's part. One sample per step, pooled; the budget is the pan frame's.
    if (wants('present_step')) {
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('F5');
      const counter = page.locator('.slideshow__counter');
      await counter.waitFor();
      await page.locator('.slideshow [data-testid="slide-picture"]').waitFor({ timeout: 60_000 });
      const total = Number((await counter.innerText()).split('/')[1]);
      out.present_step = [];
      for (let slide = 2; slide <= Math.min(total, PRESENT_STEPS + 1); slide++) {
        // a presenter speaks between slides: the slide show draws the next one meanwhile
        await page.waitForTimeout(PRESENT_PAUSE_MS);
        await page.evaluate(() => window.__bench.arm());
        const shown = page.evaluate(async (want) => {
          const painted = () => document.querySelector('.slideshow__counter')?.textContent?.startsWith(`${want} /`) === true && document.querySelector('.slideshow [data-testid="slide-picture"], .slideshow table, .slideshow__empty') !== null;
          return (await window.__bench.waitFrame(painted, 60_000, 'lastKey')) - window.__bench.lastKey;
        }, slide);
        await page.keyboard.press('ArrowRight');
        out.present_step.push(await shown);
      }
      await page.keyboard.press('Escape');
    }

    // 9. exports: whole map, PNG at 2× and PDF fitted to one page (written by the app's own PDF writer, as `npm run export` does).
    if (wants('export_png_2x') || wants('export_pdf_fit')) {
      const available = await page.evaluate(() => typeof window.__touchmap.exportVisual === 'function');
      if (!available) note('export_png_2x / export_pdf_fit skipped: this build has no bench export hook.');
      else {
        try {
          if (wants('export_png_2x')) {
            out.export_png_2x = (await profiled('export_png_2x', () => page.evaluate(() => window.__touchmap.exportVisual('png_2x')))).ms;
            if (process.env.BENCH_PNG_OUT) await savePng(page, `${process.env.BENCH_PNG_OUT.replace(/\.png$/, '')}-${n}.png`);
          }
          if (wants('export_pdf_fit')) {
            const started = Date.now();
            // (profiled: the PDF's making in the page)
            const result = await profiled('export_pdf_fit', () => page.evaluate(() => window.__touchmap.exportVisual('pdf_fit')));
            if (!result.pdf) throw new Error('the PDF export returned no PDF');
            const made = Date.now();
            if (result.pdf.html === undefined) {
              // The app's own PDF writer: the figure ends when the file's bytes exist in the page.
              if (!(result.pdf.bytes > 0) || !(result.pdf.pages > 0)) throw new Error('the PDF export returned an empty PDF');
              out.export_pdf_fit = made - started;
              const t = result.pdf.timings;
              if (process.env.BENCH_PDF_PHASES && t) console.log(`  pdf phases: drawing ${Math.round(t.drawMs)} ms, fonts ${Math.round(t.fontsMs)} ms, written ${Math.round(t.writeMs)} ms (in the page; ${made - started} ms in all, ${(result.pdf.bytes / 1e6).toFixed(2)} MB of PDF)`);
            } else {
              // A build that still printed map pages through Chromium (a baseline): print its document as the headless export did.
              const printPage = await context.newPage();
              await printPage.setContent(result.pdf.html, { waitUntil: 'load' });
              await printPage.evaluate(() => document.fonts.ready);
              const loaded = Date.now();
              await printPage.pdf({ width: `${result.pdf.widthIn}in`, height: `${result.pdf.heightIn}in`, printBackground: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } });
              out.export_pdf_fit = Date.now() - started;
              if (process.env.BENCH_PDF_PHASES) console.log(`  pdf phases: document ${made - started} ms, loaded ${loaded - made} ms, printed ${Date.now() - loaded} ms (${(result.pdf.html.length / 1e6).toFixed(1)} MB of HTML)`);
              await printPage.close();
            }
          }
        } catch (error) {
          note(`exports skipped: ${error.message.split('\n')[0]}`);
        }
      }
    }
    if (errors.length > 0) note(`page errors during the N = ${n} run: ${[...new Set(errors)].join(' | ').slice(0, 300)}`);
    return out;
  } finally {
    await context.close();
  }
}

/** One run of the bare React Flow page with the same nodes, in a fresh context. */
/** Saves the PNG the page's export hook made last, in 8 MB parts (BENCH_PNG_OUT: to compare pixels across builds). */
async function savePng(page, file) {
  const parts = [];
  for (let from = 0, total = 1; from < total; from += 8 << 20) {
    const part = await page.evaluate(([f, l]) => window.__touchmap.lastPngPart(f, l), [from, 8 << 20]);
    total = part.total;
    parts.push(Buffer.from(part.base64, 'base64'));
  }
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, Buffer.concat(parts));
  console.log(`  saved ${file}`);
}

async function baselineRun(browser, base, n, canvas, viewport) {
  const { context, page } = await newPage(browser);
  try {
    // the same canvas size and the same opening view as Touchmap's run, so both show the same nodes
    const at = viewport ? `&vx=${viewport.x}&vy=${viewport.y}&vz=${viewport.zoom}` : '';
    await page.goto(`${base}/__baseline/?n=${n}&w=${Math.round(canvas.width)}&h=${Math.round(canvas.height)}${at}`);
    const open = page.getByRole('button', { name: 'Open' });
    await open.waitFor();
    await page.evaluate(() => window.__bench.arm());
    const opened = page.evaluate(() => window.__bench.timeCanvasOpen('lastClick'));
    await open.click();
    const result = { open: await opened };
    result.pan = await page.evaluate(([s, dx]) => window.__bench.pan(s, dx), [STEPS, PAN_DX]);
    return result;
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------

const started = Date.now();
const figures = [];

// The live room's figures: Node only (a room server process and protocol clients), no browser.
const ROOM_FIGURES = ['room_rating_latency', 'room_capacity'];
/** tests/bench/room-bench.ts, bundled once: the room server's process and the Node phones. */
let roomBenchModule = null;
async function loadRoomBench() {
  if (roomBenchModule) return roomBenchModule;
  const outfile = join(TMP, 'room-bench.mjs');
  mkdirSync(TMP, { recursive: true });
  // packages stay external (ws, yjs …: Node loads them), but the model's `@shared/…` imports are our own code and are bundled
  await esbuild({ entryPoints: [join(ROOT, 'tests/bench/room-bench.ts')], bundle: true, outfile, format: 'esm', platform: 'node', target: 'node20', packages: 'external', alias: { '@shared': join(ROOT, 'shared') }, logLevel: 'silent' });
  roomBenchModule = await import(`${pathToFileURL(outfile).href}?${Date.now()}`);
  return roomBenchModule;
}
if (ROOM_FIGURES.some(wants)) {
  const room = await loadRoomBench();
  if (wants('room_rating_latency')) {
    const samples = [];
    for (let r = 0; r < options.runs; r++) {
      const server = await room.startRoomProcess(ROOT);
      try {
        // 30 participants, 50 touchpoints each, one rating every 300 ms: a busy round.
        samples.push(...(await room.ratingLatencies(server, 30, 50, 300)));
      } finally {
        server.stop();
      }
    }
    figures.push(figure('room_rating_latency', 30, 'ms', samples, options.runs));
    console.log(`room_rating_latency (30 participants): median ${round(percentile([...samples].sort((a, b) => a - b), 50))} ms, p95 ${round(percentile([...samples].sort((a, b) => a - b), 95))} ms`);
  }
  if (wants('room_capacity') && !options.quick) {
    const { capacity } = await room.roomCapacity(ROOT, { step: 10, max: 400, topics: 10, spacingMs: 1000, limitMs: 250, log: console.log });
    figures.push(figure('room_capacity', 0, 'participants', [capacity], 1));
  }
}
const roomOnly = options.only !== null && [...options.only].every((name) => ROOM_FIGURES.includes(name));

if (!roomOnly && (options.build || !existsSync(join(DIST, 'index.html')))) buildRenderer();
const fixtures = roomOnly ? null : await bundleFixtures();
if (!roomOnly && (options.build || !existsSync(join(BASELINE_OUT, 'index.html')))) await buildBaseline();

// Maps, and the baseline's copy of their layout, made before any browser starts.
const docs = new Map();
for (const n of roomOnly ? [] : options.sizes) {
  const doc = fixtures.generateMap({ seed: n, topics: n });
  docs.set(n, doc);
  const layout = fixtures.layoutMindMap(fixtures.projectMindMap(doc, { grouping: 'channel-stage', labels: fixtures.DEFAULT_GROUP_LABELS }));
  writeFileSync(
    join(BASELINE_OUT, `layout-${n}.json`),
    JSON.stringify({
      nodes: layout.nodes.map((node) => ({ id: node.id, label: node.lines.join('\n'), x: node.x, y: node.y, width: node.width, height: node.height })),
      edges: layout.edges,
    }),
  );
}

const server = roomOnly ? null : await serve();
const base = server ? `http://127.0.0.1:${server.address().port}` : '';
const browser = roomOnly ? null : await chromium.launch({ executablePath: await findChromium(), headless: !options.headed, args: CHROMIUM_ARGS });
if (browser) console.log(`Chromium ${browser.version()} · ${cpus().length} cores · load ${loadavg().map((l) => l.toFixed(2)).join(' ')} · sizes ${options.sizes.join(', ')} · ${options.runs} run(s)\n`);

try {
  if (roomOnly) throw new SkipBrowserFigures();
  if (wants('bundle_initial_gzip')) {
    const samples = [];
    let files = 0;
    for (let r = 0; r < options.runs; r++) {
      const bundle = await measureInitialBundle(browser, base);
      samples.push(bundle.kb);
      files = bundle.files;
    }
    figures.push(figure('bundle_initial_gzip', 0, 'KB', samples, options.runs));
    console.log(`bundle_initial_gzip: ${round(samples[0])} KB in ${files} script(s)`);
  }

  for (const n of options.sizes) {
    const doc = docs.get(n);
    const runs = [];
    const baselines = [];
    const facilitatorRuns = [];
    if (ROOM_FACILITATOR.some(wants) && !wantsFacilitator(n)) note(`room_facilitator_* skipped at N = ${n}: a workshop's map is up to ${ROOM_FACILITATOR_MAX_N} topics (--only room_facilitator_pan --sizes ${n} takes it anyway).`);
    for (let r = 0; r < options.runs; r++) {
      const t0 = Date.now();
      if (wantsTouchmapRun) {
        const run = await touchmapRun(browser, base, doc, n, options.profile !== null && r === 0);
        if (wants('heap_after_open')) run.heap_after_open = await heapRun(browser, base, doc);
        runs.push(run);
        const baseline = wantsBaseline ? await baselineRun(browser, base, n, run.canvas, run.openViewport) : null;
        if (baseline) baselines.push(baseline);
        const extra = wants('add_touchpoint') && typeof run.add_touchpoint === 'number' ? ` · add_touchpoint ${round(run.add_touchpoint)} ms` : '';
        console.log(`N = ${n}, run ${r + 1}/${options.runs}: open ${round(run.open)} ms${baseline ? ` (baseline ${round(baseline.open)} ms)` : ''}${extra} · ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      if (wantsFacilitator(n)) {
        const t1 = Date.now();
        const profilePath = options.profile !== null && r === 0 ? resolve(ROOT, options.profile, `room_facilitator_pan-${n}.cpuprofile`) : null;
        if (profilePath) mkdirSync(dirname(profilePath), { recursive: true });
        const load = await facilitatorRun({ browser, base, doc, helpers: { newPage, storeAndShowCard }, roomBench: await loadRoomBench(), root: ROOT, windowMs: options.roomWindowS * 1000, steps: STEPS, dx: PAN_DX, profilePath });
        facilitatorRuns.push(load);
        const sorted = (frames) => [...frames].sort((a, b) => a - b);
        const long = load.pan_loaded.filter((f) => f > LONG_FRAME_MS).length;
        console.log(
          `N = ${n}, room run ${r + 1}/${options.runs}: pan during the load p95 ${round(percentile(sorted(load.pan_loaded), 95))} ms, ${long} of ${load.pan_loaded.length} frames over ${LONG_FRAME_MS} ms` +
            ` (alone p95 ${round(percentile(sorted(load.pan_alone), 95))} ms) · main thread ${Math.round(load.cpu_loaded)} ms/s (alone ${Math.round(load.cpu_alone)}) · panel ${load.counts.ratings} ratings from ${load.counts.raters}, ${load.counts.proposals} proposals, all ${round(load.settle)} ms after the last · load ${loadavg()[0].toFixed(2)} · ${((Date.now() - t1) / 1000).toFixed(1)} s`,
        );
        if (load.errors.length > 0) note(`room_facilitator at N = ${n}, run ${r + 1}: page errors: ${load.errors.join(' | ').slice(0, 300)}`);
        if (!inboxExact(load.counts, load.labelsExpected) || load.counts.ratings !== load.sent) {
          note(`room_facilitator at N = ${n}, run ${r + 1}: the panel showed ${load.counts.ratings} of ${load.sent} ratings and ${load.counts.labels.length} of ${load.labelsExpected.length} proposals${inboxExact(load.counts, load.labelsExpected) ? '' : ' (the inbox is not every proposal once)'}.`);
          process.exitCode = 1;
        }
      }
    }
    const scalar = (name, unit, key = name) => {
      const samples = runs.map((run) => run[key]).filter((v) => typeof v === 'number');
      if (samples.length > 0) figures.push(figure(name, n, unit, samples, samples.length));
    };
    const p95 = (frames) => percentile([...frames].sort((a, b) => a - b), 95);
    scalar('open', 'ms');
    scalar('fit_view', 'ms');
    scalar('analysis_open', 'ms');
    if (runs[0]?.pan) {
      // frame times of every run pooled: the budget is on the p95 frame
      figures.push(figure('pan', n, 'ms', runs.flatMap((run) => run.pan), runs.length));
      figures.push(figure('pan_long_frames', n, '%', runs.map((run) => (100 * run.pan.filter((f) => f > LONG_FRAME_MS).length) / run.pan.length), runs.length));
    }
    if (runs[0]?.zoom) figures.push(figure('zoom', n, 'ms', runs.flatMap((run) => run.zoom), runs.length));
    scalar('add_touchpoint', 'ms');
    // every step of every run pooled, like the pan's frames
    if (runs[0]?.present_step) figures.push(figure('present_step', n, 'ms', runs.flatMap((run) => run.present_step ?? []), runs.length));
    scalar('edit_saved', 'ms');
    scalar('edit_rows_written', 'rows');
    if (runs[0]?.switch_view) {
      const steps = Object.keys(runs[0].switch_view);
      // the slowest of the three switches per run, then each switch on its own
      figures.push(figure('switch_view', n, 'ms', runs.map((run) => Math.max(...Object.values(run.switch_view))), runs.length));
      for (const step of steps) figures.push(figure(`switch_view_to_${step}`, n, 'ms', runs.map((run) => run.switch_view[step]), runs.length));
    }
    scalar('layout', 'ms');
    scalar('restore_point_write', 'ms');
    scalar('export_png_2x', 'ms');
    scalar('export_pdf_fit', 'ms');
    scalar('heap_after_open', 'MB');
    if (facilitatorRuns.length > 0) {
      const runsOf = facilitatorRuns.length;
      // frames of every run pooled, as pan's; the ratio per run, the load against the same page alone
      figures.push(figure('room_facilitator_pan', n, 'ms', facilitatorRuns.flatMap((run) => run.pan_loaded), runsOf));
      figures.push(figure('room_facilitator_long_frames', n, '%', facilitatorRuns.map((run) => (100 * run.pan_loaded.filter((f) => f > LONG_FRAME_MS).length) / run.pan_loaded.length), runsOf));
      figures.push(figure('room_facilitator_pan_alone', n, 'ms', facilitatorRuns.flatMap((run) => run.pan_alone), runsOf));
      figures.push(figure('room_facilitator_pan_ratio', n, '×', facilitatorRuns.map((run) => p95(run.pan_loaded) / p95(run.pan_alone)), runsOf));
      // the page's main thread CPU, ms per second: what the room adds is the difference, whatever the neighbours' load
      figures.push(figure('room_facilitator_cpu', n, 'ms/s', facilitatorRuns.map((run) => run.cpu_loaded), runsOf));
      figures.push(figure('room_facilitator_cpu_alone', n, 'ms/s', facilitatorRuns.map((run) => run.cpu_alone), runsOf));
      figures.push(figure('room_facilitator_settle', n, 'ms', facilitatorRuns.map((run) => run.settle), runsOf));
      figures.push(figure('room_facilitator_ratings', n, 'ratings', facilitatorRuns.map((run) => run.counts.ratings), runsOf));
      figures.push(figure('room_facilitator_proposals', n, 'proposals', facilitatorRuns.map((run) => run.counts.labels.length), runsOf));
    }
    if (baselines.length > 0) {
      figures.push(figure('baseline_open', n, 'ms', baselines.map((b) => b.open), baselines.length));
      figures.push(figure('baseline_pan', n, 'ms', baselines.flatMap((b) => b.pan), baselines.length));
      // ratios per run, Touchmap's run against the baseline run right after it
      figures.push(figure('open_ratio', n, '×', runs.map((run, i) => run.open / baselines[i].open), runs.length));
      if (runs[0]?.pan) figures.push(figure('pan_ratio', n, '×', runs.map((run, i) => p95(run.pan) / p95(baselines[i].pan)), runs.length));
    }
  }
} catch (error) {
  if (!(error instanceof SkipBrowserFigures)) throw error;
} finally {
  await browser?.close();
  server?.close();
}

// ------------------------------------------------------------------------------------------
// Report
// ------------------------------------------------------------------------------------------

const sizes = [...new Set(figures.map((f) => f.n))];
if (roomOnly) console.log(`\n${cpus().length} cores · load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`\n## Touchmap benchmark — ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, headless Chromium (software rendering)\n`);
console.log('| figure | N | unit | median | p95 | min | max | runs |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|');
for (const n of sizes) for (const f of figures.filter((x) => x.n === n)) console.log(`| ${f.name} | ${f.n || '—'} | ${f.unit} | ${f.median} | ${f.p95} | ${f.min} | ${f.max} | ${f.runs} |`);
if (notes.length > 0) console.log(`\nNotes:\n${notes.map((t) => `- ${t}`).join('\n')}`);
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
if (options.json) {
  mkdirSync(dirname(resolve(ROOT, options.json)), { recursive: true });
  writeFileSync(resolve(ROOT, options.json), JSON.stringify(figures, null, 2));
  console.log(`Wrote ${options.json}`);
}

// The smoke's only assertion (`--quick`, or `--strict`): every figure was produced. Never a timing.
if ((options.quick || options.strict) && options.only === null) {
  const missing = [];
  if (!figures.some((f) => f.name === 'bundle_initial_gzip')) missing.push('bundle_initial_gzip');
  for (const n of options.sizes) for (const name of [...PER_SIZE, ...(n <= ROOM_FACILITATOR_MAX_N ? ROOM_FACILITATOR : [])]) if (!figures.some((f) => f.name === name && f.n === n)) missing.push(`${name} (N = ${n})`);
  if (missing.length > 0) {
    console.error(`\nThe benchmark did not produce: ${missing.join(', ')}. See the notes above for why.`);
    process.exitCode = 1;
  } else {
    console.log('Every figure was produced.');
  }
}

// Done: leave now. A handle left open by a figure (a socket of the room's clients, esbuild's
// service, a child process) must never keep CI or a person waiting after the results are out.
process.exit(process.exitCode ?? 0);
