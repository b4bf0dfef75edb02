/**
 * Crash cycles: a real Chromium on a persistent profile, edited through the UI by keys, killed
 * with SIGKILL once the status says Saved, started again on the same profile — and the map read
 * back (the outline's rows and the stored rows) against the model of what the user saw.
 *
 * The browser is started here rather than by Playwright's launcher so the test holds its process
 * id: Chromium runs in its own process group, and the kill takes the whole group at once (the
 * browser, its storage service and its renderers), as a crash or the OOM killer would, with no
 * pagehide, no flush and no clean shutdown.
 */
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- a plain .mjs module shared with the benchmark and the headless export
import { findChromium, CHROMIUM_ARGS } from '../../scripts/find-chromium.mjs';
import { mod } from './driver';

/** The Customer journey preset's stages, in the order number keys pick them on a Stage cell. */
export const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Experience', 'Loyalty', 'Advocacy'] as const;

/** What the user saw of one touchpoint: what must survive the crash. */
export interface TouchpointState {
  readonly label: string;
  readonly stage: string;
  /** The Score cell's text: '' while unrated. */
  readonly score: string;
}

/** The expected map: touchpoints by label (labels are unique by construction). */
export type MapModel = Map<string, TouchpointState>;

export type EditKind = 'add' | 'rename' | 'rate' | 'delete' | 'stage';

/** One edit made, for the log a failure is replayed from. */
export interface Edit {
  readonly kind: EditKind;
  readonly target: string;
  readonly detail: string;
}

/** Mulberry32: a small seeded generator, so a failing run is replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of this run: `CRASH_SEED` to replay one, else the given default. */
export function crashSeed(fallback: number): number {
  const fromEnv = process.env.CRASH_SEED;
  if (fromEnv === undefined || fromEnv === '') return fallback;
  const seed = Number(fromEnv);
  if (!Number.isInteger(seed)) throw new Error(`CRASH_SEED must be an integer, not “${fromEnv}”.`);
  return seed;
}

// ─── the browser ────────────────────────────────────────────────────────────────────────────

/** A Chromium this test started on a profile directory, and the CDP connection to it. */
export interface RunningBrowser {
  readonly process: ChildProcess;
  readonly browser: Browser;
  readonly page: Page;
}

