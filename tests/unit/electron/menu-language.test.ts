/** The native menu speaks the UI language the renderer reports (or the OS's, before it does). */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_OPERATIONS } from '../../../shared/ipc';
import { applyMenuPatch, buildMenuTemplate, INITIAL_MENU_STATE } from '../../../electron/main/menu';
import { menuStatePatchSchema } from '../../../shared/ipc';
import { matchLanguage } from '../../../shared/i18n/languages';
import { OPERATION_LABELS } from '../../../shared/operation-labels';
import { OPERATION_LABELS_JA, OPERATION_LABELS_KO, OPERATION_LABELS_RU } from '../../../shared/i18n/operation-labels';

const flatten = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
const build = (platform: string, locale: 'en' | 'ru' | 'ko' | 'ja') =>
  flatten(buildMenuTemplate(platform, applyMenuPatch(INITIAL_MENU_STATE, { locale }), { operation: vi.fn(), openRecentMap: vi.fn() }));
const label = (items: MenuItemConstructorOptions[], id: string) => items.find((item) => item.id === id)?.label;

describe('the native menu in the UI language', () => {
  it('names its menus and items in Korean after the renderer says it speaks Korean', () => {
    const template = buildMenuTemplate('linux', applyMenuPatch(INITIAL_MENU_STATE, { locale: 'ko' }), { operation: vi.fn(), openRecentMap: vi.fn() });
    expect(template.map((menu) => menu.label)).toEqual(['파일', '편집', '보기', '워크숍', '도움말']);
    const items = build('linux', 'ko');
    expect(label(items, 'edit.undo')).toBe('실행 취소');
    expect(label(items, 'export.pdf')).toBe('PDF…');
    expect(label(items, 'recent:none')).toBe('최근 맵 없음');
    expect(label(items, 'room.open')).toBe('룸 열기…');
  });

  it('keeps the Windows mnemonic on Latin titles only', () => {
    const en = buildMenuTemplate('win32', INITIAL_MENU_STATE, { operation: vi.fn(), openRecentMap: vi.fn() });
    expect(en[0]?.label).toBe('&File');
    const ru = buildMenuTemplate('win32', applyMenuPatch(INITIAL_MENU_STATE, { locale: 'ru' }), { operation: vi.fn(), openRecentMap: vi.fn() });
    expect(ru[0]?.label).toBe('Файл');
    expect(en.map((menu) => menu.label)).toContain('&Workshop');
    expect(ru.map((menu) => menu.label)).toContain('Воркшоп');
  });

  it.each(['ru', 'ko', 'ja'] as const)('has a %s name for every menu item, none of them the English one', (locale) => {
    const items = build('darwin', locale);
    const english = build('darwin', 'en');
    const untranslated = MENU_OPERATIONS.filter((name) => label(items, name) === label(english, name) && !/^[.A-Z]+…?$/.test(String(label(english, name))) && !/^\.touchmap|Markdown…/.test(String(label(english, name))));
    expect(untranslated).toEqual([]);
  });

  it('has a name for every operation label in every language (shared with the renderer)', () => {
    for (const table of [OPERATION_LABELS_RU, OPERATION_LABELS_KO, OPERATION_LABELS_JA]) {
      expect(Object.keys(OPERATION_LABELS).filter((key) => !(key in table))).toEqual([]);
    }
  });

  it('accepts a language in the renderer’s patch and refuses one it does not speak', () => {
    expect(menuStatePatchSchema.safeParse({ locale: 'ja' }).success).toBe(true);
    expect(menuStatePatchSchema.safeParse({ locale: 'de' }).success).toBe(false);
  });

  it('picks the OS locale the app speaks, else English', () => {
    expect(matchLanguage(['ko-KR'])).toBe('ko');
    expect(matchLanguage(['ru_RU.UTF-8'])).toBe('ru');
    expect(matchLanguage(['de-DE', 'ja'])).toBe('ja');
    expect(matchLanguage(['de-DE'])).toBe('en');
    expect(matchLanguage([undefined])).toBe('en');
  });
});
