import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type TouchmapBridge } from '../../../shared/ipc';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/bridge';
import { A4_LANDSCAPE_JOB } from './fakes';

/** ipcRenderer with `fromMain(channel, payload)` to play the main process. */
function fakeIpcRenderer() {
  const listeners = new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>();
  const invoke = vi.fn(async (channel: string, ..._args: unknown[]): Promise<unknown> => (channel === INVOKE_CHANNELS.getAppInfo ? { name: 'Touchmap' } : undefined));
  const ipc: IpcRendererLike = {
    invoke,
    on: (channel, listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipc;
    },
  };
  const SECRET_EVENT = { sender: 'ipcRenderer itself', ports: [] };
  const fromMain = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l(SECRET_EVENT, payload);
  };
  return { ipc, invoke, fromMain };
}

const OPERATIONS: Array<keyof TouchmapBridge> = [
  'getAppInfo',
  'saveFile',
  'openTouchmapFile',
  'printToPDF',
  'print',
  'setMenuState',
  'onMenuOperation',
  'onOpenRecentMap',
  'onOpenFile',
  'onBeforeQuit',
  'confirmQuitReady',
  'backUpMap',
  'getBackupsFolder',
  'openBackupsFolder',
  'openExternal',
  'roomAddresses',
  'openRoom',
  'closeRoom',
];

describe('the preload bridge', () => {
  it('exposes exactly one function per operation, and no ipcRenderer', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual([...OPERATIONS].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(bridge).not.toHaveProperty('ipcRenderer');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
  });

  it('calls each operation on its own app: channel', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const save = { suggestedName: 'a.svg', filters: [], data: '<svg/>', kind: 'svg' as const };
    expect(await bridge.getAppInfo()).toEqual({ name: 'Touchmap' });
    await bridge.saveFile(save);
    await bridge.openTouchmapFile();
    await bridge.printToPDF(A4_LANDSCAPE_JOB);
    await bridge.print(A4_LANDSCAPE_JOB);
    await bridge.setMenuState({ enabled: { 'edit.undo': true } });
    await bridge.backUpMap({ text: '{"format":"touchmap"}' });
    await bridge.getBackupsFolder();
    await bridge.openBackupsFolder();
    expect(invoke.mock.calls).toEqual([
      [INVOKE_CHANNELS.getAppInfo],
      [INVOKE_CHANNELS.saveFile, save],
      [INVOKE_CHANNELS.openTouchmapFile],
      [INVOKE_CHANNELS.printToPDF, A4_LANDSCAPE_JOB],
      [INVOKE_CHANNELS.print, A4_LANDSCAPE_JOB],
      [INVOKE_CHANNELS.setMenuState, { enabled: { 'edit.undo': true } }],
      [INVOKE_CHANNELS.backUpMap, { text: '{"format":"touchmap"}' }],
      [INVOKE_CHANNELS.getBackupsFolder],
      [INVOKE_CHANNELS.openBackupsFolder],
    ]);
  });

  it('hands listeners the payload only, never the IPC event', () => {
    const { ipc, fromMain } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    bridge.onMenuOperation(listener);
    fromMain(EVENT_CHANNELS.menuOperation, 'export.pdf');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual(['export.pdf']);
  });

  it('returns an unsubscribe function from every on…()', () => {
    const { ipc, fromMain } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const action = vi.fn();
    const recent = vi.fn();
    const offAction = bridge.onMenuOperation(action);
    const offRecent = bridge.onOpenRecentMap(recent);
    fromMain(EVENT_CHANNELS.menuOperation, 'edit.undo');
    fromMain(EVENT_CHANNELS.openRecentMap, 'm-1');
    offAction();
    offRecent();
    fromMain(EVENT_CHANNELS.menuOperation, 'edit.redo');
    fromMain(EVENT_CHANNELS.openRecentMap, 'm-2');
    expect(action.mock.calls).toEqual([['edit.undo']]);
    expect(recent.mock.calls).toEqual([['m-1']]);
  });

  it('keeps calling the other listeners when one throws', () => {
    const { ipc, fromMain } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    bridge.onMenuOperation(() => {
      throw new Error('boom');
    });
    bridge.onMenuOperation(after);
    fromMain(EVENT_CHANNELS.menuOperation, 'view.fit');
    expect(after).toHaveBeenCalledWith('view.fit');
    quiet.mockRestore();
  });

  it('keeps files that came before any listener, hands them to the first one and tells main it listens', () => {
    const { ipc, invoke, fromMain } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    fromMain(EVENT_CHANNELS.openFile, { name: 'a.touchmap', text: '{}' });
    const listener = vi.fn();
    bridge.onOpenFile(listener);
    expect(listener).toHaveBeenCalledWith({ name: 'a.touchmap', text: '{}' });
    expect(invoke).toHaveBeenCalledWith(INVOKE_CHANNELS.openFileReady);
    fromMain(EVENT_CHANNELS.openFile, { name: 'b.touchmap', text: '{"x":1}' });
    expect(listener).toHaveBeenLastCalledWith({ name: 'b.touchmap', text: '{"x":1}' });
  });

  it('answers a quit request at once when nothing listens (nothing to flush)', () => {
    const { ipc, invoke, fromMain } = fakeIpcRenderer();
    createBridge(ipc);
    fromMain(EVENT_CHANNELS.beforeQuit, { requestId: 4 });
    expect(invoke).toHaveBeenCalledWith(INVOKE_CHANNELS.confirmQuitReady, { requestId: 4, ok: true });
  });

  it('lets the renderer flush, then answers the request it belongs to', async () => {
    const { ipc, invoke, fromMain } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const flush = vi.fn();
    bridge.onBeforeQuit(flush);
    fromMain(EVENT_CHANNELS.beforeQuit, { requestId: 7 });
    expect(flush).toHaveBeenCalledTimes(1);
    expect(invoke).not.toHaveBeenCalled();
    await bridge.confirmQuitReady({ ok: false, error: 'Disk full' });
    expect(invoke).toHaveBeenCalledWith(INVOKE_CHANNELS.confirmQuitReady, { requestId: 7, ok: false, error: 'Disk full' });
    await bridge.confirmQuitReady({ ok: true }); // no request open: dropped
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc);
    expect(() => bridge.onMenuOperation('alert(1)' as never)).toThrow(TypeError);
  });
});
