/**
 * Layout holds in every UI language: Russian runs about a third longer than English, Korean and
 * Japanese need their own fonts. For each language, at 1280×720 and 1440×900, light and dark, the
 * library, the editor (toolbar, inspector), the export dialog, App settings and Help are
 * screenshot (.tmp/screenshots/lang-*) and checked: no text clipped inside its box, nothing of the
 * toolbar or a dialog past the window's edge.
 */
import { expect, test, type Page } from '@playwright/test';
import { mod, screenshot } from './driver';

const LANGUAGES = [
  { code: 'ru', newMap: 'Новая карта', title: 'Название бизнеса или карты', create: 'Создать карту', template: /Кофейня/, settings: 'Настройки приложения', help: 'Справка' },
  { code: 'ko', newMap: '새 맵', title: '비즈니스 또는 맵 제목', create: '맵 만들기', template: /커피숍/, settings: '앱 설정', help: '도움말' },
  { code: 'ja', newMap: '新規マップ', title: 'ビジネス名またはマップのタイトル', create: 'マップを作成', template: /コーヒーショップ/, settings: 'アプリの設定', help: 'ヘルプ' },
  { code: 'en', newMap: 'New map', title: 'Business or map title', create: 'Create map', template: /Coffee shop/, settings: 'App settings', help: 'Help' },
] as const;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

/** Text cut off inside its own box, or boxes past the window's right or bottom edge, in the given regions. */
async function layoutProblems(page: Page, regions: string, strict = false): Promise<string[]> {
  return page.evaluate(([selector, strictly]) => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    for (const region of document.querySelectorAll(selector)) {
      for (const el of [region, ...region.querySelectorAll('*')]) {
        if (!(el instanceof HTMLElement) || el.offsetParent === null) continue;
        // a long map title is cut with an ellipsis on purpose
        if (el.closest('.topbar__title, .react-flow, .map-card__title, svg, .export-preview')) continue;
        const style = getComputedStyle(el);
        const ownText = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
        if (ownText && style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1 && !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) problems.push(`clipped: ${name(el)}`);
        if (el instanceof HTMLSelectElement && el.scrollWidth > el.clientWidth + 1) problems.push(`clipped select: ${name(el)}`);
        const box = el.getBoundingClientRect();
        // past the right edge (below the bottom, a dialog or panel scrolls)
        if (box.width > 0 && box.right > window.innerWidth + 1) problems.push(`past the edge: ${name(el)} (right ${Math.round(box.right)})`);
        if (!strictly || !ownText) continue;
        // strictly: a word that spills out of its box (overflow visible, drawn under the next
        // column), or a label or pill sticking out of its table cell
        if (style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1 && !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) problems.push(`spills: ${name(el)}`);
        const cell = el.parentElement?.closest('td, th');
        if (cell && box.width > 0 && box.right > cell.getBoundingClientRect().right + 1) problems.push(`out of its cell: ${name(el)}`);
      }
    }
    return [...new Set(problems)];
  }, [regions, strict] as const);
}

async function chooseLanguage(page: Page, code: string): Promise<void> {
  await page.goto('/');
  await page.evaluate((language) => localStorage.setItem('touchmap.language', language), code);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', code);
}

for (const lang of LANGUAGES) {
  test(`${lang.code}: library, editor, export dialog, settings and Help fit at 1280×720 and 1440×900, light and dark`, async ({ page }) => {
    test.setTimeout(180_000);
    await chooseLanguage(page, lang.code);
    await page.getByRole('button', { name: lang.newMap }).first().click();
    const newMap = page.getByRole('dialog', { name: lang.newMap });
    await newMap.getByLabel(lang.title).fill('Touchmap · 2026');
    await newMap.getByRole('radio', { name: lang.template }).check();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      expect(await layoutProblems(page, '[role=dialog], dialog[open]'), 'new map dialog').toEqual([]);
      await screenshot(page, `lang-${lang.code}-new-map-${size.width}`);
    }
    await newMap.getByRole('button', { name: lang.create }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Touchmap · 2026' })).toBeVisible();
    const problems: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((name) => localStorage.setItem('touchmap.theme', name), theme);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Touchmap · 2026' })).toBeVisible();
      // a touchpoint selected: the inspector shows every field
      await page.locator('.react-flow__node[data-id^="t"]').filter({ hasNot: page.locator('.react-flow__node[data-id^="group"]') }).nth(2).click();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const tag = `${lang.code}-${size.width}-${theme}`;
        problems.push(...(await layoutProblems(page, '.topbar, .inspector')).map((p) => `editor ${tag}: ${p}`));
        await screenshot(page, `lang-editor-${tag}`);
        await page.keyboard.press(`${mod}+e`);
        await expect(page.locator('dialog[open]')).toBeVisible();
        await page.waitForTimeout(300);
        problems.push(...(await layoutProblems(page, 'dialog[open]')).map((p) => `export ${tag}: ${p}`));
        await screenshot(page, `lang-export-${tag}`);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: lang.settings }).first().click();
        await expect(page.locator('dialog[open]')).toBeVisible();
        problems.push(...(await layoutProblems(page, 'dialog[open]')).map((p) => `settings ${tag}: ${p}`));
        await screenshot(page, `lang-settings-${tag}`);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: lang.help, exact: true }).first().click();
        await expect(page.locator('dialog[open]')).toBeVisible();
        problems.push(...(await layoutProblems(page, 'dialog[open]')).map((p) => `help ${tag}: ${p}`));
        await screenshot(page, `lang-help-${tag}`);
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press('Escape');
      await page.locator('.topbar .button').first().click(); // back to the library
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.waitForTimeout(100);
        problems.push(...(await layoutProblems(page, '.library')).map((p) => `library ${lang.code}-${size.width}-${theme}: ${p}`));
        await screenshot(page, `lang-library-${lang.code}-${size.width}-${theme}`);
      }
      await page.locator('.map-card__open, .map-card a, .map-card button').first().click();
    }
    expect(problems).toEqual([]);
  });
}

