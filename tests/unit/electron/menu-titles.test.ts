/**
 * Map titles in the native Recent menu are shortened: a title of hundreds of characters made the
 * menu wider than the screen. Whole characters are kept (no half of a surrogate pair), line
 * breaks become spaces, and the ampersand stays escaped for Windows.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applyMenuPatch, buildMenuTemplate, INITIAL_MENU_STATE, MAX_MENU_TITLE_CHARS, menuTitle } from '../../../electron/main/menu';

function recentLabels(titles: readonly string[]): string[] {
  const state = applyMenuPatch(INITIAL_MENU_STATE, { recentMaps: titles.map((title, i) => ({ id: `m-${i}`, title })) });
  const flatten = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
  return flatten(buildMenuTemplate('linux', state, { operation: vi.fn(), openRecentMap: vi.fn() }))
    .filter((item) => item.id?.startsWith('recent:m-'))
    .map((item) => item.label ?? '');
}

describe('recent map titles in the menu', () => {
  it('shortens a title over the limit with an ellipsis and keeps short ones whole', () => {
    const [long, short] = recentLabels(['Clinic '.repeat(40), 'Clinic — new patients']);
    expect([...(long as string)]).toHaveLength(MAX_MENU_TITLE_CHARS);
    expect(long).toMatch(/^Clinic Clinic .*…$/);
    expect(short).toBe('Clinic — new patients');
  });

  it('never cuts a character in half, and puts a multi-line title on one line', () => {
    const emoji = menuTitle('😀'.repeat(300));
    expect(emoji).toBe(`${'😀'.repeat(MAX_MENU_TITLE_CHARS - 1)}…`);
    expect(menuTitle('Clinic\r\nnew\u2028patients')).toBe('Clinic new patients');
  });

  it('still doubles the ampersand after shortening', () => {
    expect(recentLabels([`Q&A ${'x'.repeat(300)}`])[0]).toMatch(/^Q&&A x+…$/);
  });
});
