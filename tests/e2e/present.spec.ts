/**
 * Presenting a map in a workshop: the facilitator picks and orders the slides (saved with the map),
 * presents full screen, walks the deck with the arrow keys and a clicker's Page Down, steps through a
 * chain touchpoint by touchpoint, blacks the screen out with B and leaves with Esc. The PDF deck and
 * the PowerPoint file carry the same slides.
 */
import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { serializeTouchmapFile } from '@shared/file-format';
import { setPresentationSlides } from '@shared/model/commands';
import { buildTemplate } from '@shared/templates';
import type { ChainId, MapDoc, StageId } from '@shared/model/types';
import { createMap, mod, node, openLibrary, screenshot, SCREENSHOTS, waitSaved } from './driver';
import { asId } from '../builders/ids';

const slides = (page: Page) => page.getByRole('region', { name: 'Slides' });
const counter = (page: Page) => slides(page).locator('.slideshow__counter');
const title = (page: Page) => slides(page).getByRole('heading', { level: 1 });

async function openClinic(page: Page) {
  await openLibrary(page);
  await createMap(page, 'Clinic', 'Medical clinic');
}

/** The app's theme setting, as App settings stores it; applied on the reload. */
async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((value) => localStorage.setItem('touchmap.theme', value), theme);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic' })).toBeVisible();
}

