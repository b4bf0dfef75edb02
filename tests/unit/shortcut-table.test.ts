// @vitest-environment jsdom
/**
 * The operations table (shared/operations.ts) against every copy of its facts: the registry, the
 * native menu, Help, tooltips and the README. Editing one copy only fails here.
 * After changing the table, `UPDATE_SHORTCUTS=1 npx vitest run tests/unit/shortcut-table.test.ts`
 * rewrites the README's "Keyboard shortcuts" section from it.
 */
import 'fake-indexeddb/auto';
import type { MenuItemConstructorOptions } from 'electron';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, within } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, INITIAL_MENU_STATE } from '../../electron/main/menu';
import {
  ALL_KEY_ROWS,
  chordAccelerator,
  chordLabel,
  chordText,
  keyClashes,
  keysText,
  MENU_OPERATIONS,
  OPERATION_NAMES,
  OPERATION_TABLE,
  operationSpec,
  VIEW_KEYS,
  type KeyScope,
  type MenuPlace,
  type OperationName,
} from '../../shared/operations';
import { OPERATION_LABELS } from '../../shared/operation-labels';
import { en } from '../../renderer/src/i18n/en';
import { OPERATIONS } from '../../renderer/src/app/operations';
import { shortcutRows } from '../../renderer/src/app/shortcut-rows';
import { ShortcutsDialog } from '../../renderer/src/features/help/HelpDialogs';

const ROOT = process.cwd();
const README = join(ROOT, 'README.md');

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}
const menuOf = (platform: string) => flatten(buildMenuTemplate(platform, INITIAL_MENU_STATE, { operation: vi.fn(), openRecentMap: vi.fn() }));
/** Menu items that send a name to the renderer (not native roles, submenus or recent maps). */
const sendingItems = (platform: string) => menuOf(platform).filter((item) => item.click && typeof item.id === 'string' && !item.id.startsWith('recent:'));

describe('the native menu is made from the table', () => {
  it('names only operations the registry answers — Select all included', () => {
    const registered = new Set<string>(OPERATIONS.map((operation) => operation.name));
    for (const platform of ['darwin', 'linux', 'win32']) {
      const unknown = sendingItems(platform).map((item) => item.id).filter((id) => !registered.has(id!));
      expect(unknown, platform).toEqual([]);
    }
    expect(sendingItems('linux').find((item) => item.label === 'Select all')?.id).toBe('select.all');
  });

  it('offers every menu operation of the table, once', () => {
    const ids = sendingItems('linux').map((item) => item.id);
    expect([...ids].sort()).toEqual([...MENU_OPERATIONS].sort());
  });

  it.each(['darwin', 'linux'])('shows on %s the keys the app answers (Export PDF, Fit to view…)', (platform) => {
    const mac = platform === 'darwin';
    for (const item of sendingItems(platform)) {
      const keys = operationSpec(item.id as OperationName).keys;
      const shown = keys.map((chord) => chordAccelerator(chord, mac));
      if (keys.length === 0) expect(item.accelerator, item.id).toBeUndefined();
      else expect(shown, item.id).toContain(item.accelerator);
    }
    const byId = (id: string) => sendingItems(platform).find((item) => item.id === id);
    const mod = mac ? 'Cmd' : 'Ctrl';
    expect(byId('export.pdf')?.accelerator).toBe(`${mod}+Shift+P`);
    expect(byId('view.fit')?.accelerator).toBe(`${mod}+Shift+0`);
  });
});

describe('keys', () => {
  it('no two entries share a key where both work', () => {
    expect(keyClashes(ALL_KEY_ROWS)).toEqual([]);
  });

  it('the clash check sees a shared key in one scope, and one in the app scope against any other', () => {
    const row = (name: string, key: string, scope: KeyScope, shift = false) => ({ name, keys: [{ key, mod: true, shift }], scope });
    expect(keyClashes([row('a', 'p', 'map'), row('b', 'P', 'map')])).toHaveLength(1);
    expect(keyClashes([row('a', 'p', 'app'), row('b', 'p', 'outline')])).toHaveLength(1);
    expect(keyClashes([row('a', 'p', 'map'), row('b', 'p', 'outline')])).toEqual([]);
    expect(keyClashes([row('a', 'p', 'app'), row('b', 'p', 'app', true)])).toEqual([]);
  });

  it('every label is a message of the UI, and the registry has a handler for every entry and no more', () => {
    for (const name of OPERATION_NAMES) {
      const spec = operationSpec(name);
      expect(en[spec.label], name).toBe(OPERATION_LABELS[spec.label]);
      if (spec.menu?.label) expect(en[spec.menu.label], name).toBeTruthy();
    }
    for (const row of VIEW_KEYS) expect(en[row.label], row.label).toBeTruthy();
    expect(OPERATIONS.map((operation) => operation.name)).toEqual(OPERATION_NAMES);
  });
});

