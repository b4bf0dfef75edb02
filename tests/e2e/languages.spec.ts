/**
 * The UI language: chosen in App settings, applied at once (no reload), remembered; the library,
 * a template map, the editor and the export dialog speak it, and a map made in it exports a PDF
 * whose title and legend are in that language.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mod, openLibrary, SCREENSHOTS } from './driver';

const OUT = '.tmp/languages';

/** Picks a language in App settings and closes it with its Done button (named in the new language). */
async function chooseLanguage(page: Page, code: string, settingsTitle: string, done: string): Promise<void> {
  await page.getByRole('button', { name: /App settings|앱 설정|Настройки приложения|アプリの設定/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: /Language|언어|Язык|言語/ }).selectOption(code);
  await expect(page.getByRole('dialog', { name: settingsTitle })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', code);
  await page.getByRole('dialog', { name: settingsTitle }).getByRole('button', { name: done }).click();
}

/**
 * The PDF the export dialog makes: map pages alone are written by the app's own PDF writer and
 * downloaded in the web build (no print dialog); its text read back by pdftotext.
 */
async function exportedPdfText(page: Page, name: string, exportButton: Locator): Promise<string> {
  const downloading = page.waitForEvent('download');
  await exportButton.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  mkdirSync(OUT, { recursive: true });
  const pdf = join(OUT, `${name}.pdf`);
  await download.saveAs(pdf);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', pdf, join(SCREENSHOTS, `lang-${name}-pdf`)]);
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
}

test('Korean from App settings: library, template map, editor and export dialog in Korean without a reload; the PDF too', async ({ page }) => {
  await openLibrary(page);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await chooseLanguage(page, 'ko', '앱 설정', '완료');
  await expect(page.getByRole('heading', { name: '내 맵' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  await page.getByRole('button', { name: '새 맵' }).first().click();
  const newMap = page.getByRole('dialog', { name: '새 맵' });
  await expect(newMap.getByRole('combobox', { name: '맵 언어' })).toHaveValue('ko');
  await newMap.getByLabel('비즈니스 또는 맵 제목').fill('동네 카페');
  await newMap.getByRole('radio', { name: /커피숍/ }).check();
  await newMap.getByRole('button', { name: '맵 만들기' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '동네 카페' })).toBeVisible();
  await expect(page.getByRole('button', { name: '모든 맵' })).toBeVisible();
  await expect(page.getByText('그리드', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('구매 전', { exact: true }).first()).toBeVisible();

  await page.keyboard.press(`${mod}+e`);
  const dialog = page.getByRole('dialog', { name: '맵 내보내기' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'PDF' }).check();
  await dialog.getByRole('checkbox', { name: '범례' }).check();
  await dialog.getByRole('checkbox', { name: '제목과 날짜' }).check();
  await expect(dialog.getByTestId('export-size')).toContainText('페이지');
  const text = (await exportedPdfText(page, 'ko', dialog.getByRole('button', { name: '내보내기', exact: true }))).replace(/\s+/g, ' ');
  expect(text).toContain('동네 카페');
  for (const word of ['온라인', '오프라인', '와우 8–10']) expect(text, `legend word ${word}`).toContain(word);
});

test('Russian from App settings: Russian plurals in the library, the editor and export dialog in Russian, remembered after a reload, and back to English', async ({ page }) => {
  await openLibrary(page);
  await chooseLanguage(page, 'ru', 'Настройки приложения', 'Готово');
  await expect(page.getByRole('heading', { name: 'Ваши карты' })).toBeVisible();

  await page.getByRole('button', { name: 'Новая карта' }).first().click();
  const newMap = page.getByRole('dialog', { name: 'Новая карта' });
  await newMap.getByLabel('Название бизнеса или карты').fill('Кофейня у дома');
  await newMap.getByRole('radio', { name: /Кофейня/ }).check();
  await newMap.getByRole('button', { name: 'Создать карту' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Кофейня у дома' })).toBeVisible();
  await expect(page.getByText('До покупки', { exact: true }).first()).toBeVisible();

  await page.keyboard.press(`${mod}+e`);
  const dialog = page.getByRole('dialog', { name: 'Экспорт карты' });
  await dialog.getByRole('radio', { name: 'PDF' }).check();
  await dialog.getByRole('checkbox', { name: 'Легенда' }).check();
  await dialog.getByRole('checkbox', { name: 'Название и дата' }).check();
  await expect(dialog.getByTestId('export-size')).toContainText(/страниц/);
  const text = (await exportedPdfText(page, 'ru', dialog.getByRole('button', { name: 'Экспортировать' }))).replace(/\s+/g, ' ');
  expect(text).toContain('Кофейня у дома');
  for (const word of ['Онлайн', 'Офлайн', 'вау 8–10']) expect(text, `legend word ${word}`).toContain(word);

  // remembered: a reload comes back in Russian, and the library counts touchpoints with Russian plurals
  await page.reload();
  await page.getByRole('button', { name: 'Все карты' }).click();
  await expect(page.getByRole('heading', { name: 'Ваши карты' })).toBeVisible();
  await expect(page.getByText(/\d+ точ(ка|ки|ек) контакта/).first()).toBeVisible();
  const count = await page.getByText(/\d+ точ(ка|ки|ек) контакта/).first().textContent();
  const n = Number(count?.match(/\d+/)?.[0]);
  const expected = new Intl.PluralRules('ru').select(n) === 'one' ? 'точка' : new Intl.PluralRules('ru').select(n) === 'few' ? 'точки' : 'точек';
  expect(count).toContain(`${n} ${expected} контакта`);

  await chooseLanguage(page, 'en', 'App settings', 'Done');
  await expect(page.getByRole('heading', { name: 'Your maps' })).toBeVisible();
});

test.describe('on a Russian system', () => {
  test.use({ locale: 'ru-RU' });

  test('the first screen is Russian from its first frame (the Russian table is fetched before the first render), and only Russian is fetched', async ({ page }) => {
    // every text the page ever shows, from before the app's first render
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seenTexts: string[] }).seenTexts = seen;
      new MutationObserver(() => seen.push(document.body?.innerText ?? '')).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url().split('/').pop() ?? '');
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Ваши карты' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    const seen = await page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts);
    expect(seen.filter((text) => text.includes('Your maps') || text.includes('New map'))).toEqual([]);
    expect(scripts.filter((name) => /^ru-.*\.js$/.test(name))).toHaveLength(1);
    expect(scripts.filter((name) => /^(ko|ja)-.*\.js$/.test(name))).toEqual([]);
  });
});
