/**
 * The real main process (electron/main/index.ts), loaded against a fake `electron` module: the
 * test plays the OS, the user and the renderer, and checks that index.ts wires the pure modules
 * together as intended — scheme before ready, guards on, IPC checked, files routed, the quit
 * handshake honoured.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { serializeTouchmapFile } from '../../../shared/file-format';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../shared/ipc';
import { mapDoc } from '../../builders/map-doc';
import { bundleMainWithFakeElectron, createFakeElectron, preventableEvent, type FakeElectron } from './fake-electron';

const require = createRequire(import.meta.url);
let bundle: string;
let workDir: string;

const APP_EVENT = { senderFrame: { url: 'app://touchmap/index.html', parent: null } };
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'touchmap-main-'));
  bundle = await bundleMainWithFakeElectron(workDir);
}, 60_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let fake: FakeElectron;
let userData: string;
const savedArgv = process.argv;

async function start(argv: string[] = [], savedSettings?: unknown): Promise<void> {
  fake = createFakeElectron();
  (globalThis as Record<string, unknown>).__touchmapFakeElectron = fake;
  userData = mkdtempSync(path.join(os.tmpdir(), 'touchmap-profile-'));
  if (savedSettings) writeFileSync(path.join(userData, 'shell-settings.json'), JSON.stringify(savedSettings));
  process.env.TOUCHMAP_USER_DATA_DIR = userData;
  process.argv = [process.execPath, bundle, ...argv];
  delete require.cache[bundle];
  require(bundle);
  fake.calls.ready = true;
  fake.fireReady();
  await flush();
}

afterEach(() => {
  process.argv = savedArgv;
  delete process.env.TOUCHMAP_USER_DATA_DIR;
  rmSync(userData, { recursive: true, force: true });
});

function mainWindow() {
  const win = fake.windows[0];
  if (!win) throw new Error('no main window');
  return win;
}

function invoke(channel: string, ...args: unknown[]) {
  const handler = fake.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(APP_EVENT, ...args);
}

function menuItem(id: string): MenuItemConstructorOptions {
  const walk = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
    for (const item of items) {
      if (item.id === id) return item;
      const inner = Array.isArray(item.submenu) ? walk(item.submenu) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const found = walk(fake.calls.menus.at(-1) as MenuItemConstructorOptions[]);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

describe('the main process, wired', () => {
  it('registers the app scheme and sandboxes every renderer before ready, in the test profile', async () => {
    await start();
    expect(fake.calls.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake.calls.enableSandbox).toBe(true);
    expect(fake.app.paths.get('userData')).toBe(path.resolve(userData));
  });

  it('on ready: guards the session, serves app://, registers every IPC handler, sets the menu, opens one secure window', async () => {
    await start();
    expect(fake.session.defaultSession.permissionRequest).toBeTypeOf('function');
    expect(fake.session.defaultSession.onBeforeRequest).toBeTypeOf('function');
    expect(fake.calls.handled).toEqual(['app']);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(fake.calls.menus).toHaveLength(1);
    expect(fake.windows).toHaveLength(1);
    const win = mainWindow();
    expect(win.loadedUrl).toBe('app://touchmap/index.html');
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('guards the window’s web contents: navigation and new windows refused, and neither opens the system browser', async () => {
    await start();
    const contents = mainWindow().webContents;
    const nav = preventableEvent();
    contents.emit('will-navigate', nav, 'https://example.com/');
    expect(nav.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await flush();
    expect(fake.shell.opened).toEqual([]);
  });

  it('opens an https address only when the renderer asks for it (after the user confirmed it), and only https', async () => {
    await start();
    await expect(invoke(INVOKE_CHANNELS.openExternal, 'https://example.com/help')).resolves.toBe(true);
    await expect(invoke(INVOKE_CHANNELS.openExternal, 'file:///etc/passwd')).resolves.toBe(false);
    await expect(invoke(INVOKE_CHANNELS.openExternal, 'https://user:pw@example.com/')).resolves.toBe(false);
    const handler = fake.ipcMain.handlers.get(INVOKE_CHANNELS.openExternal);
    await expect(handler?.({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'https://example.com/')).rejects.toThrow(/refused/);
    await flush();
    expect(fake.shell.opened).toEqual(['https://example.com/help']);
  });

  it('answers the renderer’s calls, and refuses another sender', async () => {
    await start();
    await expect(invoke(INVOKE_CHANNELS.getAppInfo)).resolves.toMatchObject({ name: 'Touchmap', version: '0.1.0' });
    const handler = fake.ipcMain.handlers.get(INVOKE_CHANNELS.getAppInfo);
    await expect(handler?.({ senderFrame: { url: 'https://evil.example/', parent: null } })).rejects.toThrow(/refused/);
  });

  it('routes menu items: app actions to the renderer, cut/copy/paste to native editing', async () => {
    await start();
    await invoke(INVOKE_CHANNELS.setMenuState, { enabled: { 'export.pdf': true, 'edit.copy': true } });
    expect(fake.calls.menus).toHaveLength(2);
    menuItem('export.pdf').click?.({} as never, undefined, {} as never);
    menuItem('edit.copy').click?.({} as never, undefined, {} as never);
    const contents = mainWindow().webContents;
    expect(contents.sent).toContainEqual([EVENT_CHANNELS.menuOperation, 'export.pdf']);
    expect(contents.sent.some(([, p]) => p === 'edit.copy')).toBe(false);
    expect(contents.editCommands).toEqual(['copy']);
  });

  it('holds a .touchmap from the command line until the renderer listens, then hands it over', async () => {
    const file = path.join(workDir, 'Clinic.touchmap');
    writeFileSync(file, '{"format":"touchmap","version":1,"maps":[]}');
    await start([file]);
    await new Promise((r) => setTimeout(r, 100)); // time enough to read the file
    const contents = mainWindow().webContents;
    const delivered = () => contents.sent.filter(([c]) => c === EVENT_CHANNELS.openFile);
    expect(delivered()).toEqual([]);
    await invoke(INVOKE_CHANNELS.openFileReady);
    await vi.waitFor(() => expect(delivered()).toEqual([[EVENT_CHANNELS.openFile, { name: 'Clinic.touchmap', text: '{"format":"touchmap","version":1,"maps":[]}' }]]));
  });

  it('takes files from a second launch and brings the window forward', async () => {
    const file = path.join(workDir, 'Shop.touchmap');
    writeFileSync(file, '{}');
    await start();
    await invoke(INVOKE_CHANNELS.openFileReady);
    fake.app.emit('second-instance', {}, ['/opt/Touchmap/touchmap', file], '/');
    await vi.waitFor(() => expect(mainWindow().webContents.sent).toContainEqual([EVENT_CHANNELS.openFile, { name: 'Shop.touchmap', text: '{}' }]));
  });

  it('closes the window only after the renderer confirms its saves, and remembers the window and the open map', async () => {
    await start();
    const win = mainWindow();
    win.webContents.url = 'app://touchmap/index.html#/map/m-42';
    const close = preventableEvent();
    win.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    const ask = win.webContents.sent.find(([c]) => c === EVENT_CHANNELS.beforeQuit);
    expect(ask).toEqual([EVENT_CHANNELS.beforeQuit, { requestId: 1 }]);
    expect(win.destroyed).toBe(false);
    await invoke(INVOKE_CHANNELS.confirmQuitReady, { requestId: 1, ok: true });
    await flush();
    expect(win.destroyed).toBe(true);
    const settings = JSON.parse(readFileSync(path.join(userData, 'shell-settings.json'), 'utf8')) as { window: unknown; lastRoute: string };
    expect(settings.window).toEqual({ x: 40, y: 30, width: 1100, height: 700, maximized: false });
    expect(settings.lastRoute).toBe('#/map/m-42');
  });

  it('backs up a map the renderer sends into <userData>/backups, names that folder, and opens it', async () => {
    await start();
    const doc = mapDoc('Clinic', { id: 'map_clinic', stages: ['Awareness'] }).touchpoint('Context ad', { channel: 'online', stage: 'Awareness' }).build();
    const folder = path.join(userData, 'backups');
    expect(await invoke(INVOKE_CHANNELS.getBackupsFolder)).toBe(folder);
    const { fileName } = (await invoke(INVOKE_CHANNELS.backUpMap, { text: serializeTouchmapFile([doc], '2026-12-06T10:00:00.000Z') })) as { fileName: string };
    expect(readdirSync(folder)).toEqual([fileName]);
    expect(fileName).toMatch(/^Clinic map_clinic .*Z\.touchmap$/);
    await expect(invoke(INVOKE_CHANNELS.backUpMap, { text: '{"format":"touchmap","version":1,"maps":[]}' })).rejects.toThrow(/Backup refused/);
    expect(readdirSync(folder)).toEqual([fileName]);
    await invoke(INVOKE_CHANNELS.openBackupsFolder);
    expect(fake.shell.openedPaths).toEqual([folder]);
  });

  it('reopens at the window and the map of last time', async () => {
    await start([], { window: { x: 50, y: 60, width: 1000, height: 700, maximized: false }, lastRoute: '#/map/m-42', lastFolders: {} });
    expect(mainWindow().options).toMatchObject({ x: 50, y: 60, width: 1000, height: 700 });
    expect(mainWindow().loadedUrl).toBe('app://touchmap/index.html#/map/m-42');
  });

  it('warns and keeps the window when a save failed and the user chooses to stay', async () => {
    await start();
    const win = mainWindow();
    win.emit('close', preventableEvent());
    await invoke(INVOKE_CHANNELS.confirmQuitReady, { requestId: 1, ok: false, error: 'Disk full' });
    await flush();
    expect(fake.dialog.messages).toEqual([expect.objectContaining({ type: 'warning', message: 'Your latest changes could not be saved.' })]);
    expect(win.destroyed).toBe(false);
  });

  it('resumes a quit once the window has closed', async () => {
    await start();
    fake.app.emit('before-quit');
    const win = mainWindow();
    win.emit('close', preventableEvent());
    await invoke(INVOKE_CHANNELS.confirmQuitReady, { requestId: 1, ok: true });
    await flush();
    expect(win.destroyed).toBe(true);
    expect(fake.app.quitCalls).toBeGreaterThan(0);
  });

  it('prints to PDF through a hidden, preload-less window on app://print', async () => {
    await start();
    const job = { html: '<p>x</p>', pageSize: { widthInches: 8.5, heightInches: 11 }, margins: { top: 0.5, right: 0.5, bottom: 0.5, left: 0.5 } };
    const pdf = await invoke(INVOKE_CHANNELS.printToPDF, job);
    expect(Buffer.from(pdf as Uint8Array).toString('latin1')).toBe('%PDF-1.7');
    const printWindow = fake.windows[1];
    expect(printWindow?.options).toMatchObject({ show: false });
    expect(printWindow?.options.webPreferences).not.toHaveProperty('preload');
    expect(printWindow?.destroyed).toBe(true);
  });
});
