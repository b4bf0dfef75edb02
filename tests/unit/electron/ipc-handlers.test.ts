import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../shared/ipc';
import { refusedSenderMessage, registerIpcHandlers, type ShellServices } from '../../../electron/main/ipc-handlers';
import { A4_LANDSCAPE_JOB, FakeIpcMain, senderEvent } from './fakes';

function fakeServices() {
  return {
    appInfo: vi.fn(() => ({ name: 'Touchmap', version: '0.1.0', platform: 'linux' as const })),
    saveFile: vi.fn(async () => ({ saved: true, path: '/home/u/Clinic.pdf' })),
    openTouchmapFile: vi.fn(async () => ({ name: 'Clinic.touchmap', text: '{}' })),
    printToPDF: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
    print: vi.fn(async () => ({ printed: true })),
    setMenuState: vi.fn(),
    openFileReady: vi.fn(),
    confirmQuitReady: vi.fn(),
    backUpMap: vi.fn(async () => ({ fileName: 'Clinic map_1 2026-12-06T21-08-24-123Z.touchmap' })),
    backupsFolder: vi.fn(() => '/home/u/.config/Touchmap/backups'),
    openBackupsFolder: vi.fn(async () => {}),
    openExternal: vi.fn(() => true),
    roomAddresses: vi.fn(() => [{ address: '192.168.1.20', interface: 'wlan0', internal: false }]),
    openRoom: vi.fn(async () => ({ participantUrl: 'http://192.168.1.20:4455/?token=t', ownerUrl: 'ws://127.0.0.1:4455/room?token=o' })),
    closeRoom: vi.fn(async () => {}),
  } satisfies ShellServices;
}

