/**
 * The one table of operations: everything a key, a menu item, a toolbar button or the palette
 * can do, by name — its default keys and where they work, the message key of its label, and
 * where it appears. The renderer's registry (what each does, when it is enabled) is keyed by
 * these names; the native menu, the menu's IPC names, Help, tooltips and the README's shortcut
 * list are made or checked from it. Pure data: both the main process and the renderer import it.
 */
import { OPERATION_LABELS, type OperationLabelKey } from './operation-labels';

export interface KeyChord {
  readonly key: string;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  readonly mod?: boolean;
  readonly shift?: boolean;
}

/**
 * Where a key works: `app` anywhere in the app; `map` with the mind map or the grid in front
 * (it acts on the selection there); `outline` while a cell of the outline has the focus;
 * `naming` while a touchpoint just added is being named; `round` in the rating round. A key may
 * mean one thing per scope.
 */
export type KeyScope = 'app' | 'map' | 'outline' | 'naming' | 'round';

/** The native menu's submenus; `group`s within one are split by separators. */
export type MenuPlace = 'file' | 'export' | 'edit' | 'view' | 'workshop' | 'help';

export interface MenuSpot {
  readonly in: MenuPlace;
  readonly group: number;
  /** A shorter name where the submenu says the rest (File ▸ Export ▸ PDF…). */
  readonly label?: OperationLabelKey;
  readonly kind?: 'radio' | 'checkbox';
}

export interface OperationSpec {
  readonly label: OperationLabelKey;
  readonly keys: readonly KeyChord[];
  readonly scope: KeyScope;
  readonly menu?: MenuSpot;
  /** A toolbar button runs it; its tooltip shows the keys. */
  readonly toolbar?: boolean;
  /** The command palette lists it while it is enabled. */
  readonly palette: boolean;
}

const mod = (key: string, shift = false): KeyChord => (shift ? { key, mod: true, shift: true } : { key, mod: true });
const plain = (key: string): KeyChord => ({ key });