/** The screens the rating round, the action plan, the analysis and the slides added, by their names in each language. */
const NEW_SCREENS = [
  { code: 'ru', analysis: 'Анализ', actions: 'План действий', round: 'Раунд оценки', slides: 'Слайды', ratedOf: /^Оценен[аоы]? \d+ из \d+$/ },
  { code: 'ja', analysis: '分析', actions: 'アクションプラン', round: '評価ラウンド', slides: 'スライド', ratedOf: /^\d+ 件中 \d+ 件評価済み$/ },
  { code: 'ko', analysis: '분석', actions: '실행 계획', round: '평가 라운드', slides: '슬라이드', ratedOf: /^\d+개 중 \d+개 평가$/ },
] as const;

for (const screens of NEW_SCREENS) {
  const lang = LANGUAGES.find((l) => l.code === screens.code)!;
  test(`${screens.code}: the analysis, the action plan, the rating round and the slide editor speak the language and fit at 1280×720, light and dark`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await chooseLanguage(page, lang.code);
    await page.getByRole('button', { name: lang.newMap }).first().click();
    const newMap = page.getByRole('dialog', { name: lang.newMap });
    await newMap.getByLabel(lang.title).fill('Touchmap · 2026');
    await newMap.getByRole('radio', { name: lang.template }).check();
    await newMap.getByRole('button', { name: lang.create }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Touchmap · 2026' })).toBeVisible();
    const problems: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((name) => localStorage.setItem('touchmap.theme', name), theme);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Touchmap · 2026' })).toBeVisible();
      const tag = `${lang.code}-1280-${theme}`;

      await page.keyboard.press(`${mod}+4`);
      const analysis = page.getByRole('main', { name: screens.analysis });
      await expect(analysis.getByRole('heading', { name: screens.analysis })).toBeVisible();
      await page.waitForTimeout(300);
      problems.push(...(await layoutProblems(page, '.topbar, main', true)).map((p) => `analysis ${tag}: ${p}`));
      await screenshot(page, `lang-analysis-${tag}`);
      // the priority matrix's quadrant names are the longest words the charts draw
      await analysis.locator('[data-chart="priority"]').scrollIntoViewIfNeeded();
      await screenshot(page, `lang-analysis-matrix-${tag}`);

      await page.keyboard.press(`${mod}+5`);
      const plan = page.getByRole('region', { name: screens.actions });
      await expect(plan.getByRole('heading', { name: screens.actions })).toBeVisible();
      problems.push(...(await layoutProblems(page, '.topbar, .actions', true)).map((p) => `action plan ${tag}: ${p}`));
      await screenshot(page, `lang-actions-${tag}`);

      await page.keyboard.press(`${mod}+Shift+r`);
      const round = page.getByRole('dialog', { name: screens.round });
      await expect(round).toBeVisible();
      await expect(round.locator('.round__rated')).toHaveText(screens.ratedOf);
      problems.push(...(await layoutProblems(page, '[role=dialog], dialog[open]', true)).map((p) => `rating round ${tag}: ${p}`));
      await screenshot(page, `lang-round-${tag}`);
      await page.keyboard.press('Escape');
      await expect(round).toBeHidden();

      await page.keyboard.press(`${mod}+Shift+e`);
      const editor = page.getByRole('dialog', { name: screens.slides });
      await expect(editor).toBeVisible();
      problems.push(...(await layoutProblems(page, 'dialog[open], [role=dialog]', true)).map((p) => `slide editor ${tag}: ${p}`));
      await screenshot(page, `lang-slides-${tag}`);
      await page.keyboard.press('Escape');
      await expect(editor).toBeHidden();
      await page.keyboard.press(`${mod}+1`);
    }
    expect(problems).toEqual([]);
  });
}
