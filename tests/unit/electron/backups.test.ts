import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTouchmapFile, serializeTouchmapFile } from '../../../shared/file-format';
import {
  BACKUPS_KEPT_PER_MAP,
  backupFileName,
  backupsOfMap,
  createBackupWriter,
  type BackupFs,
} from '../../../electron/main/backups';
import { nodeBackupFs } from '../../../electron/main/electron-fs';
import { mapDoc } from '../../builders/map-doc';
import { FakeFiles } from './fake-files';

const FOLDER = '/profile/backups';

function clinicText(title = 'Clinic', id = 'map_clinic', touchpoint = 'Context ad'): string {
  const doc = mapDoc(title, { id, stages: ['Awareness'] }).touchpoint(touchpoint, { channel: 'online', stage: 'Awareness' }).build();
  return serializeTouchmapFile([doc], '2026-12-01T10:00:00.000Z');
}

/** A clock that moves one second per reading, from a fixed start. */
function tickingClock(start = Date.parse('2026-12-06T21:08:24.123Z')) {
  let t = start;
  return () => new Date((t += 1000));
}

describe('backup file names', () => {
  it('are the safe title, the map id and the UTC time, without characters any OS refuses', () => {
    expect(backupFileName('Clinic: new/old patients?', 'map_k3x9', new Date('2026-12-06T21:08:24.123Z'))).toBe(
      'Clinic new old patients map_k3x9 2026-12-06T21-08-24-123Z.touchmap',
    );
  });

  it('keep Cyrillic, Hangul and Kana titles, and name an empty or device title safely', () => {
    const at = new Date('2026-12-06T21:08:24.123Z');
    expect(backupFileName('Кофейня «Утро»', 'm1', at)).toBe('Кофейня «Утро» m1 2026-12-06T21-08-24-123Z.touchmap');
    expect(backupFileName('카페 / 고객 여정', 'm2', at)).toBe('카페 고객 여정 m2 2026-12-06T21-08-24-123Z.touchmap');
    expect(backupFileName('  ...  ', 'm3', at)).toBe('Untitled map m3 2026-12-06T21-08-24-123Z.touchmap');
    expect(backupFileName('CON', 'm4', at)).toBe('CON (map) m4 2026-12-06T21-08-24-123Z.touchmap');
  });

  it('stay within 255 bytes for the longest title', () => {
    const name = backupFileName('顧客接点'.repeat(200), 'map_k3x9', new Date('2026-12-06T21:08:24.123Z'));
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name).toMatch(/ map_k3x9 2026-12-06T21-08-24-123Z\.touchmap$/);
  });

  it('tell one map’s backups from another’s, oldest first, whatever the title', () => {
    const names = [
      'Clinic map_a 2026-12-06T10-00-02-000Z.touchmap',
      'Renamed clinic map_a 2026-12-06T10-00-01-000Z.touchmap',
      'Clinic map_ab 2026-12-06T10-00-00-000Z.touchmap',
      'notes.txt',
    ];
    expect(backupsOfMap(names, 'map_a')).toEqual(['Renamed clinic map_a 2026-12-06T10-00-01-000Z.touchmap', 'Clinic map_a 2026-12-06T10-00-02-000Z.touchmap']);
  });
});

