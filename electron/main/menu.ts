/**
 * The native menu, as a pure function of the platform and the menu state the renderer
 * reports: File / Edit / View / Help, plus the app menu on macOS. Its items, their labels and
 * their keys come from the operations table (shared/operations.ts); this module adds only what
 * is the shell's own — native roles (close, quit, full screen, services…) and recent maps.
 * Every item sends its operation's name; what it does is the renderer registry's business, the
 * same code the keyboard, the toolbar and the palette run.
 *
 * Items are disabled when they cannot act; until the renderer says otherwise only the
 * operations that work everywhere (new, open, import, view theme, help) are enabled.
 *
 * Accelerators: Cmd on macOS, Ctrl elsewhere. The renderer handles its own keys and calls
 * preventDefault, and Chromium gives the page a key before the menu, so a shortcut never runs
 * twice; the menu accelerator is the label and the fallback.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { type MenuOperation, type RecentMap } from '../../shared/ipc';
import { chordAccelerator, MENU_OPERATIONS, operationSpec, type KeyChord, type MenuPlace } from '../../shared/operations';
import { operationLabel } from '../../shared/i18n/operation-labels';
import { MENU_WORDS } from '../../shared/i18n/menu-words';
import type { Locale } from '../../shared/model/types';

export interface MenuState {
  readonly enabled: Readonly<Partial<Record<MenuOperation, boolean>>>;
  readonly checked: Readonly<Partial<Record<MenuOperation, boolean>>>;
  readonly recentMaps: readonly RecentMap[];
  /** The language of the labels: the UI language the renderer reports, the OS's until it does. */
  readonly locale: Locale;
}

/** Operations that can act with no map open. */
const ALWAYS_AVAILABLE: ReadonlySet<MenuOperation> = new Set<MenuOperation>(['map.new', 'file.open', 'file.import', 'view.theme', 'help.shortcuts', 'help.about']);

export const INITIAL_MENU_STATE: MenuState = {
  enabled: Object.fromEntries(MENU_OPERATIONS.map((name) => [name, ALWAYS_AVAILABLE.has(name)])),
  checked: { 'view.mindmap': true },
  recentMaps: [],
  locale: 'en',
};

/** Merges a renderer patch into the state. */
export function applyMenuPatch(
  state: MenuState,
  patch: { enabled?: Partial<Record<MenuOperation, boolean>>; checked?: Partial<Record<MenuOperation, boolean>>; recentMaps?: readonly RecentMap[]; locale?: Locale },
): MenuState {
  return {
    enabled: { ...state.enabled, ...patch.enabled },
    checked: { ...state.checked, ...patch.checked },
    recentMaps: patch.recentMaps ?? state.recentMaps,
    locale: patch.locale ?? state.locale,
  };
}

export interface MenuSend {
  operation(name: MenuOperation): void;
  openRecentMap(mapId: string): void;
}

export type MenuPlatform = 'darwin' | 'win32' | 'linux' | (string & {});

/**
 * edit.cut / copy / paste run as the native editing commands (webContents.cut() …): the page
 * gets real DOM clipboard events — text fields behave as in any app, and the renderer copies
 * topics from the same `copy`/`paste` events it handles in a browser. Paste in particular
 * cannot be done from a script, so it has to be native.
 */
export const NATIVE_EDIT_COMMANDS: Readonly<Partial<Record<MenuOperation, 'cut' | 'copy' | 'paste'>>> = {
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
 * The accelerator a menu item shows: its first key. On macOS a Backspace key wins over Delete,
 * because the key Mac keyboards label “delete” is Backspace.
 */
function acceleratorOf(keys: readonly KeyChord[], mac: boolean): string | undefined {
  const chord = (mac ? keys.find((k) => k.key === 'Backspace') : undefined) ?? keys[0];
  return chord ? chordAccelerator(chord, mac) : undefined;
}

/**
 * @param developer adds View ▸ Developer tools (development builds only, never packaged).
 * @example Menu.buildFromTemplate(buildMenuTemplate(process.platform, state, send, !app.isPackaged))
 */
export function buildMenuTemplate(platform: MenuPlatform, state: MenuState, send: MenuSend, developer = false): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const mod = mac ? 'Cmd' : 'Ctrl';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const words = MENU_WORDS[state.locale] ?? MENU_WORDS.en;
  /** Windows' mnemonic marker on a menu title, where the title starts with a Latin letter. */
  const title = (text: string) => (mac || !/^[A-Za-z]/.test(text) ? text : `&${text}`);

  const item = (name: MenuOperation): MenuItemConstructorOptions => {
    const spec = operationSpec(name);
    const menu = spec.menu;
    const accelerator = acceleratorOf(spec.keys, mac);
    return {
      id: name,
      label: operationLabel(menu?.label ?? spec.label, state.locale),
      ...(accelerator ? { accelerator } : {}),
      enabled: state.enabled[name] ?? false,
      click: () => send.operation(name),
      ...(menu?.kind ? { type: menu.kind, checked: state.checked[name] ?? false } : {}),
    };
  };
  /** The table's items of one menu and group, in table order. */
  const group = (place: MenuPlace, index: number, except: readonly MenuOperation[] = []): MenuItemConstructorOptions[] =>
    MENU_OPERATIONS.filter((name) => operationSpec(name).menu?.in === place && operationSpec(name).menu?.group === index && !except.includes(name)).map(item);

  const recent: MenuItemConstructorOptions[] =
    state.recentMaps.length > 0
      ? state.recentMaps.map((m) => ({ id: `recent:${m.id}`, label: menuLabel(menuTitle(m.title) || words.untitledMap), click: () => send.openRecentMap(m.id) }))
      : [{ id: 'recent:none', label: words.noRecentMaps, enabled: false }];

  const appMenu: MenuItemConstructorOptions = {
    label: 'Touchmap',
    submenu: [
      item('help.about'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit', label: words.quitApp },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: title(words.file),
    submenu: [
      ...group('file', 0),
      { id: 'export', label: words.export, submenu: [...group('export', 0), separator, ...group('export', 1), separator, ...group('export', 2)] },
      ...group('file', 1),
      separator,
      { id: 'recent', label: words.recentMaps, submenu: recent },
      separator,
      { role: 'close', label: words.closeWindow, accelerator: `${mod}+W` },
      ...(mac ? [] : [separator, { role: 'quit', label: words.quit, accelerator: 'Ctrl+Q' } satisfies MenuItemConstructorOptions]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: title(words.edit),
    submenu: [...group('edit', 0), separator, ...group('edit', 1), separator, ...group('edit', 2)],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: title(words.view),
    submenu: [
      ...group('view', 0),
      separator,
      ...group('view', 1),
      separator,
      { role: 'togglefullscreen', label: words.fullScreen, accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      ...group('view', 2),
      ...(developer ? [separator, { role: 'toggleDevTools', label: words.developerTools } satisfies MenuItemConstructorOptions] : []),
    ],
  };

  // The live workshop room: participants' phones on the local network.
  const workshopMenu: MenuItemConstructorOptions = {
    label: title(words.workshop),
    submenu: group('workshop', 0),
  };

  // On macOS About lives in the app menu, where Mac apps keep it.
  const helpMenu: MenuItemConstructorOptions = {
    label: title(words.help),
    role: 'help',
    submenu: [...group('help', 0), ...(mac ? [] : [separator, ...group('help', 1)])],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, workshopMenu, ...(mac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []), helpMenu];
}