const SAVE = { suggestedName: 'Clinic.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], data: new Uint8Array([1, 2, 3]), kind: 'pdf' };

/** For each channel: good arguments, the service it reaches, and malformed arguments. */
const CASES: Record<InvokeChannel, { good: unknown[]; service: keyof ShellServices; bad: unknown[][] }> = {
  [INVOKE_CHANNELS.getAppInfo]: { good: [], service: 'appInfo', bad: [['extra']] },
  [INVOKE_CHANNELS.saveFile]: {
    good: [SAVE],
    service: 'saveFile',
    bad: [[], [{ ...SAVE, suggestedName: '/etc/passwd' }], [{ ...SAVE, kind: 'exe' }], [{ ...SAVE, data: 42 }], [SAVE, 'second']],
  },
  [INVOKE_CHANNELS.openTouchmapFile]: { good: [], service: 'openTouchmapFile', bad: [[{ path: '/etc/passwd' }]] },
  [INVOKE_CHANNELS.printToPDF]: {
    good: [A4_LANDSCAPE_JOB],
    service: 'printToPDF',
    bad: [[], [{ ...A4_LANDSCAPE_JOB, html: 42 }], [{ ...A4_LANDSCAPE_JOB, pageSize: { widthInches: -1, heightInches: 8 } }], [{ ...A4_LANDSCAPE_JOB, url: 'https://evil.example' }]],
  },
  [INVOKE_CHANNELS.print]: { good: [A4_LANDSCAPE_JOB], service: 'print', bad: [[], [{ html: '<p>x</p>' }]] },
  [INVOKE_CHANNELS.setMenuState]: {
    good: [{ enabled: { 'edit.undo': true, 'export.pdf': false }, checked: { 'view.grid': true }, recentMaps: [{ id: 'm-1', title: 'Clinic' }] }],
    service: 'setMenuState',
    bad: [[], [{ enabled: { 'app.evil': true } }], [{ recentMaps: 'all' }], [null]],
  },
  [INVOKE_CHANNELS.openFileReady]: { good: [], service: 'openFileReady', bad: [[true]] },
  [INVOKE_CHANNELS.confirmQuitReady]: {
    good: [{ requestId: 3, ok: false, error: 'Disk full' }],
    service: 'confirmQuitReady',
    bad: [[], [{ ok: true }], [{ requestId: -1, ok: true }], [{ requestId: 1, ok: 'yes' }]],
  },
  [INVOKE_CHANNELS.backUpMap]: {
    good: [{ text: '{"format":"touchmap","version":1,"maps":[]}' }],
    service: 'backUpMap',
    // No text, an empty one, a number, a path where a text belongs, an extra field, a second argument.
    bad: [[], [{ text: '' }], [{ text: 42 }], [{ path: '/etc/passwd' }], [{ text: '{}', folder: '/tmp' }], [{ text: '{}' }, 'second'], [null]],
  },
  [INVOKE_CHANNELS.getBackupsFolder]: { good: [], service: 'backupsFolder', bad: [['/tmp']] },
  [INVOKE_CHANNELS.openBackupsFolder]: { good: [], service: 'openBackupsFolder', bad: [['/etc']] },
  [INVOKE_CHANNELS.openExternal]: {
    good: ['https://example.com/help'],
    service: 'openExternal',
    bad: [[], [''], [42], [`https://example.com/${'x'.repeat(3000)}`], ['https://example.com/', 'second']],
  },
  [INVOKE_CHANNELS.roomAddresses]: { good: [], service: 'roomAddresses', bad: [['eth0']] },
  [INVOKE_CHANNELS.openRoom]: {
    good: [{ host: '192.168.1.20', port: 4455 }],
    service: 'openRoom',
    // Not an IPv4 address, a privileged port, a host name, an extra field, nothing.
    bad: [[], [{ host: 'evil.example', port: 4455 }], [{ host: '192.168.1.20', port: 80 }], [{ host: '192.168.1.20', port: 4455, dataDir: '/etc' }], [{ host: '::1', port: 4455 }]],
  },
  [INVOKE_CHANNELS.closeRoom]: { good: [], service: 'closeRoom', bad: [['now']] },
};

describe('IPC handlers', () => {
  let ipc: FakeIpcMain;
  let services: ReturnType<typeof fakeServices>;
  beforeEach(() => {
    ipc = new FakeIpcMain();
    services = fakeServices();
    registerIpcHandlers(ipc, services);
  });

  it('registers one handler per bridge operation', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  describe.each(Object.entries(CASES))('%s', (channel, { good, service, bad }) => {
    it('passes a good call from the app window to its service, validated', async () => {
      await ipc.invoke(channel, senderEvent(), ...good);
      expect(services[service]).toHaveBeenCalledTimes(1);
      expect(services[service]).toHaveBeenCalledWith(...good);
    });

    it('refuses malformed arguments before the service runs, naming the channel', async () => {
      for (const args of bad) {
        await expect(ipc.invoke(channel, senderEvent(), ...args)).rejects.toThrow(`${channel}: invalid arguments`);
      }
      expect(services[service]).not.toHaveBeenCalled();
    });

    it('refuses a call from any other sender, before even looking at the arguments', async () => {
      for (const event of [
        senderEvent('https://evil.example/'),
        senderEvent('app://touchmap/index.html', { subframe: true }),
        senderEvent('file:///tmp/index.html'),
        senderEvent('app://print/doc/x.html'),
        { senderFrame: null },
      ]) {
        await expect(ipc.invoke(channel, event, ...good)).rejects.toThrow(refusedSenderMessage(channel));
      }
      expect(services[service]).not.toHaveBeenCalled();
    });
  });

  it('returns what the service returns', async () => {
    expect(await ipc.invoke(INVOKE_CHANNELS.getAppInfo, senderEvent())).toEqual({ name: 'Touchmap', version: '0.1.0', platform: 'linux' });
    expect(await ipc.invoke(INVOKE_CHANNELS.printToPDF, senderEvent(), A4_LANDSCAPE_JOB)).toEqual(new Uint8Array([37, 80, 68, 70]));
  });

  it('says what is wrong with the arguments', async () => {
    await expect(ipc.invoke(INVOKE_CHANNELS.saveFile, senderEvent(), { ...SAVE, suggestedName: '../x.pdf' })).rejects.toThrow(/file name without a folder/);
  });

  it('checks the sender with the function it is given', async () => {
    const local = new FakeIpcMain();
    const svc = fakeServices();
    const isTrusted = vi.fn(() => false);
    registerIpcHandlers(local, svc, isTrusted);
    await expect(local.invoke(INVOKE_CHANNELS.getAppInfo, senderEvent())).rejects.toThrow(/refused/);
    expect(isTrusted).toHaveBeenCalledTimes(1);
  });
});
