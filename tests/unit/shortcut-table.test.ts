import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, INITIAL_MENU_STATE } from '../../electron/main/menu';
import { ACTIONS } from '../../renderer/src/app/actions';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}
const menuItems = flatten(buildMenuTemplate('linux', INITIAL_MENU_STATE, { action: vi.fn(), openRecentMap: vi.fn() }));
const accel = (c: { key: string; mod?: boolean; shift?: boolean }) => [c.mod ? 'Ctrl' : '', c.shift ? 'Shift' : '', c.key.length === 1 ? c.key.toUpperCase() : c.key].filter(Boolean).join('+');

describe('menu and registry agree', () => {
  it('every menu item names a registry entry', () => {
    const names = new Set<string>(ACTIONS.map((a) => a.name));
    const missing = menuItems.filter((i) => i.click && typeof i.id === 'string' && !i.id.startsWith('recent:') && !names.has(i.id) && i.id !== 'file.open').map((i) => i.id);
    expect(missing).toEqual([]);
  });
  it.each(['export.pdf', 'view.fit'])('the menu shows %s with the key the app answers', (name) => {
    const item = menuItems.find((i) => i.id === name);
    const action = ACTIONS.find((a) => a.name === name);
    expect(item?.accelerator).toBe(accel(action!.keys[0]!));
  });
});