test('pick and order slides, present them, walk a chain step by step, black the screen out, Esc out', async ({ page }) => {
  await openClinic(page);

  // the slide editor: untick every stage but Awareness, put the chain "First visit" first
  await page.keyboard.press(`${mod}+Shift+E`);
  const editor = page.getByRole('dialog', { name: 'Slides' });
  await expect(editor).toBeVisible();
  const list = editor.getByRole('list', { name: 'Slides, in the order shown' });
  const rows = list.getByRole('listitem');
  const labels = async () => (await rows.allInnerTexts()).map((text) => text.replace(/[⋮↑↓\n]/g, '').trim());
  const before = await labels();
  expect(before[0]).toBe('Whole map — Clinic');
  const stages = before.filter((label) => label.startsWith('Stage — '));
  expect(stages.length).toBeGreaterThan(2);
  for (const stage of stages.slice(1)) await editor.getByRole('checkbox', { name: stage }).uncheck();
  const chains = before.filter((label) => label.startsWith('Chain — '));
  expect(chains.length).toBe(2);
  // keyboard: Alt+↑ on the first chain's row until it leads
  await editor.getByRole('checkbox', { name: chains[0] as string }).focus();
  for (let i = before.indexOf(chains[0] as string); i > 0; i--) await page.keyboard.press('Alt+ArrowUp');
  expect((await labels())[0]).toBe(chains[0]);
  // and a button moves the map down one
  await editor.getByRole('button', { name: 'Move down: Whole map — Clinic' }).click();
  await expect(editor.getByText('5 slides chosen')).toBeVisible();
  await screenshot(page, 'present-slide-editor-1440');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();

  // the order is saved with the map: it survives a reload
  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic' })).toBeVisible();
  await page.keyboard.press(`${mod}+Shift+E`);
  expect((await labels()).slice(0, 5)).toEqual([chains[0], stages[0], 'Whole map — Clinic', chains[1], 'Action plan']);
  await page.getByRole('dialog', { name: 'Slides' }).getByRole('button', { name: 'Cancel' }).click();
  // a touchpoint selected on the map: keys pressed while presenting must not reach it
  await node(page, 'Context ad').click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // present: the first slide is the chain, its whole walk, the weak link named
  await page.keyboard.press('F5');
  await expect(slides(page)).toBeVisible();
  await expect(page.getByRole('button', { name: /All maps/ })).toBeHidden();
  const firstChain = (chains[0] as string).replace('Chain — ', '');
  await expect(title(page)).toHaveText(firstChain);
  await expect(counter(page)).toHaveText('1 / 5');
  await expect(slides(page).getByText(/^Weak link: /)).toBeVisible();
  await expect(slides(page).getByTestId('slide-picture')).toBeVisible();
  await screenshot(page, 'present-chain-1440');

  // → lights the first step, Page Down the next; the lit ring sits on that touchpoint
  await page.keyboard.press('ArrowRight');
  await expect(slides(page).getByText(/^Step 1 of \d+: /)).toBeVisible();
  await expect(slides(page).locator('.slideshow__lit')).toBeVisible();
  const litFirst = await slides(page).locator('.slideshow__lit').getAttribute('data-lit');
  await page.keyboard.press('PageDown');
  await expect(slides(page).getByText(/^Step 2 of \d+: /)).toBeVisible();
  expect(await slides(page).locator('.slideshow__lit').getAttribute('data-lit')).not.toBe(litFirst);
  await screenshot(page, 'present-chain-step-1440');
  await expect(counter(page)).toHaveText('1 / 5');

  // Shift+Space back a step, ← back to the whole walk; End and Home jump
  await page.keyboard.press('Shift+Space');
  await expect(slides(page).getByText(/^Step 1 of \d+: /)).toBeVisible();
  await page.keyboard.press('End');
  await expect(counter(page)).toHaveText('5 / 5');
  await expect(title(page)).toHaveText('Action plan');
  await expect(slides(page).getByRole('table')).toContainText('Context ad');
  await screenshot(page, 'present-actions-1440');
  await page.keyboard.press('PageUp');
  await expect(counter(page)).toHaveText('4 / 5');
  await page.keyboard.press('Home');
  await page.keyboard.press('PageDown');
  // Space walks forward through the chain's steps too; the walk ends, the map follows
  const steps = Number((await slides(page).getByText(/^Step 1 of \d+: /).innerText()).match(/of (\d+)/)?.[1]);
  for (let i = 1; i < steps; i++) await page.keyboard.press('Space');
  await expect(counter(page)).toHaveText('1 / 5');
  await page.keyboard.press('Space');
  await expect(counter(page)).toHaveText('2 / 5');
  await expect(title(page)).toHaveText((stages[0] as string).replace('Stage — ', ''));

  // the map stays pannable and zoomable; the next step fits it again
  const picture = slides(page).getByTestId('slide-picture');
  const fitted = await picture.boundingBox();
  await page.mouse.move(720, 450);
  await page.mouse.wheel(0, -600);
  await expect.poll(async () => (await picture.boundingBox())?.width ?? 0).toBeGreaterThan((fitted?.width ?? 0) * 1.3);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Math.round((await picture.boundingBox())?.width ?? 0)).toBe(Math.round(fitted?.width ?? 0));

  // keys never edit the map underneath: Delete and a letter do nothing while presenting
  await page.keyboard.press('Delete');
  await page.keyboard.press('x');

  // B blacks the screen out, B again shows the slide; . does the same
  await page.keyboard.press('b');
  await expect(page.getByRole('img', { name: /Screen blacked out/ })).toBeVisible();
  await screenshot(page, 'present-black-1440');
  await page.keyboard.press('b');
  await expect(page.getByRole('img', { name: /Screen blacked out/ })).toBeHidden();
  await page.keyboard.press('.');
  await expect(page.getByRole('img', { name: /Screen blacked out/ })).toBeVisible();
  await page.keyboard.press('.');

  await page.keyboard.press('Escape');
  await expect(slides(page)).toBeHidden();
  await expect(page.getByRole('button', { name: /All maps/ })).toBeVisible();
  // nothing was deleted or renamed by the keys pressed while presenting
  await expect(page.getByLabel('Label', { exact: true })).toHaveValue('Context ad');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the slides at ${size.width} × ${size.height}, ${theme}: title, picture and counter in view, large type`, async ({ page }) => {
      await page.setViewportSize(size);
      await openClinic(page);
      await setTheme(page, theme);
      // the slide editor fits the screen: its list scrolls, its buttons stay in reach
      await page.keyboard.press(`${mod}+Shift+E`);
      const editor = page.getByRole('dialog', { name: 'Slides' });
      await expect(editor.getByRole('button', { name: 'Save' })).toBeInViewport({ ratio: 1 });
      await expect(editor.getByRole('button', { name: 'Export PowerPoint…' })).toBeInViewport({ ratio: 1 });
      await screenshot(page, `present-slide-editor-${size.width}-${theme}`);
      await editor.getByRole('button', { name: 'Cancel' }).click();
      await page.keyboard.press('F5');
      await expect(counter(page)).toHaveText(/^1 \/ \d+$/);
      const total = Number((await counter(page).innerText()).split('/')[1]);
      expect(total).toBeGreaterThanOrEqual(5);
      // the title reads from the back of the room, and everything stays on the screen
      const fontSize = await title(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(36);
      for (const part of [title(page), counter(page), slides(page).getByTestId('slide-picture')]) {
        const box = await part.boundingBox();
        expect(box).not.toBeNull();
        expect((box?.x ?? -1) >= 0 && (box?.y ?? -1) >= 0).toBe(true);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(size.width + 1);
        expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(size.height + 1);
      }
      await screenshot(page, `present-map-${size.width}-${theme}`);
      await page.keyboard.press('ArrowRight');
      await screenshot(page, `present-stage-${size.width}-${theme}`);
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await screenshot(page, `present-chain-${size.width}-${theme}`);
      await page.keyboard.press('End');
      // the action plan is on top: the chain drawn ahead for the step back stays beneath it
      const table = slides(page).getByRole('table');
      await expect(table).toBeVisible();
      await expect.poll(() => table.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(box.x + box.width / 2, box.y + 10));
      })).toBe(true);
      await page.waitForTimeout(800); // the neighbours drawn ahead
      expect(await table.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(box.x + box.width / 2, box.y + 10)) && document.elementFromPoint(box.x + box.width / 2, box.bottom + 40)?.closest('.slideshow__pane') == null;
      })).toBe(true);
      await screenshot(page, `present-actions-${size.width}-${theme}`);
    });
  }
}

/** The clinic template with a saved deck: the map, its first stage, its first chain, the action plan. */
function clinicFile(dir: string, locale: 'en' | 'ja' = 'en'): { path: string; doc: MapDoc } {
  let n = 0;
  const built = buildTemplate('clinic', { locale, newId: asId.maker((prefix) => `${prefix}-${++n}`), now: '2026-12-01T09:00:00.000Z' });
  const doc = setPresentationSlides(built, [
    { kind: 'map' },
    { kind: 'stage', stageId: built.map.stages[0]?.id as StageId },
    { kind: 'chain', chainId: built.chainOrder[0] as ChainId },
    { kind: 'actions' },
  ]);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `clinic-${locale}.touchmap`);
  writeFileSync(path, serializeTouchmapFile([doc], '2026-12-01T10:00:00.000Z'));
  return { path, doc };
}

function cli(args: readonly string[]) {
  const run = spawnSync(process.execPath, ['scripts/export.mjs', ...args], { encoding: 'utf8', timeout: 240_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tool(cmd: string, args: readonly string[]): string {
  const run = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

test('npm run export writes the slides as a 16:9 PDF deck, one page a slide, titles as text; refuses to overwrite without --force', async () => {
  test.setTimeout(180_000);
  const dir = join('.tmp', 'deck-e2e');
  rmSync(dir, { recursive: true, force: true });
  const { path, doc } = clinicFile(dir);
  const out = join(dir, 'Clinic slides.pdf');
  const run = cli([path, '--format', 'slides-pdf', '--out', out]);
  expect(run.stderr.replace(/^note: .*$/gm, '').trim()).toBe('');
  expect(run.status).toBe(0);
  const info = tool('pdfinfo', [out]);
  expect(info).toMatch(/Pages:\s+4\n/);
  // 13.333 × 7.5 in: PowerPoint's widescreen page, 16:9
  const size = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
  expect(Number(size?.[1]) / Number(size?.[2])).toBeCloseTo(16 / 9, 2);
  const pages = tool('pdftotext', ['-layout', out, '-']).split('\f');
  const chain = doc.chains[doc.chainOrder[0] as ChainId];
  expect(pages[0]).toContain(doc.map.title);
  expect(pages[1]).toContain(doc.map.stages[0]?.name);
  expect(pages[2]).toContain(chain?.name);
  expect(pages[2]).toMatch(/Weak link: Filling in the card and questionnaire/);
  expect(pages[3]).toContain('Action plan');
  expect(pages[3]).toContain('Rewrite the ad around the free diagnosis');
  // the pages as images, to look at
  tool('pdftoppm', ['-png', '-r', '60', out, join(SCREENSHOTS, 'present-deck-pdf')]);

  // an existing file is left alone without --force
  const again = cli([path, '--format', 'slides-pdf', '--out', out]);
  expect(again.status).not.toBe(0);
  expect(again.stderr).toMatch(/already exists/);
  expect(cli([path, '--format', 'slides-pdf', '--out', out, '--force']).status).toBe(0);
});

test('npm run export writes the slides as PowerPoint: one slide each, 16:9, titles and the action plan as editable text, pictures as SVG with a PNG beside', async () => {
  test.setTimeout(180_000);
  const dir = join('.tmp', 'deck-e2e-pptx');
  rmSync(dir, { recursive: true, force: true });
  const { path, doc } = clinicFile(dir, 'ja');
  const run = cli([path, '--format', 'slides-pptx']);
  expect(run.stderr.replace(/^note: .*$/gm, '').trim()).toBe('');
  expect(run.status).toBe(0);
  const out = join(dir, `${doc.map.title} slides.pptx`);
  expect(existsSync(out)).toBe(true);
  const files = unzipSync(new Uint8Array(readFileSync(out)));
  const text = (name: string) => strFromU8(files[name] as Uint8Array);
  const slideNames = Object.keys(files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  expect(slideNames).toHaveLength(4);
  // 16:9: 12192000 × 6858000 EMU
  expect(text('ppt/presentation.xml')).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
  const slide = (i: number) => text(`ppt/slides/slide${i}.xml`);
  expect(slide(1)).toContain(`<a:t>${doc.map.title}</a:t>`);
  expect(slide(2)).toContain(`<a:t>${doc.map.stages[0]?.name}</a:t>`);
  expect(slide(3)).toContain(`<a:t>${doc.chains[doc.chainOrder[0] as ChainId]?.name}</a:t>`);
  // the action plan is a real table whose cells are text
  expect(slide(4)).toContain('<a:tbl>');
  expect(slide(4)).toContain('<a:t>アクションプラン</a:t>');
  const action = Object.values(doc.topics).find((topic) => topic.action)?.action?.what as string;
  expect(slide(4)).toContain(`<a:t>${action}</a:t>`);
  // the map's picture: an SVG (svgBlip) and its PNG fallback, both stored and both non-empty
  expect(slide(1)).toContain('asvg:svgBlip');
  const media = Object.keys(files).filter((name) => name.startsWith('ppt/media/'));
  const svgs = media.filter((name) => name.endsWith('.svg'));
  const pngs = media.filter((name) => name.endsWith('.png'));
  expect(svgs).toHaveLength(3);
  expect(pngs).toHaveLength(3);
  for (const name of [...svgs, ...pngs]) expect((files[name] as Uint8Array).length).toBeGreaterThan(1000);
  // the PNG is a real picture of the slide, not pptxgenjs's "broken image" placeholder
  const png = files[pngs[0] as string] as Uint8Array;
  const width = new DataView(png.buffer, png.byteOffset).getUint32(16);
  expect(width).toBeGreaterThan(1000);
  expect(strFromU8(files[svgs[0] as string] as Uint8Array)).toContain('<text');
});

test('the export dialog’s Slides section downloads the PowerPoint deck of the slides picked', async ({ page }) => {
  await openClinic(page);
  // two slides picked: the whole map and the action plan
  await page.keyboard.press(`${mod}+Shift+E`);
  const editor = page.getByRole('dialog', { name: 'Slides' });
  for (const box of await editor.getByRole('checkbox').all()) await box.uncheck();
  await editor.getByRole('checkbox', { name: 'Action plan' }).check();
  await editor.getByRole('checkbox', { name: 'Whole map — Clinic' }).check();
  await editor.getByRole('button', { name: 'Save' }).click();

  await page.keyboard.press(`${mod}+E`);
  const dialog = page.getByRole('dialog', { name: 'Export map' });
  await expect(dialog.getByRole('region', { name: 'Slides' })).toBeVisible();
  await screenshot(page, 'present-export-dialog-slides');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Slides (PowerPoint)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Clinic slides.pptx');
  const files = unzipSync(new Uint8Array(readFileSync(await file.path())));
  const slidesIn = Object.keys(files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  expect(slidesIn).toHaveLength(2);
  expect(strFromU8(files['ppt/slides/slide1.xml'] as Uint8Array)).toContain('<a:t>Clinic</a:t>');
  expect(strFromU8(files['ppt/slides/slide2.xml'] as Uint8Array)).toContain('<a:t>Action plan</a:t>');
  await expect(page.getByText(/Exported 2 slides to Clinic slides\.pptx/)).toBeVisible();
});

/** Leaves only the priority matrix ticked in the slide editor and saves. */
async function onlyPrioritySlide(page: Page) {
  await page.keyboard.press(`${mod}+Shift+E`);
  const editor = page.getByRole('dialog', { name: 'Slides' });
  for (const box of await editor.getByRole('checkbox').all()) await box.uncheck();
  await editor.getByRole('checkbox', { name: 'Chart — Priorities' }).check();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toHaveCount(0);
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`a priority-matrix slide at ${size.width} × ${size.height}, ${theme}: the chart fills the slide, its words large and whole`, async ({ page }) => {
      await page.setViewportSize(size);
      await openClinic(page);
      await setTheme(page, theme);
      await onlyPrioritySlide(page);
      await page.keyboard.press('F5');
      await expect(counter(page)).toHaveText('1 / 1');
      await expect(title(page)).toHaveText('Priorities');
      const picture = slides(page).getByTestId('slide-picture');
      await expect(picture).toBeVisible();
      // the chart's own words are there, as text: its title, its axes, its quadrants
      for (const word of ['Priority: importance × our score', 'Importance', 'Our score', 'Fix first']) await expect(picture.locator('text', { hasText: word }).first()).toBeAttached();
      const box = await picture.boundingBox();
      if (!box) throw new Error('no chart on the slide');
      // fills the slide's width or height, inside the window
      expect(Math.max(box.width / size.width, box.height / (size.height * 0.75))).toBeGreaterThanOrEqual(0.85);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width + 1);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height + 1);
      // large type for the back of the room: the axis words are 16 px or more on screen
      const axis = picture.locator('text', { hasText: /^Importance$/ }).first();
      expect((await axis.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(16);
      // the chart's ink is the theme's: its title is written in the same colour as the slide's title
      const fill = (await picture.locator('text', { hasText: 'Priority: importance × our score' }).first().getAttribute('fill')) ?? '';
      const ink = `rgb(${[1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16)).join(', ')})`;
      expect(ink).toBe(await title(page).evaluate((el) => getComputedStyle(el).color));
      await screenshot(page, `present-chart-priority-${size.width}-${theme}`);
    });
  }
}

test('npm run export prints a chart slide in the PDF deck with its words as text, and puts its picture in the PowerPoint deck', async () => {
  test.setTimeout(240_000);
  const dir = join('.tmp', 'deck-e2e-chart');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const built = buildTemplate('clinic', { locale: 'en', newId: asId.maker((prefix) => `${prefix}-${++n}`), now: '2026-12-01T09:00:00.000Z' });
  const doc = setPresentationSlides(built, [{ kind: 'chart', chart: 'priority' }, { kind: 'chart', chart: 'distribution' }]);
  const path = join(dir, 'clinic-charts.touchmap');
  writeFileSync(path, serializeTouchmapFile([doc], '2026-12-01T10:00:00.000Z'));

  const pdf = join(dir, 'charts.pdf');
  const run = cli([path, '--format', 'slides-pdf', '--out', pdf]);
  expect(run.stderr.replace(/^note: .*$/gm, '').trim()).toBe('');
  expect(run.status).toBe(0);
  const pages = tool('pdftotext', ['-layout', pdf, '-']).split('\f');
  expect(pages[0]).toContain('Priorities');
  expect(pages[0]).toContain('Priority: importance × our score');
  expect(pages[0]).toMatch(/Importance/);
  expect(pages[0]).toMatch(/Our score/);
  expect(pages[0]).toMatch(/Fix first/);
  expect(pages[1]).toContain('Touchpoints by stage');
  expect(pages[1]).toContain(doc.map.stages[0]?.name);
  tool('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOTS, 'present-deck-chart-pdf')]);

  const pptx = join(dir, 'charts.pptx');
  expect(cli([path, '--format', 'slides-pptx', '--out', pptx]).status).toBe(0);
  const files = unzipSync(new Uint8Array(readFileSync(pptx)));
  const slide1 = strFromU8(files['ppt/slides/slide1.xml'] as Uint8Array);
  expect(slide1).toContain('<a:t>Priorities</a:t>');
  expect(slide1).toContain('asvg:svgBlip');
  const media = Object.keys(files).filter((name) => name.startsWith('ppt/media/'));
  const svgs = media.filter((name) => name.endsWith('.svg'));
  expect(svgs).toHaveLength(2);
  expect(media.filter((name) => name.endsWith('.png'))).toHaveLength(2);
  const svg = svgs.map((name) => strFromU8(files[name] as Uint8Array)).find((text) => text.includes('Priority: importance'));
  expect(svg).toContain('>Importance</text>');
  expect(svg).toMatch(/font-family="[^"]*Noto Sans/);
  const png = files[media.find((name) => name.endsWith('.png')) as string] as Uint8Array;
  expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBeGreaterThan(1000);
});

test('while the slides show, the map underneath is neither laid out nor painted, and Esc finds it where it was left', async ({ page }) => {
  await openClinic(page);
  const viewport = page.locator('.react-flow__viewport');
  // a view of the user's own: zoomed in, then panned by keys
  await page.keyboard.press(`${mod}+=`);
  await page.keyboard.press(`${mod}+=`);
  await page.waitForTimeout(400);
  const before = await viewport.evaluate((el) => getComputedStyle(el).transform);
  await page.keyboard.press('F5');
  await expect(slides(page).getByTestId('slide-picture')).toBeVisible();
  // the canvas is paused under the slides: the browser skips its layout and paint
  await expect.poll(() => page.locator('.editor__view').evaluate((el) => getComputedStyle(el).contentVisibility)).toBe('hidden');
  expect(await viewport.evaluate((el) => el.checkVisibility())).toBe(false);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(slides(page)).toHaveCount(0);
  await expect(viewport).toBeVisible();
  await page.waitForTimeout(400);
  expect(await viewport.evaluate((el) => getComputedStyle(el).transform)).toBe(before);
  await expect(page.locator('.react-flow__node').filter({ hasText: /^Clinic$/ })).toBeVisible();
  await screenshot(page, 'present-after-esc-viewport-kept');
});