/** A fresh profile directory; removed by {@link removeProfile}. */
export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'touchmap-crash-'));
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Starts Chromium on the profile (headless, its own process group) and connects over CDP. */
export async function startBrowser(profile: string): Promise<RunningBrowser> {
  const found = (await findChromium()) as string | undefined;
  const executable = found ?? chromium.executablePath();
  const args = [
    ...(CHROMIUM_ARGS as string[]),
    '--headless=new',
    '--window-size=1440,900',
    `--user-data-dir=${profile}`,
    '--remote-debugging-port=0',
    'about:blank',
  ];
  const child = spawn(executable, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port within 20 s. It said:\n${said}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(said);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code ?? signal}) before it opened its DevTools port. It said:\n${said}`));
    });
  });
  child.stderr?.resume(); // keep draining Chromium's log so it never blocks on a full pipe
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium started with no default context.');
  const page = context.pages()[0] ?? (await context.newPage());
  return { process: child, browser, page };
}

/** SIGKILL to the browser's whole process group; resolves once the browser process is gone. */
export async function killBrowser(running: RunningBrowser): Promise<void> {
  const pid = running.process.pid;
  if (pid === undefined) throw new Error('The browser has no process id to kill.');
  const exited = new Promise<void>((resolve) => {
    if (running.process.exitCode !== null || running.process.signalCode !== null) resolve();
    else running.process.once('exit', () => resolve());
  });
  process.kill(-pid, 'SIGKILL');
  await exited;
  expect(running.process.signalCode).toBe('SIGKILL');
}

/** Ends a browser the test is done with (also by SIGKILL: there is nothing left to keep). */
export async function stopBrowser(running: RunningBrowser | null): Promise<void> {
  if (running && running.process.exitCode === null && running.process.signalCode === null) await killBrowser(running);
}

// ─── the app, by keys ───────────────────────────────────────────────────────────────────────

const outline = (page: Page) => page.getByRole('treegrid', { name: 'Outline' });
const editor = (page: Page) => page.getByRole('textbox', { name: 'Edit label' });
const saveStatus = (page: Page) => page.getByTestId('save-status');

/** Opens the library at the preview server. */
export async function openLibraryAt(page: Page, baseURL: string): Promise<void> {
  await page.goto(`${baseURL}/`);
  await expect(page.getByRole('heading', { name: 'Your maps' })).toBeVisible();
}

/** Opens the map from the library, and the outline. */
export async function openMap(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await showOutline(page);
}

export async function showOutline(page: Page): Promise<void> {
  await page.keyboard.press(`${mod}+3`);
  await expect(outline(page)).toBeVisible();
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 10_000 });
}

export async function saveStatusText(page: Page): Promise<string> {
  return (await saveStatus(page).textContent()) ?? '';
}

/** The outline's touchpoint rows, in order: label, stage and score as shown. */
export async function readOutline(page: Page): Promise<TouchpointState[]> {
  return page.locator('.outline__row.is-touchpoint').evaluateAll((rows) =>
    rows
      .map((row) => ({
        top: row.getBoundingClientRect().top,
        label: row.querySelector('.outline__label')?.textContent ?? '',
        stage: row.querySelector('[role="gridcell"][aria-label="Stage"]')?.textContent ?? '',
        score: row.querySelector('[role="gridcell"][aria-label="Score"]')?.textContent ?? '',
      }))
      .sort((a, b) => a.top - b.top)
      .map(({ label, stage, score }) => ({ label, stage, score })),
  );
}

/** Puts the outline's cursor on a column of the touchpoint's row, by keys from the first cell. */
async function cursorTo(page: Page, label: string, col: number): Promise<void> {
  const rows = await readOutline(page);
  const index = rows.findIndex((row) => row.label === label);
  if (index < 0) throw new Error(`The outline has no row “${label}”; it shows ${rows.map((r) => r.label).join(', ')}.`);
  // the grid takes the keys once it has the focus: a person clicks into it first
  if (!(await outline(page).evaluate((grid) => grid.contains(document.activeElement)))) {
    await page.locator('#outline-cell-0-0').click();
  }
  await page.keyboard.press(`${mod}+Home`);
  for (let k = 0; k < index; k++) await page.keyboard.press('ArrowDown');
  for (let k = 0; k < col; k++) await page.keyboard.press('ArrowRight');
  await expect(outline(page)).toHaveAttribute('aria-activedescendant', `outline-cell-${index}-${col}`);
}

const COL = { label: 0, stage: 2, score: 5 } as const;

/** Renames a touchpoint in the outline: a letter on its label cell starts editing; Enter commits. */
export async function rename(page: Page, from: string, to: string, commit = true): Promise<void> {
  await cursorTo(page, from, COL.label);
  await page.keyboard.press(to.charAt(0));
  await expect(outline(page).getByRole('textbox')).toHaveValue(to.charAt(0));
  await page.keyboard.type(to.slice(1));
  if (!commit) return;
  await page.keyboard.press('Enter');
  await expect(outline(page).getByRole('textbox')).toHaveCount(0);
  await expect(page.locator('.outline__row.is-touchpoint .outline__label').getByText(to, { exact: true })).toBeVisible();
}

/** Rates a touchpoint's score in the outline: a digit, or "1" then "0" for 10. */
export async function rate(page: Page, label: string, score: number): Promise<void> {
  await cursorTo(page, label, COL.score);
  if (score === 10) {
    await page.keyboard.press('1');
    await page.keyboard.press('0');
  } else {
    await page.keyboard.press(String(score));
  }
  await expect(outline(page).getByRole('row').filter({ has: page.getByText(label, { exact: true }) }).getByRole('gridcell', { name: 'Score' })).toHaveText(String(score));
}

/** Moves a touchpoint to another stage: number key n on its Stage cell picks the n-th stage. */
export async function moveStage(page: Page, label: string, stage: string): Promise<void> {
  await cursorTo(page, label, COL.stage);
  await page.keyboard.press(String(STAGES.indexOf(stage as (typeof STAGES)[number]) + 1));
  await expect(outline(page).getByRole('row').filter({ has: page.getByText(label, { exact: true }) }).getByRole('gridcell', { name: 'Stage' })).toHaveText(stage);
}

/** Deletes a touchpoint: chosen in the outline, Delete on the mind map. */
export async function remove(page: Page, label: string): Promise<void> {
  await cursorTo(page, label, COL.label);
  await page.keyboard.press(`${mod}+1`);
  await expect(page.locator('.react-flow__node .mind-node.is-selected').getByText(label, { exact: true })).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node').getByText(label, { exact: true })).toHaveCount(0);
  await showOutline(page);
}

/** Adds a touchpoint after another (same channel and stage): Enter on the mind map, its name, Enter, Esc. */
export async function addAfter(page: Page, sibling: string, label: string): Promise<void> {
  await startAdding(page, sibling);
  await page.keyboard.type(label);
  await page.keyboard.press('Enter'); // names it and opens the next one of the list…
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('Escape'); // …which Esc takes away, untouched
  await expect(editor(page)).toHaveCount(0);
  await showOutline(page);
  await expect(page.locator('.outline__row.is-touchpoint .outline__label').getByText(label, { exact: true })).toBeVisible();
}

/** Enter on a touchpoint of the mind map: a new one after it, its label editor open for the name. */
export async function startAdding(page: Page, sibling: string): Promise<void> {
  await cursorTo(page, sibling, COL.label);
  await page.keyboard.press(`${mod}+1`);
  await expect(page.locator('.react-flow__node .mind-node.is-selected').getByText(sibling, { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(editor(page)).toBeFocused();
}

/** The first touchpoint of a new map: its stage group on the mind map, Tab, the name, Enter, Esc. */
export async function addFirst(page: Page, stage: string, label: string): Promise<void> {
  await page.keyboard.press(`${mod}+1`);
  await page
    .locator('.react-flow__node[data-id^="group:online:stage:"]')
    .filter({ has: page.getByText(stage, { exact: true }) })
    .click();
  await page.keyboard.press('Tab');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(editor(page)).toHaveCount(0);
  await showOutline(page);
}

// ─── random edits ───────────────────────────────────────────────────────────────────────────

const WORDS = ['Website', 'Kiosk', 'Flyer', 'Call centre', 'Newsletter', 'Shop window', 'Receipt', 'Chat', 'Review', 'Parking', 'Invoice', 'Barista'];
/** Some labels carry another script, as workshop maps do (typed as text, after a Latin first letter). */
const SUFFIXES = ['', '', '', ' · Листовка', ' · 리뷰', ' · チラシ'];

/** Makes random edits by keys and keeps the model of what the user saw; returns what it did. */
export class RandomEditor {
  private counter = 0;

  constructor(
    /** The page edited; a restarted browser brings a new one. */
    public page: Page,
    private readonly random: () => number,
    readonly model: MapModel,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  newLabel(): string {
    this.counter += 1;
    return `${this.pick(WORDS)} ${this.counter}${this.pick(SUFFIXES)}`;
  }

  /** One random edit, made and seen on screen. Keeps the map between 1 and 12 touchpoints. */
  async edit(): Promise<Edit> {
    const labels = [...this.model.keys()];
    const kinds: EditKind[] = ['rename', 'rate', 'stage'];
    if (labels.length < 12) kinds.push('add', 'add');
    if (labels.length > 1) kinds.push('delete');
    const kind = this.pick(kinds);
    const target = this.pick(labels);
    const before = this.model.get(target);
    if (!before) throw new Error(`The model has no touchpoint “${target}”.`);
    switch (kind) {
      case 'add': {
        const label = this.newLabel();
        await addAfter(this.page, target, label);
        this.model.set(label, { label, stage: before.stage, score: '' });
        return { kind, target, detail: label };
      }
      case 'rename': {
        const label = this.newLabel();
        await rename(this.page, target, label);
        this.model.delete(target);
        this.model.set(label, { ...before, label });
        return { kind, target, detail: label };
      }
      case 'rate': {
        const score = Math.floor(this.random() * 11);
        await rate(this.page, target, score);
        this.model.set(target, { ...before, score: String(score) });
        return { kind, target, detail: String(score) };
      }
      case 'stage': {
        const stage = this.pick(STAGES);
        await moveStage(this.page, target, stage);
        this.model.set(target, { ...before, stage });
        return { kind, target, detail: stage };
      }
      case 'delete':
        await remove(this.page, target);
        this.model.delete(target);
        return { kind, target, detail: '' };
    }
  }
}

// ─── reading back ───────────────────────────────────────────────────────────────────────────

/** The stored rows of a map, read straight from IndexedDB in the page (not through the app). */
export async function readStored(page: Page, title: string): Promise<{ problems: string[]; touchpoints: TouchpointState[] }> {
  return page.evaluate(async (mapTitle) => {
    const request = indexedDB.open('touchmap');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const get = db.transaction(store, 'readonly').objectStore(store).getAll();
        get.onsuccess = () => resolve(get.result as T[]);
        get.onerror = () => reject(get.error ?? new Error(`${store} did not read`));
      });
    type Row = { mapId: string; id: string; parentId: string | null; label: string; stageId?: string; score?: number };
    type MapRow = { id: string; title: string; touchpointCount: number; stages: { id: string; name: string }[] };
    const maps = (await all<MapRow>('maps')).filter((m) => m.title === mapTitle);
    const problems: string[] = [];
    if (maps.length !== 1) {
      db.close();
      return { problems: [`${maps.length} stored maps are titled “${mapTitle}”`], touchpoints: [] };
    }
    const map = maps[0] as MapRow;
    const topics = (await all<Row>('topics')).filter((t) => t.mapId === map.id);
    db.close();
    const ids = new Set(topics.map((t) => t.id));
    const roots = topics.filter((t) => t.parentId === null);
    if (roots.length !== 1) problems.push(`${roots.length} roots`);
    for (const t of topics) if (t.parentId !== null && !ids.has(t.parentId)) problems.push(`“${t.label}” hangs under a missing topic ${t.parentId}`);
    const rootId = roots[0]?.id;
    const touchpoints = topics.filter((t) => t.parentId === rootId);
    if (map.touchpointCount !== touchpoints.length) problems.push(`the map row counts ${map.touchpointCount} touchpoints, the topics hold ${touchpoints.length}`);
    const stageName = new Map(map.stages.map((s) => [s.id, s.name]));
    return {
      problems,
      touchpoints: touchpoints.map((t) => ({
        label: t.label,
        stage: t.stageId === undefined ? '' : (stageName.get(t.stageId) ?? `missing stage ${t.stageId}`),
        score: t.score === undefined ? '' : String(t.score),
      })),
    };
  }, title);
}

/** Differences between the expected model and what was read: one line per lost or wrong edit. */
export function compare(model: MapModel, read: readonly TouchpointState[], where: string): string[] {
  const lines: string[] = [];
  const seen = new Map(read.map((t) => [t.label, t]));
  for (const want of model.values()) {
    const got = seen.get(want.label);
    if (!got) lines.push(`${where}: “${want.label}” is missing`);
    else {
      if (got.stage !== want.stage) lines.push(`${where}: “${want.label}” is in ${got.stage}, not ${want.stage}`);
      if (got.score !== want.score) lines.push(`${where}: “${want.label}” scores “${got.score}”, not “${want.score}”`);
    }
  }
  for (const got of read) if (!model.has(got.label)) lines.push(`${where}: “${got.label}” is there, but the user deleted or renamed it`);
  if (read.length !== new Set(read.map((t) => t.label)).size) lines.push(`${where}: a label appears twice`);
  return lines;
}

/** Reads the reopened map twice over — the outline the user sees and the stored rows — against the model. */
export async function lostEdits(page: Page, title: string, model: MapModel): Promise<string[]> {
  const shown = await readOutline(page);
  const stored = await readStored(page, title);
  return [...stored.problems.map((p) => `stored map: ${p}`), ...compare(model, shown, 'outline'), ...compare(model, stored.touchpoints, 'stored rows')];
}

/** The model as the outline shows it now (the start of the cycles). */
export async function modelFromOutline(page: Page): Promise<MapModel> {
  return new Map((await readOutline(page)).map((t) => [t.label, t]));
}

// ─── the cycles ─────────────────────────────────────────────────────────────────────────────

export interface CrashRun {
  readonly cycles: number;
  readonly edits: number;
  /** One line per saved edit not found after a crash; must stay empty. */
  readonly lost: readonly string[];
}

/**
 * Edits, Saved, SIGKILL, restart, read back — `cycles` times on one profile. Each cycle's edits
 * are logged with the seed, so a loss is replayed with `CRASH_SEED=<seed>`.
 */
export async function runCrashCycles(options: { cycles: number; seed: number; baseURL: string; title: string; log: (line: string) => void }): Promise<CrashRun> {
  const { cycles, seed, baseURL, title, log } = options;
  const random = seededRandom(seed);
  const profile = newProfile();
  let running: RunningBrowser | null = null;
  const lost: string[] = [];
  let edits = 0;
  log(`crash cycles: seed ${seed} (replay with CRASH_SEED=${seed}), ${cycles} cycles`);
  try {
    running = await startBrowser(profile);
    await openLibraryAt(running.page, baseURL);
    await running.page.getByRole('button', { name: 'New map' }).first().click();
    const dialog = running.page.getByRole('dialog', { name: 'New map' });
    await dialog.getByLabel('Business or map title').fill(title);
    await dialog.getByRole('radio', { name: /Customer journey/ }).check();
    await dialog.getByRole('button', { name: 'Create map' }).click();
    await expect(running.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const model: MapModel = new Map();
    const editor = new RandomEditor(running.page, random, model);
    const first = editor.newLabel();
    await addFirst(running.page, 'Awareness', first);
    model.set(first, { label: first, stage: 'Awareness', score: '' });

    for (let cycle = 1; cycle <= cycles; cycle++) {
      const count = 2 + Math.floor(random() * 4);
      const done: Edit[] = [];
      for (let k = 0; k < count; k++) done.push(await editor.edit());
      edits += count;
      await waitSaved(running.page);
      log(`cycle ${cycle}: ${done.map((e) => `${e.kind} “${e.target}”${e.detail ? ` → ${e.detail}` : ''}`).join('; ')} — Saved, SIGKILL`);
      await killBrowser(running);
      running = await startBrowser(profile);
      await openLibraryAt(running.page, baseURL);
      await openMap(running.page, title);
      const missing = await lostEdits(running.page, title, model);
      if (missing.length > 0) {
        log(`cycle ${cycle}: LOST\n  ${missing.join('\n  ')}`);
        lost.push(...missing.map((line) => `cycle ${cycle}: ${line}`));
        // go on from what survived, so the run still counts the later cycles
        for (const label of [...model.keys()]) model.delete(label);
        for (const [label, state] of await modelFromOutline(running.page)) model.set(label, state);
      }
      editor.page = running.page;
    }
  } finally {
    await stopBrowser(running);
    removeProfile(profile);
  }
  log(`crash cycles: ${cycles} cycles, ${edits} edits, ${lost.length} lost`);
  return { cycles, edits, lost };
}
