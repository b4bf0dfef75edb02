import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_OPERATIONS, type MenuOperation } from '../../../shared/ipc';
import { applyMenuPatch, buildMenuTemplate, INITIAL_MENU_STATE, NATIVE_EDIT_COMMANDS, type MenuState } from '../../../electron/main/menu';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: string, state: MenuState = INITIAL_MENU_STATE) {
  const send = { operation: vi.fn(), openRecentMap: vi.fn() };
  const template = buildMenuTemplate(platform, state, send);
  const items = flatten(template);
  const byId = (id: string) => {
    const found = items.find((i) => i.id === id);
    if (!found) throw new Error(`no menu item ${id}`);
    return found;
  };
  return { template, items, byId, send };
}

const allEnabled = applyMenuPatch(INITIAL_MENU_STATE, { enabled: Object.fromEntries(MENU_OPERATIONS.map((a) => [a, true])) });

describe('native menu', () => {
  it('has File, Edit, View, Workshop and Help everywhere, plus the app and Window menus on macOS', () => {
    expect(build('linux').template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', '&Workshop', '&Help']);
    expect(build('win32').template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', '&Workshop', '&Help']);
    expect(build('darwin').template.map((m) => m.label ?? m.role)).toEqual(['Touchmap', 'File', 'Edit', 'View', 'Workshop', 'windowMenu', 'Help']);
  });

  it.each(MENU_OPERATIONS)('offers %s, which sends its operation name when clicked', (name) => {
    for (const platform of ['darwin', 'linux']) {
      const { byId, send } = build(platform, allEnabled);
      const item = byId(name);
      item.click?.({} as never, undefined, {} as never);
      expect(send.operation).toHaveBeenCalledWith(name);
    }
  });

  it('uses Cmd on macOS and Ctrl elsewhere', () => {
    const mac = build('darwin').byId;
    const linux = build('linux').byId;
    const win = build('win32').byId;
    const expected: Array<[MenuOperation, string]> = [
      ['map.new', '+N'],
      ['file.import', '+O'],
      ['file.print', '+P'],
      ['edit.undo', '+Z'],
      ['edit.redo', '+Shift+Z'],
      ['edit.copy', '+C'],
      ['edit.find', '+F'],
      ['view.zoomIn', '+='],
      ['view.fit', '+Shift+0'],
    ];
    for (const [name, key] of expected) {
      expect(mac(name).accelerator).toBe(`Cmd${key}`);
      expect(linux(name).accelerator).toBe(`Ctrl${key}`);
      expect(win(name).accelerator).toBe(`Ctrl${key}`);
    }
    for (const { accelerator } of build('darwin').items) if (typeof accelerator === 'string') expect(accelerator).not.toMatch(/^Ctrl\+(?!Cmd)/);
    for (const { accelerator } of build('linux').items) if (typeof accelerator === 'string') expect(accelerator).not.toContain('Cmd');
  });

  it('gives no two items the same accelerator', () => {
    for (const platform of ['darwin', 'linux']) {
      const accelerators = build(platform).items.map((i) => i.accelerator).filter((a): a is string => typeof a === 'string');
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });

  it('enables only what can act with no map open, until the renderer says more', () => {
    const { byId } = build('linux');
    for (const name of ['map.new', 'file.open', 'file.import', 'help.about', 'help.shortcuts'] as const) expect(byId(name).enabled, name).toBe(true);
    for (const name of ['export.pdf', 'file.print', 'edit.undo', 'edit.delete', 'view.zoomIn', 'view.grid'] as const) expect(byId(name).enabled, name).toBe(false);
  });

  it('follows the renderer’s patches, keeping what a patch does not mention', () => {
    let state = applyMenuPatch(INITIAL_MENU_STATE, { enabled: { 'edit.undo': true, 'export.pdf': true } });
    state = applyMenuPatch(state, { enabled: { 'edit.undo': false }, checked: { 'view.grid': true, 'view.mindmap': false } });
    const { byId } = build('linux', state);
    expect(byId('edit.undo').enabled).toBe(false);
    expect(byId('export.pdf').enabled).toBe(true);
    expect(byId('view.grid')).toMatchObject({ type: 'radio', checked: true });
    expect(byId('view.mindmap').checked).toBe(false);
  });

  it('lists recent maps, each opening its map, and says so when there are none', () => {
    expect(build('linux').byId('recent:none')).toMatchObject({ label: 'No recent maps', enabled: false });
    const state = applyMenuPatch(INITIAL_MENU_STATE, { recentMaps: [{ id: 'm-1', title: 'Clinic' }, { id: 'm-2', title: 'Q&A desk' }] });
    const { byId, send } = build('win32', state);
    expect(byId('recent:m-2').label).toBe('Q&&A desk');
    byId('recent:m-1').click?.({} as never, undefined, {} as never);
    expect(send.openRecentMap).toHaveBeenCalledWith('m-1');
  });

  it('has Close window, Quit and Full screen as native roles', () => {
    const linux = build('linux').items;
    expect(linux.some((i) => i.role === 'close')).toBe(true);
    expect(linux.some((i) => i.role === 'quit' && i.accelerator === 'Ctrl+Q')).toBe(true);
    expect(linux.some((i) => i.role === 'togglefullscreen' && i.accelerator === 'F11')).toBe(true);
    const mac = build('darwin').items;
    expect(mac.filter((i) => i.role === 'quit')).toHaveLength(1);
    expect(mac.some((i) => i.role === 'togglefullscreen' && i.accelerator === 'Ctrl+Cmd+F')).toBe(true);
  });

  it('puts the Export formats in one submenu', () => {
    const exportMenu = build('linux').byId('export');
    const ids = (exportMenu.submenu as MenuItemConstructorOptions[]).map((i) => i.id).filter(Boolean);
    expect(ids).toEqual(['export.pdf', 'export.png', 'export.jpeg', 'export.svg', 'export.csv', 'export.markdown', 'export.touchmap', 'export.slidesPdf', 'export.slidesPptx']);
  });

  it('offers Developer tools only in development builds', () => {
    expect(build('linux').items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    const dev = flatten(buildMenuTemplate('linux', INITIAL_MENU_STATE, { operation: vi.fn(), openRecentMap: vi.fn() }, true));
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('runs cut, copy and paste as native editing commands (real DOM clipboard events)', () => {
    expect(NATIVE_EDIT_COMMANDS).toEqual({ 'edit.cut': 'cut', 'edit.copy': 'copy', 'edit.paste': 'paste' });
  });
});
