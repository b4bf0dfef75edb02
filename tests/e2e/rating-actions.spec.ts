/**
 * The rating round and the action plan, as a facilitator uses them in a workshop: the clinic
 * template rated by keyboard on a projector (our score, 1-then-0, a competitor's with Shift,
 * importance with I, skip, back, undo, Esc) and read back in the inspector; the action plan
 * extended, edited in place, filtered, sorted and printed to a PDF whose text is read back.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mod, node, openLibrary, fitView, screenshot, SCREENSHOTS } from './driver';

async function createClinic(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New map' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByLabel('Business or map title').fill(title);
  await dialog.getByRole('radio', { name: /Medical clinic/ }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

const round = (page: Page) => page.getByRole('dialog', { name: 'Rating round' });
const tile = (page: Page, id: 'round-score' | 'round-competitor' | 'round-importance') => round(page).getByTestId(id);

/** Both sizes and both themes of what is on screen now. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, `${name}-${w}x${h}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('a rating round by keyboard over the clinic template: scores, 1 then 0, Shift for a competitor, I for importance, skip, back, undo, Esc', async ({ page }) => {
  await openLibrary(page);
  await createClinic(page, 'Clinic workshop');
  await page.keyboard.press(`${mod}+Shift+R`);
  await expect(round(page)).toBeVisible();
  await expect(round(page).getByTestId('round-count')).toHaveText('1 of 12');
  await expect(round(page).getByRole('heading', { name: 'Context ad' })).toBeVisible();
  await expect(round(page)).toContainText('Awareness');
  await expect(round(page)).toContainText('First visit');

  await page.keyboard.press('7');
  await expect(tile(page, 'round-score')).toHaveText('7');
  await page.keyboard.press('1');
  await page.keyboard.press('0');
  await expect(tile(page, 'round-score')).toHaveText('10');
  // Shift+3 types "#": the round reads the key, not the character
  await page.keyboard.press('Shift+Digit3');
  await expect(tile(page, 'round-competitor')).toHaveText('3');
  await round(page).getByRole('combobox', { name: /Shift \+ number rates/ }).selectOption({ label: 'MedLine' });
  await page.keyboard.press('Shift+Digit2');
  await expect(tile(page, 'round-competitor')).toHaveText('2');
  await page.keyboard.press('i');
  await expect(round(page)).toContainText('type 1–10');
  await page.keyboard.press('1');
  await page.keyboard.press('0');
  await expect(tile(page, 'round-importance')).toHaveText('10');
  await expect(tile(page, 'round-score')).toHaveText('10');
  await shoot(page, 'rating-round');

  // Enter → the site page, with the website checklist; S skips the chat; ← comes back to it
  await page.keyboard.press('Enter');
  await expect(round(page).getByTestId('round-count')).toHaveText('2 of 12');
  await expect(round(page).getByRole('heading', { name: 'Site page' })).toBeVisible();
  await expect(round(page).getByRole('note', { name: /What to look at · Website/ })).toContainText('Load speed');
  await shoot(page, 'rating-round-hints');
  await page.keyboard.press('s');
  await expect(round(page).getByRole('heading', { name: 'Question to the online chat consultant' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(round(page).getByRole('heading', { name: 'Site page' })).toBeVisible();
  await expect(round(page)).toContainText('Skipped');
  await page.keyboard.press('ArrowRight');
  await expect(round(page).getByTestId('round-count')).toHaveText('3 of 12');

  // a rating is one undo step, and Undo works inside the round
  await expect(tile(page, 'round-score')).toHaveText('3');
  await page.keyboard.press('5');
  await expect(tile(page, 'round-score')).toHaveText('5');
  await page.keyboard.press(`${mod}+z`);
  await expect(tile(page, 'round-score')).toHaveText('3');

  // the timer counts down and pauses when the round is left
  await round(page).getByRole('button', { name: 'Start (T)' }).click();
  await expect(round(page).getByRole('timer')).toHaveText(/^0:5\d$/, { timeout: 3000 });
  await page.keyboard.press('Escape');
  await expect(round(page)).toBeHidden();

  // every rating stays: the inspector shows them
  await fitView(page);
  await node(page, 'Context ad').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('radiogroup', { name: 'Our score (0–10)' }).getByRole('radio', { name: '10' })).toHaveAttribute('aria-checked', 'true');
  await expect(inspector.getByRole('radiogroup', { name: 'Importance (1–10)' }).getByRole('radio', { name: '10' })).toHaveAttribute('aria-checked', 'true');
  await expect(inspector.getByRole('radiogroup', { name: 'City Clinic (0–10)' }).getByRole('radio', { name: '3' })).toHaveAttribute('aria-checked', 'true');
  await expect(inspector.getByRole('radiogroup', { name: 'MedLine (0–10)' }).getByRole('radio', { name: '2' })).toHaveAttribute('aria-checked', 'true');

  // back in the round: the same touchpoint, and the timer waits where it was paused
  await page.getByRole('button', { name: 'Rate' }).click();
  await expect(round(page).getByTestId('round-count')).toHaveText('3 of 12');
  await expect(round(page).getByRole('heading', { name: 'Question to the online chat consultant' })).toBeVisible();
  await expect(round(page).getByRole('button', { name: 'Start (T)' })).toBeVisible();
  await expect(round(page).getByRole('timer')).toHaveText(/^0:5\d$/);
  const paused = await round(page).getByRole('timer').textContent();
  await page.waitForTimeout(1200);
  await expect(round(page).getByRole('timer')).toHaveText(paused ?? '');
  await page.keyboard.press('Escape');
  await expect(round(page)).toBeHidden();
});

test('the action plan: add an action, edit it in place by keyboard, Esc keeps the old text, filter overdue, sort, print to PDF', async ({ page }) => {
  // a fixed "today" after most of the template's due dates
  await page.clock.install({ time: new Date('2027-01-15T10:00:00') });
  await capturePrintedPages(page);
  await openLibrary(page);
  await createClinic(page, 'Clinic plan');
  await page.keyboard.press(`${mod}+5`);
  const plan = page.getByRole('region', { name: 'Action plan' });
  const grid = plan.getByRole('grid', { name: 'Action plan' });
  await expect(plan.getByTestId('actions-count')).toHaveText('7 actions · 4 overdue');

  // add an action to a touchpoint without one; the new row opens for its "what"
  await plan.getByRole('combobox', { name: 'Touchpoint without an action' }).selectOption({ label: 'Waiting room' });
  await plan.getByRole('button', { name: 'Add action' }).click();
  const what = grid.getByRole('textbox', { name: 'What to do of “Waiting room”' });
  await expect(what).toBeFocused();
  await page.keyboard.type('Play calm music');
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('row').filter({ hasText: 'Waiting room' })).toContainText('Play calm music');

  // → owner, Enter edits, Enter keeps; → due
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Reception manager');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await grid.getByLabel('Due of “Waiting room”').fill('2027-01-12');
  await page.keyboard.press('Enter');
  const waiting = grid.getByRole('row').filter({ hasText: 'Waiting room' });
  await expect(waiting).toContainText('Reception manager');
  await expect(waiting).toContainText('2027-01-12');
  await expect(waiting).toContainText('Overdue');
  await expect(plan.getByTestId('actions-count')).toHaveText('8 actions · 5 overdue');

  // Esc puts the old value back
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.keyboard.press(`${mod}+a`);
  await page.keyboard.type('Something else');
  await page.keyboard.press('Escape');
  await expect(waiting).toContainText('Play calm music');
  await expect(waiting).not.toContainText('Something else');

  // text being typed survives a switch of view
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type(' softly');
  await page.getByRole('button', { name: 'Mind map' }).click();
  await page.keyboard.press(`${mod}+5`);
  await expect(waiting).toContainText('Play calm music softly');

  // undo takes back the last edit
  await page.keyboard.press(`${mod}+z`);
  await expect(waiting).not.toContainText('softly');

  // overdue only: every row says so in words
  await plan.getByRole('checkbox', { name: 'Overdue only' }).check();
  await expect(grid.getByRole('row')).toHaveCount(6);
  for (const row of await grid.getByRole('row').all()) if (!(await row.getByRole('columnheader').count())) await expect(row).toContainText('Overdue');
  await expect(plan.getByTestId('actions-count')).toContainText('5 of 8 actions');

  // sort by due date, earliest first, then latest first
  await grid.getByRole('button', { name: 'Due' }).click();
  await expect(grid.getByRole('columnheader', { name: 'Due' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.getByRole('row').nth(1)).toContainText('Context ad');
  await grid.getByRole('button', { name: 'Due' }).click();
  await expect(grid.getByRole('row').nth(1)).toContainText('Waiting room');
  await plan.getByRole('checkbox', { name: 'Overdue only' }).uncheck();
  await shoot(page, 'action-plan');

  // Print: the printable page of the plan as shown, printed by Chromium to a PDF, its text read back
  await plan.getByRole('button', { name: 'Print…' }).click();
  const html = await page.waitForFunction(() => (window as unknown as { printedPages: string[] }).printedPages.at(-1)).then((h) => h.jsonValue() as Promise<string>);
  const printer = await page.context().newPage();
  await printer.setContent(html);
  const out = join('.tmp', 'action-plan');
  mkdirSync(out, { recursive: true });
  const pdf = join(out, 'clinic-plan.pdf');
  writeFileSync(pdf, await printer.pdf({ preferCSSPageSize: true }));
  await printer.close();
  const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
  for (const words of ['Action plan — Clinic plan', 'Play calm music', 'Reception manager', 'Rewrite the ad around the free diagnosis', 'Overdue', 'Accept payment by QR code']) expect(text).toContain(words);
  const info = execFileSync('pdfinfo', [pdf]).toString();
  expect(info).toMatch(/Page size:\s+59[45]\.\d* x 841\.\d* pts \(A4\)/);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOTS, 'action-plan-pdf')]);

  // Ctrl/Cmd+P with the plan in front prints the plan, not the map
  await grid.getByRole('gridcell', { name: 'Waiting room' }).click();
  await page.keyboard.press(`${mod}+p`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { printedPages: string[] }).printedPages.length)).toBe(2);
  expect(await page.evaluate(() => (window as unknown as { printedPages: string[] }).printedPages[1])).toContain('Action plan — Clinic plan');
});

/** Records the print layouts handed to the browser's print frame (the web build prints from a hidden iframe). */
async function capturePrintedPages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const printed: string[] = [];
    Object.assign(window, { printedPages: printed });
    const srcdoc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'srcdoc');
    Object.defineProperty(HTMLIFrameElement.prototype, 'srcdoc', {
      configurable: true,
      get() {
        return srcdoc?.get?.call(this);
      },
      set(value: string) {
        printed.push(value);
        srcdoc?.set?.call(this, value);
      },
    });
  });
}