describe('Help shows the table’s keys', () => {
  // jsdom has <dialog> but not its modal methods
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };

  it('lists every keyed operation and view key with exactly its keys', () => {
    const view = render(createElement(ShortcutsDialog, { rows: shortcutRows(), onClose: () => undefined }));
    const rows = view.getAllByRole('row');
    const shown = new Map(rows.map((row) => [within(row).getByRole('rowheader').textContent, Array.from(row.querySelectorAll('kbd'), (kbd) => kbd.textContent)]));
    const expected = [
      ...OPERATION_NAMES.filter((name) => operationSpec(name).keys.length > 0).map((name) => [en[operationSpec(name).label], operationSpec(name).keys.map((c) => chordLabel(c, false))] as const),
      ...VIEW_KEYS.map((row) => [en[row.label], [...row.keys.map((c) => chordLabel(c, false)), ...('text' in row ? row.text : [])]] as const),
    ];
    expect(shown.size).toBe(expected.length);
    for (const [label, keys] of expected) expect(shown.get(label), label).toEqual(keys);
    expect(shown.get('Export PDF…')).toEqual(['Ctrl+Shift+P']);
    expect(shown.get('Fit to view')).toEqual(['Ctrl+Shift+0']);
    view.unmount();
  });
});

/** Every “Ctrl/Cmd+…” chord written in a text. */
const chordsIn = (text: string) => text.match(/Ctrl\/Cmd\+(?:Shift\+)?(?:[A-Za-z0-9]+|[=,/+-])/g) ?? [];
const tableChordTexts = new Set(ALL_KEY_ROWS.flatMap((row) => row.keys.map(chordText)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('tooltips show the table’s keys', () => {
  it('no tooltip spells a key by hand: titles take them from the table', () => {
    const handWritten = sourceFiles(join(ROOT, 'renderer/src')).flatMap((file) =>
      (readFileSync(file, 'utf8').match(/title=(?:"[^"]*"|\{`[^`]*`\})/g) ?? []).filter((title) => /Ctrl|Cmd|\bF\d+\b/.test(title)).map((title) => `${file}: ${title}`),
    );
    expect(handWritten).toEqual([]);
  });

  it.each([
    ['help.buttonTitle', 'help.shortcuts'],
    ['import.shortcut', 'file.import'],
    ['export.visual.shortcut', 'export.open'],
  ] as const)('the tooltip message %s names the keys of %s', (message, name) => {
    expect(en[message]).toContain(`(${keysText(name)})`);
  });

  it('every key a UI message mentions is a key of the table', () => {
    const unknown = Object.entries(en).flatMap(([key, text]) => chordsIn(text).filter((chord) => !tableChordTexts.has(chord)).map((chord) => `${key}: ${chord}`));
    expect(unknown).toEqual([]);
  });
});

const SCOPE_WORDS: Record<KeyScope, string> = { app: 'anywhere', map: 'mind map, grid', outline: 'outline', naming: 'naming a new touchpoint', round: 'rating round' };
const MENU_WORDS: Record<MenuPlace, string> = { file: 'File', export: 'File ▸ Export', edit: 'Edit', view: 'View', workshop: 'Workshop', help: 'Help' };
const cell = (text: string) => text.replace(/\|/g, '\\|');
const keysCell = (texts: readonly string[]) => texts.map((text) => `\`${text}\``).join(' ');

/** The README's shortcut table, as the table makes it. */
function shortcutsSection(): string {
  const operationRows = OPERATION_NAMES.filter((name) => OPERATION_TABLE[name].keys.length > 0).map((name) => {
    const spec = operationSpec(name);
    const menu = spec.menu ? `${MENU_WORDS[spec.menu.in]} ▸ ${OPERATION_LABELS[spec.menu.label ?? spec.label]}` : '';
    return `| ${cell(OPERATION_LABELS[spec.label])} | ${keysCell(spec.keys.map(chordText))} | ${SCOPE_WORDS[spec.scope]} | ${cell(menu) || '—'} |`;
  });
  const viewRows = VIEW_KEYS.map((row) => `| ${cell(en[row.label])} | ${keysCell([...row.keys.map(chordText), ...('text' in row ? row.text : [])])} | ${SCOPE_WORDS[row.scope]} | — |`);
  return [
    '## Keyboard shortcuts',
    'Ctrl on Windows and Linux, Cmd on macOS. Ctrl/Cmd+K finds anything you can do right now, by name.',
    'This table is made from `shared/operations.ts`; a unit test fails when the two differ.',
    '',
    '| What | Keys | Where | Menu |',
    '|---|---|---|---|',
    ...operationRows,
    ...viewRows,
    '',
  ].join('\n');
}

describe('the README shows the table’s keys', () => {
  const readme = readFileSync(README, 'utf8');
  const section = /## Keyboard shortcuts\n[\s\S]*?(?=\n## |$)/.exec(readme)?.[0];

  it('has a Keyboard shortcuts section equal to the table', () => {
    if (process.env.UPDATE_SHORTCUTS && section) writeFileSync(README, readme.replace(section, shortcutsSection()));
    expect(section, 'README.md has no "## Keyboard shortcuts" section').toBeDefined();
    expect(section).toBe(shortcutsSection());
  });

  it('mentions no key elsewhere that the table does not have', () => {
    expect(chordsIn(readme).filter((chord) => !tableChordTexts.has(chord))).toEqual([]);
  });
});
