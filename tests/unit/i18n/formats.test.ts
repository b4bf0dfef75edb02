/** Dates, numbers and relative times follow the UI language, not the machine's. */
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatWhen, setLanguage } from '../../../renderer/src/i18n';
import type { Locale } from '../../../shared/model/types';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const threeMinutesAgo = new Date(NOW - 3 * 60_000).toISOString();

describe('formats in the UI language', () => {
  afterEach(async () => {
    await setLanguage('en');
  });

  it.each([
    ['en', '3 minutes ago', '1,234.5'],
    ['ru', '3 минуты назад', '1 234,5'],
    ['ko', '3분 전', '1,234.5'],
    ['ja', '3 分前', '1,234.5'],
  ])('%s: relative time and numbers', async (language, ago, number) => {
    await setLanguage(language as Locale);
    expect(formatWhen(threeMinutesAgo, NOW)).toBe(ago);
    expect(formatNumber(1234.5).replace(/\u00a0|\u202f/g, ' ')).toBe(number);
  });

  it('writes a date in the UI language', async () => {
    await setLanguage('ru');
    expect(formatDate('2026-12-06T12:00:00Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('6 декабря 2026 г.');
    await setLanguage('ja');
    expect(formatDate('2026-12-06T12:00:00Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('2026年12月6日');
  });
});

describe('the export’s size notices in the UI language', () => {
  afterEach(async () => {
    await setLanguage('en');
  });

  it('says why a JPEG past one canvas came out smaller, in Korean when the UI speaks Korean', async () => {
    const { rasterPlan } = await import('../../../renderer/src/features/export/visual/raster/raster-plan');
    expect(rasterPlan(20_000, 10_000, 2, 'jpeg').notice).toMatch(/^At 2× this map is 40000 × 20000 px; a JPEG/);
    await setLanguage('ko');
    expect(rasterPlan(20_000, 10_000, 2, 'jpeg').notice).toMatch(/^2× 배율에서 이 맵은 40000 × 20000 px입니다\. JPEG/);
  });
});
