/**
 * The native menu, as a pure function of the platform and the menu state the renderer
 * reports: File / Edit / View / Help (issue 5), plus the app menu on macOS. Every app item
 * sends its action name (shared/ipc MENU_ACTIONS); what the action does is the renderer's
 * action registry's business, the same code the keyboard and toolbar run.
 *
 * Items are disabled when they cannot act; until the renderer says otherwise only the actions
 * that work everywhere (new, open, import, view theme, help) are enabled.
 *
 * Accelerators: Cmd on macOS, Ctrl elsewhere. The renderer handles its own keys and calls
 * preventDefault, and Chromium gives the page a key before the menu, so a shortcut never runs
 * twice; the menu accelerator is the label and the fallback.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_ACTIONS, type MenuAction, type RecentMap } from '../../shared/ipc';

export interface MenuState {
  readonly enabled: Readonly<Partial<Record<MenuAction, boolean>>>;
  readonly checked: Readonly<Partial<Record<MenuAction, boolean>>>;
  readonly recentMaps: readonly RecentMap[];
}

/** Actions that can act with no map open. */
const ALWAYS_AVAILABLE: ReadonlySet<MenuAction> = new Set<MenuAction>(['map.new', 'file.open', 'file.import', 'view.theme', 'help.shortcuts', 'help.about']);

export const INITIAL_MENU_STATE: MenuState = {
  enabled: Object.fromEntries(MENU_ACTIONS.map((a) => [a, ALWAYS_AVAILABLE.has(a)])),
  checked: { 'view.mindmap': true },
  recentMaps: [],
};

/** Merges a renderer patch into the state. */
export function applyMenuPatch(
  state: MenuState,
  patch: { enabled?: Partial<Record<MenuAction, boolean>>; checked?: Partial<Record<MenuAction, boolean>>; recentMaps?: readonly RecentMap[] },
): MenuState {
  return {
    enabled: { ...state.enabled, ...patch.enabled },
    checked: { ...state.checked, ...patch.checked },
    recentMaps: patch.recentMaps ?? state.recentMaps,
  };
}

export interface MenuSend {
  action(action: MenuAction): void;
  openRecentMap(mapId: string): void;
}

export type MenuPlatform = 'darwin' | 'win32' | 'linux' | (string & {});

/**
 * edit.cut / copy / paste run as the native editing commands (webContents.cut() …): the page
 * gets real DOM clipboard events — text fields behave as in any app, and the renderer copies
 * topics from the same `copy`/`paste` events it handles in a browser. Paste in particular
 * cannot be done from a script, so it has to be native.
 */
export const NATIVE_EDIT_COMMANDS: Readonly<Partial<Record<MenuAction, 'cut' | 'copy' | 'paste'>>> = {
  'edit.cut': 'cut',
  'edit.copy': 'copy',
  'edit.paste': 'paste',
};