export const OPERATION_TABLE = {
  'topic.addChild': { label: 'operation.topic.addChild', keys: [plain('Tab')], scope: 'map', palette: true },
  'topic.addSibling': { label: 'operation.topic.addSibling', keys: [plain('Enter')], scope: 'map', palette: true },
  'topic.edit': { label: 'operation.topic.edit', keys: [plain('F2')], scope: 'map', palette: true },
  'edit.delete': { label: 'operation.edit.delete', keys: [plain('Delete'), plain('Backspace')], scope: 'map', menu: { in: 'edit', group: 1 }, palette: true },
  'edit.undo': { label: 'operation.edit.undo', keys: [mod('z')], scope: 'app', menu: { in: 'edit', group: 0 }, toolbar: true, palette: true },
  'edit.redo': { label: 'operation.edit.redo', keys: [mod('z', true), mod('y')], scope: 'app', menu: { in: 'edit', group: 0 }, toolbar: true, palette: true },
  'select.left': { label: 'operation.select.left', keys: [plain('ArrowLeft')], scope: 'map', palette: false },
  'select.right': { label: 'operation.select.right', keys: [plain('ArrowRight')], scope: 'map', palette: false },
  'select.up': { label: 'operation.select.up', keys: [plain('ArrowUp')], scope: 'map', palette: false },
  'select.down': { label: 'operation.select.down', keys: [plain('ArrowDown')], scope: 'map', palette: false },
  'view.fit': { label: 'operation.view.fit', keys: [mod('0', true)], scope: 'app', menu: { in: 'view', group: 1 }, toolbar: true, palette: true },
  'view.zoomIn': { label: 'operation.view.zoomIn', keys: [mod('='), mod('+')], scope: 'app', menu: { in: 'view', group: 1 }, palette: true },
  'view.zoomOut': { label: 'operation.view.zoomOut', keys: [mod('-')], scope: 'app', menu: { in: 'view', group: 1 }, palette: true },
  'view.hideEmptyStages': { label: 'operation.view.hideEmptyStages', keys: [], scope: 'app', palette: true },
  'view.toggleInspector': {
    label: 'operation.view.toggleInspector',
    keys: [mod('i')],
    scope: 'app',
    menu: { in: 'view', group: 2, label: 'operation.view.toggleInspector.menu', kind: 'checkbox' },
    palette: true,
  },
  'map.new': { label: 'operation.map.new', keys: [mod('n')], scope: 'app', menu: { in: 'file', group: 0 }, palette: true },
  'file.open': { label: 'operation.file.open', keys: [], scope: 'app', menu: { in: 'file', group: 0 }, palette: false },
  'file.import': { label: 'operation.file.import', keys: [mod('o')], scope: 'app', menu: { in: 'file', group: 0 }, toolbar: true, palette: true },
  'file.print': { label: 'operation.file.print', keys: [mod('p')], scope: 'app', menu: { in: 'file', group: 1 }, palette: true },
  // H for history: the map's saved copies, named or made as it was opened and edited
  'map.restorePoints': { label: 'operation.map.restorePoints', keys: [mod('h', true)], scope: 'app', menu: { in: 'file', group: 1 }, palette: true },
  // before and after: a restore point (or two) compared with the map now
  'map.compare': { label: 'operation.map.compare', keys: [], scope: 'app', palette: true },
  'file.backupAll': { label: 'operation.file.backupAll', keys: [], scope: 'app', toolbar: true, palette: true },
  'export.open': { label: 'operation.export.open', keys: [mod('e')], scope: 'app', toolbar: true, palette: true },
  'export.pdf': { label: 'operation.export.pdf', keys: [mod('p', true)], scope: 'app', menu: { in: 'export', group: 0, label: 'operation.export.pdf.menu' }, palette: true },
  'export.png': { label: 'operation.export.png', keys: [], scope: 'app', menu: { in: 'export', group: 0, label: 'operation.export.png.menu' }, palette: true },
  'export.jpeg': { label: 'operation.export.jpeg', keys: [], scope: 'app', menu: { in: 'export', group: 0, label: 'operation.export.jpeg.menu' }, palette: true },
  'export.svg': { label: 'operation.export.svg', keys: [], scope: 'app', menu: { in: 'export', group: 0, label: 'operation.export.svg.menu' }, palette: true },
  'export.csv': { label: 'operation.export.csv', keys: [], scope: 'app', menu: { in: 'export', group: 1, label: 'operation.export.csv.menu' }, palette: true },
  'export.markdown': { label: 'operation.export.markdown', keys: [], scope: 'app', menu: { in: 'export', group: 1, label: 'operation.export.markdown.menu' }, palette: true },
  'export.touchmap': {
    label: 'operation.export.touchmap',
    keys: [mod('s', true)],
    scope: 'app',
    menu: { in: 'export', group: 1, label: 'operation.export.touchmap.menu' },
    palette: true,
  },
  // the presentation's slides, as a 16:9 PDF deck and a PowerPoint file
  'export.slidesPdf': { label: 'operation.export.slidesPdf', keys: [], scope: 'app', menu: { in: 'export', group: 2, label: 'operation.export.slidesPdf.menu' }, palette: true },
  'export.slidesPptx': { label: 'operation.export.slidesPptx', keys: [], scope: 'app', menu: { in: 'export', group: 2, label: 'operation.export.slidesPptx.menu' }, palette: true },
  'edit.cut': { label: 'operation.edit.cut', keys: [mod('x')], scope: 'app', menu: { in: 'edit', group: 1 }, palette: true },
  'edit.copy': { label: 'operation.edit.copy', keys: [mod('c')], scope: 'app', menu: { in: 'edit', group: 1 }, palette: true },
  'edit.paste': { label: 'operation.edit.paste', keys: [mod('v')], scope: 'app', menu: { in: 'edit', group: 1 }, palette: true },
  'select.all': { label: 'operation.select.all', keys: [mod('a')], scope: 'app', menu: { in: 'edit', group: 1, label: 'operation.select.all.menu' }, palette: true },
  'edit.find': { label: 'operation.edit.find', keys: [mod('f')], scope: 'app', menu: { in: 'edit', group: 2, label: 'operation.edit.find.menu' }, palette: true },
  'view.mindmap': { label: 'operation.view.mindmap', keys: [mod('1')], scope: 'app', menu: { in: 'view', group: 0, kind: 'radio' }, toolbar: true, palette: true },
  'view.grid': { label: 'operation.view.grid', keys: [mod('2')], scope: 'app', menu: { in: 'view', group: 0, kind: 'radio' }, toolbar: true, palette: true },
  'view.outline': { label: 'operation.view.outline', keys: [mod('3')], scope: 'app', menu: { in: 'view', group: 0, kind: 'radio' }, toolbar: true, palette: true },
  'view.analysis': { label: 'operation.view.analysis', keys: [mod('4')], scope: 'app', menu: { in: 'view', group: 0, kind: 'radio' }, toolbar: true, palette: true },
  // the action plan: every improvement action as a table, the fifth view of the map
  'view.actions': { label: 'operation.view.actions', keys: [mod('5')], scope: 'app', menu: { in: 'view', group: 0, kind: 'radio' }, toolbar: true, palette: true },
  'view.presentation': {
    label: 'operation.view.presentation',
    keys: [plain('F5')],
    scope: 'app',
    menu: { in: 'view', group: 2, label: 'operation.view.presentation.menu', kind: 'checkbox' },
    palette: true,
  },
  // pick and order the slides presenting shows (saved with the map)
  'view.slides': { label: 'operation.view.slides', keys: [mod('e', true)], scope: 'app', menu: { in: 'view', group: 2, label: 'operation.view.slides.menu' }, palette: true },
  'view.theme': { label: 'operation.view.theme', keys: [], scope: 'app', menu: { in: 'view', group: 2, label: 'operation.view.theme.menu' }, palette: true },
  // R for rating: the full-window round that scores the touchpoints one at a time with a room
  'rating.start': { label: 'operation.rating.start', keys: [mod('r', true)], scope: 'app', menu: { in: 'view', group: 2, label: 'operation.rating.start.menu' }, toolbar: true, palette: true },
  'actions.print': { label: 'operation.actions.print', keys: [], scope: 'app', menu: { in: 'file', group: 1 }, palette: true },
  'chain.togglePanel': { label: 'operation.chain.togglePanel', keys: [mod('j', true)], scope: 'app', toolbar: true, palette: true },
  // the selected touchpoints, in the order selected, become a chain's next steps (L for link)
  'chain.addSelection': { label: 'operation.chain.addSelection', keys: [mod('l', true)], scope: 'app', palette: true },
  // Ctrl/Cmd+, : where desktop apps keep their settings
  'map.settings': { label: 'operation.map.settings', keys: [mod(',')], scope: 'app', toolbar: true, palette: true },
  // the live workshop room: its panel (connect, address and QR code, inbox, rating rounds)
  'room.open': { label: 'operation.room.open', keys: [], scope: 'app', menu: { in: 'workshop', group: 0 }, toolbar: true, palette: true },
  'palette.open': { label: 'operation.palette.open', keys: [mod('k')], scope: 'app', menu: { in: 'help', group: 0 }, palette: false },
  'help.shortcuts': { label: 'operation.help.shortcuts', keys: [mod('/')], scope: 'app', menu: { in: 'help', group: 0 }, toolbar: true, palette: true },
  'help.about': { label: 'operation.help.about', keys: [], scope: 'app', menu: { in: 'help', group: 1 }, palette: true },
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof OPERATION_TABLE;

export const OPERATION_NAMES = Object.keys(OPERATION_TABLE) as OperationName[];

export const operationSpec = (name: OperationName): OperationSpec => OPERATION_TABLE[name];

/** The operations the native menu offers, by name: what a menu click sends to the renderer. */
export type MenuOperation = { [K in OperationName]: (typeof OPERATION_TABLE)[K] extends { readonly menu: MenuSpot } ? K : never }[OperationName];

export const MENU_OPERATIONS = OPERATION_NAMES.filter((name): name is MenuOperation => operationSpec(name).menu !== undefined);

/** An operation's label in English (the native menu's language; the renderer goes through `t()`). */
export const englishLabel = (key: OperationLabelKey): string => OPERATION_LABELS[key];

/**
 * Keys a view answers itself, outside the registry (the outline's grid, the label editor): they
 * are in Help and in the README, and the table's checks see them, so no operation takes them in
 * the same place. `text` is a range of keys rather than a chord ("0–9").
 */
export interface ViewKey {
  readonly label: string;
  readonly keys: readonly KeyChord[];
  readonly text?: readonly string[];
  readonly scope: KeyScope;
}

export const VIEW_KEYS = [
  { label: 'help.outline.nextCell', keys: [plain('Tab')], scope: 'outline' },
  { label: 'help.outline.previousCell', keys: [{ key: 'Tab', shift: true }], scope: 'outline' },
  { label: 'help.outline.rowEnds', keys: [plain('Home'), plain('End')], scope: 'outline' },
  { label: 'help.outline.firstCell', keys: [mod('Home')], scope: 'outline' },
  { label: 'help.outline.lastCell', keys: [mod('End')], scope: 'outline' },
  { label: 'help.outline.rate', keys: [], text: ['0–9'], scope: 'outline' },
  { label: 'help.outline.edit', keys: [plain('Enter'), plain('F2')], text: ['A–Z'], scope: 'outline' },
  { label: 'help.outline.fold', keys: [plain('ArrowLeft'), plain('ArrowRight')], scope: 'outline' },
  { label: 'help.nextWhileNaming', keys: [plain('Enter')], scope: 'naming' },
  { label: 'help.typeToEdit', keys: [], text: ['A–Z'], scope: 'map' },
  { label: 'help.round.score', keys: [], text: ['0–9'], scope: 'round' },
  { label: 'help.round.competitor', keys: [], text: ['Shift+0–9'], scope: 'round' },
  { label: 'help.round.importance', keys: [plain('i')], text: ['0–9'], scope: 'round' },
  { label: 'help.round.next', keys: [plain('Enter'), plain('ArrowRight')], scope: 'round' },
  { label: 'help.round.back', keys: [plain('ArrowLeft')], scope: 'round' },
  { label: 'help.round.skip', keys: [plain('s')], scope: 'round' },
  { label: 'help.round.timer', keys: [plain('t')], scope: 'round' },
  { label: 'help.round.leave', keys: [plain('Escape')], scope: 'round' },
] as const satisfies readonly ViewKey[];

const KEY_NAMES: Readonly<Record<string, string>> = { ' ': 'Space', ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

/** A chord as the user's keyboard spells it: ⌘⇧P on macOS, Ctrl+Shift+P elsewhere. */
export function chordLabel(chord: KeyChord, mac: boolean): string {
  const key = KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  const parts = [chord.mod ? (mac ? '⌘' : 'Ctrl') : '', chord.shift ? (mac ? '⇧' : 'Shift') : '', key].filter(Boolean);
  return parts.join(mac ? '' : '+');
}

/** A chord for every platform at once, as tooltips and the README write it: Ctrl/Cmd+Shift+P. */
export function chordText(chord: KeyChord): string {
  const key = KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  return [chord.mod ? 'Ctrl/Cmd' : '', chord.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** An operation's keys for a tooltip or a sentence: "Ctrl/Cmd+Z, Ctrl/Cmd+Y"; empty when it has none. */
export const keysText = (name: OperationName): string => operationSpec(name).keys.map(chordText).join(', ');

/** The Electron accelerator of a chord ("CmdOrCtrl" spelled out per platform, as the menu needs). */
export function chordAccelerator(chord: KeyChord, mac: boolean): string {
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  return [chord.mod ? (mac ? 'Cmd' : 'Ctrl') : '', chord.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

const chordId = (chord: KeyChord) => `${chord.mod ? 'mod+' : ''}${chord.shift ? 'shift+' : ''}${chord.key.toLowerCase()}`;

/** Keys two entries share where both work: `app` overlaps every scope. Empty when the table is sound. */
export function keyClashes(rows: readonly { readonly name: string; readonly keys: readonly KeyChord[]; readonly scope: KeyScope }[]): string[] {
  const clashes: string[] = [];
  rows.forEach((a, i) =>
    rows.slice(i + 1).forEach((b) => {
      if (a.scope !== b.scope && a.scope !== 'app' && b.scope !== 'app') return;
      for (const chord of a.keys) if (b.keys.some((other) => chordId(other) === chordId(chord))) clashes.push(`${chordText(chord)}: ${a.name} and ${b.name} (${a.scope} / ${b.scope})`);
    }),
  );
  return clashes;
}

/** Every keyed row of the table and the views' own keys, for the clash check. */
export const ALL_KEY_ROWS = [
  ...OPERATION_NAMES.map((name) => ({ name, keys: operationSpec(name).keys, scope: operationSpec(name).scope })),
  ...VIEW_KEYS.map((row) => ({ name: row.label, keys: row.keys, scope: row.scope })),
];
