// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuOperation, OpenedFile, QuitReadiness, TouchmapBridge } from '@shared/ipc';
import { readFileSync } from 'node:fs';
import { startDesktopIntegration, menuEnabledState } from '../../../renderer/src/app/desktop';
import { useDocumentStore } from '../../../renderer/src/store/document-store';
import { announceWrite, library, setActiveAutosave, trash } from '../../../renderer/src/db/library';
import { parseTouchmapFile } from '@shared/file-format';
import { currentLanguage } from '../../../renderer/src/i18n';
import { setLanguagePreference } from '../../../renderer/src/app/language';
import { mapDoc } from '../../builders/map-doc';
import { openEditor } from '../../builders/editor';

/** A fake of the preload's bridge: records what the renderer sends, lets the test play main's part. */
function fakeBridge(osLocale = 'en-US') {
  const listeners = { menu: [] as ((a: MenuOperation) => void)[], open: [] as ((f: OpenedFile) => void)[], quit: [] as (() => void)[] };
  const sent = { menuStates: [] as unknown[], quitAnswers: [] as QuitReadiness[], backups: [] as string[], order: [] as string[] };
  const bridge = {
    setMenuState: vi.fn(async (patch: unknown) => void sent.menuStates.push(patch)),
    getAppInfo: vi.fn(async () => ({ name: 'Touchmap', version: '0.1.0', platform: 'linux', locale: osLocale })),
    onMenuOperation: (l: (a: MenuOperation) => void) => (listeners.menu.push(l), () => undefined),
    onOpenRecentMap: () => () => undefined,
    onOpenFile: (l: (f: OpenedFile) => void) => (listeners.open.push(l), () => undefined),
    onBeforeQuit: (l: () => void) => (listeners.quit.push(l), () => undefined),
    confirmQuitReady: vi.fn(async (answer: QuitReadiness) => {
      sent.quitAnswers.push(answer);
      sent.order.push('quit answer');
    }),
    backUpMap: vi.fn(async ({ text }: { text: string }) => {
      sent.backups.push(text);
      sent.order.push('backup');
      return { fileName: 'backup.touchmap' };
    }),
  } as unknown as TouchmapBridge;
  return { bridge, listeners, sent };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the desktop integration', () => {
  let stop = () => {};
  afterEach(() => {
    stop();
    setActiveAutosave(null);
    useDocumentStore.getState().open(null);
  });

  it('runs a native menu item as the same named action as its key', () => {
    const { bridge, listeners } = fakeBridge();
    stop = startDesktopIntegration(bridge);
    const editor = openEditor(mapDoc('Clinic', { preset: 'customer-journey' }).build()).addTouchpoint('Context ad');
    expect(editor.has('Context ad')).toBe(true);
    listeners.menu[0]!('edit.undo');
    expect(editor.has('Context ad')).toBe(false);
    listeners.menu[0]!('edit.redo');
    expect(editor.has('Context ad')).toBe(true);
  });

  it('enables menu items only when their action can act, and tells main when that changes', async () => {
    const { bridge, sent } = fakeBridge();
    stop = startDesktopIntegration(bridge);
    await flush();
    expect(menuEnabledState()['edit.undo']).toBe(false);
    expect(menuEnabledState()['export.csv']).toBe(false);
    openEditor(mapDoc('Shop', { preset: 'customer-journey' }).build()).addTouchpoint('Signage');
    await flush();
    expect(menuEnabledState()['edit.undo']).toBe(true);
    expect(menuEnabledState()['export.csv']).toBe(true);
    const last = sent.menuStates.filter((p) => (p as { enabled?: unknown }).enabled).at(-1) as { enabled: Record<string, boolean> };
    expect(last.enabled['edit.undo']).toBe(true);
    expect(last.enabled['edit.redo']).toBe(false);
  });

  it('speaks the OS locale under "Follow the system", and tells the menu which language the UI speaks', async () => {
    localStorage.removeItem('touchmap.language');
    const { bridge, sent } = fakeBridge('ko-KR');
    stop = startDesktopIntegration(bridge);
    // the Korean table is fetched first (languages other than English load on demand)
    await vi.waitFor(() => expect(currentLanguage()).toBe('ko'));
    expect(document.documentElement.lang).toBe('ko');
    expect(sent.menuStates).toContainEqual({ locale: 'ko' });
    setLanguagePreference('ru');
    await vi.waitFor(() => expect(sent.menuStates.at(-1)).toEqual({ locale: 'ru' }));
    setLanguagePreference('system');
    expect(currentLanguage()).toBe('ko');
    setLanguagePreference('en');
    localStorage.removeItem('touchmap.language');
  });

  it('imports a file handed over by the OS as a new map, never over an existing one', async () => {
    const { bridge, listeners } = fakeBridge();
    stop = startDesktopIntegration(bridge);
    const text = readFileSync('tests/fixtures/files/example-v1-complete.touchmap', 'utf8');
    const before = (await library().listMaps()).length;
    listeners.open[0]!({ name: 'clinic.touchmap', text });
    await vi.waitFor(async () => expect((await library().listMaps()).length).toBe(before + 1));
    listeners.open[0]!({ name: 'clinic.touchmap', text });
    await vi.waitFor(async () => expect((await library().listMaps()).length).toBe(before + 2));
  });

  it('answers the quit handshake once pending saves are written, and reports a failed write', async () => {
    const { bridge, listeners, sent } = fakeBridge();
    stop = startDesktopIntegration(bridge);
    const flushOk = vi.fn(async () => undefined);
    setActiveAutosave({ flush: flushOk, stop: () => undefined, status: () => ({ state: 'saved', error: null }), lastWriteRowCount: 0, acceptRemote: () => null, mapDeleted: () => undefined, pending: () => [] });
    listeners.quit[0]!();
    await vi.waitFor(() => expect(sent.quitAnswers).toEqual([{ ok: true }]));
    expect(flushOk).toHaveBeenCalledOnce();

    setActiveAutosave({
      flush: async () => Promise.reject(new Error('QuotaExceededError: the disk is full')),
      stop: () => undefined,
      acceptRemote: () => null,
      mapDeleted: () => undefined,
      status: () => ({ state: 'error', error: 'disk full' }),
      lastWriteRowCount: 0,
      pending: () => [],
    });
    listeners.quit[0]!();
    await vi.waitFor(() => expect(sent.quitAnswers[1]).toEqual({ ok: false, error: 'QuotaExceededError: the disk is full' }));
  });

  it('backs up each map the autosave wrote to the shell’s backups folder before answering a quit', async () => {
    const { bridge, listeners, sent } = fakeBridge();
    stop = startDesktopIntegration(bridge);
    const doc = mapDoc('Clinic backed up', { id: 'm-backed-up', preset: 'customer-journey' }).build();
    await library().createMap(doc);
    announceWrite({ mapId: doc.map.id, rows: 1, topicsPut: 0, topicsDeleted: 0, chainsPut: 0, chainsDeleted: 0, full: false, ms: 1, updatedAt: '2026-12-07T00:00:00.000Z' });
    listeners.quit[0]!();
    await vi.waitFor(() => expect(sent.quitAnswers).toEqual([{ ok: true }]));
    expect(sent.order).toEqual(['backup', 'quit answer']);
    const parsed = parseTouchmapFile(sent.backups[0]!);
    expect(parsed.ok && parsed.docs.map((d) => d.map.title)).toEqual(['Clinic backed up']);
  });

  it('backs up a map moved to Trash at once, so Trash is never its only copy', async () => {
    const { bridge, sent } = fakeBridge();
    stop = startDesktopIntegration(bridge);
    const doc = mapDoc('Clinic in Trash', { id: 'm-in-trash', preset: 'customer-journey' }).touchpoint('Website', { channel: 'online', stage: 'Awareness' }).build();
    await library().createMap(doc);
    await trash().moveToTrash(doc.map.id);
    await vi.waitFor(() => expect(sent.backups).toHaveLength(1));
    const parsed = parseTouchmapFile(sent.backups[0]!);
    expect(parsed.ok && parsed.docs.map((d) => [d.map.title, Object.values(d.topics).map((t) => t.label).sort()])).toEqual([['Clinic in Trash', ['Clinic in Trash', 'Website']]]);
  });
});