/** Windows reads “&” as a mnemonic marker; a map titled “Q&A” must show its ampersand. */
function menuLabel(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Characters of a map title a menu shows; a longer title ends in “…” (a 200-character title made the menu wider than the screen). */
export const MAX_MENU_TITLE_CHARS = 60;

/**
 * A map title as a menu item shows it: on one line, at most MAX_MENU_TITLE_CHARS characters
 * (code points, so an emoji is never cut in half), the last one “…” when it was cut.
 * @example menuTitle('Clinic\nnew patients') // 'Clinic new patients'
 */
export function menuTitle(title: string): string {
  const oneLine = title.split(/[\r\n\u2028\u2029]+/).join(' ').trim();
  // At most two code units a character: this many units hold one more character than fits, so a cut shows.
  const enough = (MAX_MENU_TITLE_CHARS + 1) * 2;
  const chars = Array.from(oneLine.length > enough ? oneLine.slice(0, enough) : oneLine);
  return chars.length <= MAX_MENU_TITLE_CHARS ? chars.join('') : `${chars.slice(0, MAX_MENU_TITLE_CHARS - 1).join('').trimEnd()}…`;
}

/**
 * @param developer adds View ▸ Developer tools (development builds only, never packaged).
 * @example Menu.buildFromTemplate(buildMenuTemplate(process.platform, state, send, !app.isPackaged))
 */
export function buildMenuTemplate(platform: MenuPlatform, state: MenuState, send: MenuSend, developer = false): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const mod = mac ? 'Cmd' : 'Ctrl';

  const item = (action: MenuAction, label: string, accelerator?: string, extra: Partial<MenuItemConstructorOptions> = {}): MenuItemConstructorOptions => ({
    id: action,
    label,
    ...(accelerator ? { accelerator } : {}),
    enabled: state.enabled[action] ?? false,
    click: () => send.action(action),
    ...extra,
  });
  const radio = (action: MenuAction, label: string, accelerator: string): MenuItemConstructorOptions =>
    item(action, label, accelerator, { type: 'radio', checked: state.checked[action] ?? false });
  const check = (action: MenuAction, label: string, accelerator?: string): MenuItemConstructorOptions =>
    item(action, label, accelerator, { type: 'checkbox', checked: state.checked[action] ?? false });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const recent: MenuItemConstructorOptions[] =
    state.recentMaps.length > 0
      ? state.recentMaps.map((m) => ({ id: `recent:${m.id}`, label: menuLabel(menuTitle(m.title) || 'Untitled map'), click: () => send.openRecentMap(m.id) }))
      : [{ id: 'recent:none', label: 'No recent maps', enabled: false }];

  const appMenu: MenuItemConstructorOptions = {
    label: 'Touchmap',
    submenu: [
      item('help.about', 'About Touchmap'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit', label: 'Quit Touchmap' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      item('map.new', 'New map', `${mod}+N`),
      item('file.open', 'Open .touchmap…', `${mod}+O`),
      item('file.import', 'Import…'),
      {
        id: 'export',
        label: 'Export',
        submenu: [
          item('export.pdf', 'PDF…', `${mod}+Shift+E`),
          item('export.png', 'PNG…'),
          item('export.jpeg', 'JPEG…'),
          item('export.svg', 'SVG…'),
          separator,
          item('export.csv', 'Action plan CSV…'),
          item('export.markdown', 'Markdown…'),
          item('export.touchmap', '.touchmap…', `${mod}+Shift+S`),
        ],
      },
      item('file.print', 'Print…', `${mod}+P`),
      separator,
      { id: 'recent', label: 'Recent maps', submenu: recent },
      separator,
      { role: 'close', label: 'Close window', accelerator: `${mod}+W` },
      ...(mac ? [] : [separator, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } satisfies MenuItemConstructorOptions]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      item('edit.undo', 'Undo', `${mod}+Z`),
      item('edit.redo', 'Redo', `${mod}+Shift+Z`),
      separator,
      item('edit.cut', 'Cut', `${mod}+X`),
      item('edit.copy', 'Copy', `${mod}+C`),
      item('edit.paste', 'Paste', `${mod}+V`),
      item('edit.delete', 'Delete', mac ? 'Backspace' : 'Delete'),
      item('edit.selectAll', 'Select all', `${mod}+A`),
      separator,
      item('edit.find', 'Find…', `${mod}+F`),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      radio('view.mindmap', 'Mind map', `${mod}+1`),
      radio('view.grid', 'Grid', `${mod}+2`),
      radio('view.outline', 'Outline', `${mod}+3`),
      separator,
      item('view.zoomIn', 'Zoom in', `${mod}+=`),
      item('view.zoomOut', 'Zoom out', `${mod}+-`),
      item('view.fit', 'Fit to view', `${mod}+0`),
      separator,
      { role: 'togglefullscreen', label: 'Full screen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      check('view.presentation', 'Presentation', 'F5'),
      check('view.toggleInspector', 'Inspector', `${mod}+I`),
      item('view.theme', 'Theme'),
      ...(developer ? [separator, { role: 'toggleDevTools', label: 'Developer tools' } satisfies MenuItemConstructorOptions] : []),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: mac ? 'Help' : '&Help',
    role: 'help',
    submenu: [item('help.shortcuts', 'Keyboard shortcuts', `${mod}+/`), ...(mac ? [] : [separator, item('help.about', 'About Touchmap')])],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, ...(mac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []), helpMenu];
}
