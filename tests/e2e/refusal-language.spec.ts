/**
 * A refused file is explained in the UI language: with the app in Korean, a .touchmap whose
 * touchpoint has a score of 14 is refused in Korean — the map and the touchpoint by their names, what
 * is wrong and what to do — while the exact technical text waits behind 자세히 (Details), in English.
 * Back in English, the same file reads in English again: the message language follows the UI's.
 * The headless export (npm run export) refuses the same file in its locale's language.
 */
import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { mod, openLibrary, screenshot } from './driver';

const BROKEN = 'tests/fixtures/files/refused/score-out-of-range.touchmap';

async function chooseLanguage(page: Page, code: string, settingsTitle: string, done: string): Promise<void> {
  await page.getByRole('button', { name: /App settings|앱 설정|Настройки приложения|アプリの設定/ }).first().click();
  await page.getByRole('dialog').getByRole('combobox', { name: /Language|언어|Язык|言語/ }).selectOption(code);
  await expect(page.locator('html')).toHaveAttribute('lang', code);
  await page.getByRole('dialog', { name: settingsTitle }).getByRole('button', { name: done }).click();
}

/** Ctrl/Cmd+O → the file chooser, in any language; pressed again if a loaded machine swallowed it. */
async function importByShortcut(page: Page, file: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.keyboard.press(`${mod}+O`);
    try {
      await (await chooser).setFiles(file);
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

async function shots(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await screenshot(page, `${name}-${w}x${h}-${theme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('in Korean, a file with a score of 14 is refused in Korean, the details behind 자세히; in English again, in English', async ({ page }) => {
  await openLibrary(page);
  await chooseLanguage(page, 'ko', '앱 설정', '완료');
  await expect(page.getByRole('heading', { name: '내 맵' })).toBeVisible();

  await importByShortcut(page, BROKEN);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    '맵 “Clinic — new patients”, 접점 “Extra touchpoint 8”: 우리 점수가 14입니다. 점수는 0–10입니다. 텍스트 편집기에서 고치거나, 맵을 만든 Touchmap에서 다시 내보내세요.',
  );
  await expect(alert).not.toContainText('has our score');
  const technical = alert.getByText('maps[0].topics[12].score: 14 is not 0–10');
  await expect(technical).toBeHidden();
  await alert.getByText('자세히', { exact: true }).click();
  await expect(technical).toBeVisible();
  await shots(page, 'refusal-ko');
  await expect(page.getByRole('heading', { name: '내 맵' })).toBeVisible();

  await chooseLanguage(page, 'en', 'App settings', 'Done');
  await importByShortcut(page, BROKEN);
  await expect(alert).toContainText('Map "Clinic — new patients": touchpoint "Extra touchpoint 8" has our score 14; scores are 0–10.');
});

test('npm run export refuses a broken file in the locale’s language (LANG=ru_RU.UTF-8), in English by default', async () => {
  const exportBroken = (env: Record<string, string>, ...extra: string[]) =>
    spawnSync(process.execPath, ['scripts/export.mjs', BROKEN, '--format', 'svg', '--out', '.tmp/never.svg', ...extra], {
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env },
    });
  const russian = exportBroken({ LANG: 'ru_RU.UTF-8' });
  expect(russian.status).toBe(1);
  expect(russian.stderr).toBe(
    'touchmap export: Карта «Clinic — new patients»: точка контакта «Extra touchpoint 8» — наша оценка 14, а оценки бывают от 0 до 10. Исправьте его в текстовом редакторе или снова экспортируйте карту из того Touchmap, где она создана.\nDetails: maps[0].topics[12].score: 14 is not 0–10\n',
  );
  const english = exportBroken({ LANG: 'C.UTF-8' });
  expect(english.status).toBe(1);
  expect(english.stderr).toMatch(/^touchmap export: Map "Clinic — new patients": touchpoint "Extra touchpoint 8" has our score 14; scores are 0–10\./);
  const japanese = exportBroken({ LANG: 'ru_RU.UTF-8' }, '--lang', 'ja');
  expect(japanese.stderr).toMatch(/^touchmap export: マップ「Clinic — new patients」のタッチポイント「Extra touchpoint 8」：自社スコアが 14 です。/);
});
