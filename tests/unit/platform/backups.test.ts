import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTouchmapFile } from '@shared/file-format';
import type { MapDoc } from '@shared/model/types';
import { BACKUP_PAUSE_MS, createBackupScheduler } from '../../../renderer/src/platform/backups';
import { mapDoc } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

const clinic = mapDoc('Clinic', { id: 'map_clinic', stages: ['Awareness'] }).touchpoint('Context ad', { channel: 'online', stage: 'Awareness' }).build();
const coffee = mapDoc('Coffee shop', { id: 'map_coffee' }).build();
const STORED: Record<string, MapDoc> = { map_clinic: clinic, map_coffee: coffee };

function scheduler(backUp = vi.fn(async (_text: string) => ({ fileName: 'x.touchmap' }))) {
  const onError = vi.fn();
  const backups = createBackupScheduler({
    backUp,
    loadDoc: async (id) => STORED[id] ?? null,
    onError,
    now: () => new Date('2026-12-06T21:08:24.123Z'),
  });
  const titlesSent = () => backUp.mock.calls.map(([text]) => {
    const parsed = parseTouchmapFile(text);
    return parsed.ok ? parsed.docs.map((d) => d.map.title).join('+') : 'refused';
  });
  return { backups, backUp, onError, titlesSent };
}

describe('desktop backups from the renderer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('backs up a changed map once editing pauses for five seconds, as one map’s .touchmap', async () => {
    const { backups, titlesSent, backUp } = scheduler();
    backups.changed(asId.map('map_clinic'));
    await vi.advanceTimersByTimeAsync(BACKUP_PAUSE_MS - 1);
    expect(backUp).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(titlesSent()).toEqual(['Clinic']);
    expect(backUp.mock.calls[0]![0]).toContain('"exportedAt": "2026-12-06T21:08:24.123Z"');
  });

  it('waits while saves keep coming, then backs up each changed map once', async () => {
    const { backups, titlesSent } = scheduler();
    for (let i = 0; i < 10; i++) {
      backups.changed(asId.map('map_clinic'));
      await vi.advanceTimersByTimeAsync(1000);
    }
    backups.changed(asId.map('map_coffee'));
    expect(titlesSent()).toEqual([]);
    await vi.advanceTimersByTimeAsync(BACKUP_PAUSE_MS);
    expect(titlesSent()).toEqual(['Clinic', 'Coffee shop']);
  });

  it('flush() (the quit path) backs up what is pending at once, without waiting for the pause', async () => {
    const { backups, titlesSent } = scheduler();
    backups.changed(asId.map('map_clinic'));
    await backups.flush();
    expect(titlesSent()).toEqual(['Clinic']);
    await vi.advanceTimersByTimeAsync(BACKUP_PAUSE_MS * 2);
    expect(titlesSent()).toEqual(['Clinic']);
  });

  it('keeps a map whose backup failed pending, says so, and tries again at the next flush', async () => {
    const backUp = vi.fn(async (_text: string) => ({ fileName: 'x' }));
    backUp.mockRejectedValueOnce(new Error('ENOSPC: no space left on device'));
    const { backups, onError, titlesSent } = scheduler(backUp);
    backups.changed(asId.map('map_clinic'));
    await backups.flush();
    expect(onError).toHaveBeenCalledWith('map_clinic', expect.objectContaining({ message: 'ENOSPC: no space left on device' }));
    await backups.flush();
    expect(titlesSent()).toEqual(['Clinic', 'Clinic']);
  });

  it('skips a map deleted before its backup', async () => {
    const { backups, backUp } = scheduler();
    backups.changed(asId.map('map_deleted'));
    await backups.flush();
    expect(backUp).not.toHaveBeenCalled();
  });
});
