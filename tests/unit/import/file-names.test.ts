import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../renderer/src/platform/files';
import { backupFile, mapDataFile } from '../../../renderer/src/features/export/data/data-export';
import { clinicMap } from '../../fixtures/clinic-map';

const NOW = '2026-11-25T10:00:00.000Z';
const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('file names from map titles', () => {
  it('names the data exports after the map', () => {
    const doc = clinicMap({ title: 'Clinic — new patients' });
    expect(mapDataFile(doc, 'touchmap', NOW).name).toBe('Clinic — new patients.touchmap');
    expect(mapDataFile(doc, 'csv', NOW).name).toBe('Clinic — new patients — action plan.csv');
    expect(mapDataFile(doc, 'markdown', NOW).name).toBe('Clinic — new patients — outline.md');
    expect(backupFile([doc], new Date(2026, 10, 25, 23, 30)).name).toBe('Touchmap backup 2026-11-25.touchmap');
  });

  it.each([
    ['characters Windows refuses', 'Clinic: new/old <patients>? "A|B" *', 'Clinic new old patients A B.csv'],
    ['control characters and line breaks', 'Line one\nLine\ttwo\u0000', 'Line one Line two.csv'],
    ['trailing dots and spaces (Windows drops them)', 'Clinic... ', 'Clinic.csv'],
    ['a leading dot (hidden on macOS and Linux)', '.hidden', 'hidden.csv'],
    ['Windows device names', 'con', 'con (map).csv'],
    ['Windows device names with digits', 'LPT1', 'LPT1 (map).csv'],
    ['nothing left', ' /// ', 'Untitled map.csv'],
    ['every script kept', 'Кофейня 카페 カフェ 咖啡', 'Кофейня 카페 カフェ 咖啡.csv'],
  ])('%s', (_case, title, expected) => {
    expect(safeFileName(title, 'csv')).toBe(expected);
  });

  it('cuts a long title to fit every file system, never splitting a character', () => {
    const name = safeFileName('가'.repeat(200), 'touchmap');
    expect(bytes(name)).toBeLessThanOrEqual(255);
    expect(name).toMatch(/^가+\.touchmap$/);
    const emoji = safeFileName('😀'.repeat(100), 'md');
    expect(bytes(emoji)).toBeLessThanOrEqual(255);
    expect(emoji).toMatch(/^(😀)+\.md$/u);
  });

  it('keeps the map title out of file names it could break: an untitled map still gets a name', () => {
    const doc = clinicMap({ title: '' });
    expect(mapDataFile(doc, 'touchmap', NOW).name).toBe('Untitled map.touchmap');
    expect(mapDataFile(doc, 'csv', NOW).name).toBe('Untitled map — action plan.csv');
  });

  it('writes the CSV with the byte-order mark Excel needs, and text in any script', () => {
    const file = mapDataFile(clinicMap(), 'csv', NOW);
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    expect(file.text).toContain('Контекст 광고 広告');
    expect(file).toMatchObject({ kind: 'csv', filter: { extensions: ['csv'] } });
  });
});