describe('the backup writer (fake file system)', () => {
  let files: FakeFiles;
  const writer = (fsOverride?: BackupFs) => createBackupWriter({ fs: fsOverride ?? files, folder: FOLDER, now: tickingClock() });
  beforeEach(() => {
    files = new FakeFiles();
  });

  it('creates the folder and writes the map atomically: a temporary file in the folder, synced, then renamed', async () => {
    const { fileName } = await writer().backUp(clinicText());
    expect(fileName).toBe('Clinic map_clinic 2026-12-06T21-08-25-123Z.touchmap');
    expect(files.namesIn(FOLDER)).toEqual([fileName]);
    const steps = files.log.map((line) => line.split(' ')[0]);
    expect(steps).toEqual(['open', 'write', 'sync', 'close', 'rename']);
    expect(path.dirname(files.log[0]!.slice('open '.length))).toBe(FOLDER);
  });

  it('writes what the .touchmap writer writes, stamped with the backup’s time, and it imports back', async () => {
    const { fileName } = await writer().backUp(clinicText());
    const text = files.files.get(path.join(FOLDER, fileName))!;
    expect(text).toContain('"exportedAt": "2026-12-06T21:08:25.123Z"');
    const parsed = parseTouchmapFile(text);
    expect(parsed.ok && parsed.docs[0]!.map.title).toBe('Clinic');
  });

  it(`keeps the last ${BACKUPS_KEPT_PER_MAP} backups of each map and never touches another map’s`, async () => {
    const backups = writer();
    await backups.backUp(clinicText('Coffee shop', 'map_coffee'));
    const written: string[] = [];
    for (let i = 0; i < 13; i++) written.push((await backups.backUp(clinicText('Clinic', 'map_clinic', `Touchpoint ${i}`))).fileName);
    expect(backupsOfMap(files.namesIn(FOLDER), 'map_clinic')).toEqual(written.slice(-BACKUPS_KEPT_PER_MAP));
    expect(backupsOfMap(files.namesIn(FOLDER), 'map_coffee')).toHaveLength(1);
    const newest = parseTouchmapFile(files.files.get(path.join(FOLDER, written.at(-1)!))!);
    expect(newest.ok && Object.values(newest.docs[0]!.topics).some((t) => t.label === 'Touchpoint 12')).toBe(true);
  });

  it('refuses a text that is not one valid map, writing nothing, and says why', async () => {
    const backups = writer();
    await expect(backups.backUp('not json')).rejects.toThrow(/Backup refused: the map's text is not a valid \.touchmap file/);
    const two = serializeTouchmapFile(
      [mapDoc('A', { id: 'map_a' }).build(), mapDoc('B', { id: 'map_b' }).build()],
      '2026-12-01T10:00:00.000Z',
    );
    await expect(backups.backUp(two)).rejects.toThrow(/exactly one map, and this text holds 2/);
    expect(files.files.size).toBe(0);
  });

  it('keeps the earlier backups whole and leaves no temporary file when the disk fails mid-write', async () => {
    const backups = writer();
    const first = await backups.backUp(clinicText());
    const before = files.files.get(path.join(FOLDER, first.fileName));
    files.failAt = 'write';
    await expect(backups.backUp(clinicText('Clinic', 'map_clinic', 'Changed'))).rejects.toThrow(/ENOSPC/);
    expect(files.namesIn(FOLDER)).toEqual([first.fileName]);
    expect(files.files.get(path.join(FOLDER, first.fileName))).toBe(before);
  });

  it('goes on after a failed write: the next backup is written', async () => {
    const backups = writer();
    files.failAt = 'rename';
    await expect(backups.backUp(clinicText())).rejects.toThrow(/rename/);
    await backups.backUp(clinicText());
    expect(files.namesIn(FOLDER)).toHaveLength(1);
  });

  it('flush() waits for every backup asked for — the quit path waits on it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: BackupFs = { ...files, openNew: (p) => files.openNew(p), rename: async (a, b) => (await gate, files.rename(a, b)), unlink: (p) => files.unlink(p), mkdir: (f) => files.mkdir(f), readdir: (f) => files.readdir(f) };
    const backups = writer(slow);
    void backups.backUp(clinicText('Clinic', 'map_clinic'));
    void backups.backUp(clinicText('Coffee shop', 'map_coffee'));
    let flushed = false;
    const flushing = backups.flush().then(() => (flushed = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(flushed).toBe(false);
    release();
    await flushing;
    expect(files.namesIn(FOLDER)).toHaveLength(2);
  });
});

describe('the backup writer (real folder)', () => {
  let userData: string;
  beforeEach(() => {
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'touchmap-backups-'));
  });
  afterEach(() => fs.rmSync(userData, { recursive: true, force: true }));

  it('creates <userData>/backups, keeps the last ten of a map, and leaves no temporary file', async () => {
    const folder = path.join(userData, 'backups');
    const backups = createBackupWriter({ fs: nodeBackupFs, folder, now: tickingClock() });
    for (let i = 0; i < 12; i++) void backups.backUp(clinicText('Clinic: «Утро»', 'map_clinic', `Touchpoint ${i}`));
    await backups.flush();
    const names = fs.readdirSync(folder).sort();
    expect(names).toHaveLength(BACKUPS_KEPT_PER_MAP);
    expect(names.every((n) => /^Clinic «Утро» map_clinic \d{4}-.*Z\.touchmap$/.test(n))).toBe(true);
    expect(names.some((n) => n.endsWith('.tmp'))).toBe(false);
    const newest = parseTouchmapFile(fs.readFileSync(path.join(folder, names.at(-1)!), 'utf8'));
    expect(newest.ok && Object.values(newest.docs[0]!.topics).some((t) => t.label === 'Touchpoint 11')).toBe(true);
  });
});
