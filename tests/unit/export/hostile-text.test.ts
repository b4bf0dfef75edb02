/**
 * Every path text takes through the app, fed a megabyte of pathological text: each must finish in
 * well under two seconds. The bound is generous so a busy machine cannot make it fail, yet a
 * quadratic regular expression (a label of 400 KB of spaces took minutes in the Markdown export)
 * is off by orders of magnitude and fails it at once.
 */
import { describe, expect, it } from 'vitest';
import { parseTouchmapFile, serializeTouchmapFile } from '@shared/file-format';
import { MAX_FILE_BYTES, MAX_LABEL_LENGTH } from '@shared/limits';
import { actionPlanCsv, csvField } from '../../../renderer/src/features/export/data/action-plan-csv';
import { escapeMarkdown, outlineMarkdown } from '../../../renderer/src/features/export/data/outline-markdown';
import { DEFAULT_VISUAL_OPTIONS, drawMap } from '../../../renderer/src/features/export/visual/visual-export';
import { svgDocument } from '../../../renderer/src/features/export/visual/svg/svg-renderer';
import { formatOutlineText, parseOutlineText } from '../../../renderer/src/features/clipboard/outline-text';
import { findMatches, highlightRanges } from '../../../renderer/src/features/search/search-text';
import { safeFileName } from '../../../renderer/src/platform/files';
import { mapAround, PATHOLOGICAL_STRINGS } from './hostile-maps';

/** Far above what one string's path needs for a megabyte (tens of milliseconds), far below a quadratic's minutes. */
const BOUND_MS = 2_000;
/**
 * A whole map's export: the map holds the megabyte in a dozen places (title, names, label, notes,
 * action…), so it is a dozen megabytes of text — still seconds at most, against a quadratic's hours.
 */
const MAP_BOUND_MS = 6_000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe.each(PATHOLOGICAL_STRINGS)('a megabyte of %s', { timeout: 30_000 }, (_name, text) => {
  const doc = mapAround(text);

  it('goes through the Markdown outline fast', () => {
    const { value, ms } = timed(() => outlineMarkdown(doc));
    expect(ms).toBeLessThan(MAP_BOUND_MS);
    expect(value.startsWith('# ')).toBe(true);
    const escaped = timed(() => escapeMarkdown(text));
    expect(escaped.ms).toBeLessThan(BOUND_MS);
  });

  it('goes through the action plan CSV fast, without control characters', () => {
    const { value, ms } = timed(() => actionPlanCsv(doc));
    expect(ms).toBeLessThan(MAP_BOUND_MS);
    // eslint-disable-next-line no-control-regex -- what must not be there
    expect(value).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    expect(timed(() => csvField(text)).ms).toBeLessThan(BOUND_MS);
  });

  it('goes into the SVG label text fast', () => {
    const { value, ms } = timed(() => svgDocument(drawMap(doc, { ...DEFAULT_VISUAL_OPTIONS, format: 'svg', date: '1 December 2026' })));
    expect(ms).toBeLessThan(MAP_BOUND_MS);
    expect(value).toContain('<text');
  });

  it('is written to a .touchmap fast and read back fast (refused past a limit, with the limit named)', () => {
    const written = timed(() => serializeTouchmapFile([doc], '2026-12-01T00:00:00.000Z'));
    expect(written.ms).toBeLessThan(MAP_BOUND_MS);
    const read = timed(() => parseTouchmapFile(written.value));
    expect(read.ms).toBeLessThan(MAP_BOUND_MS);
    // Past the label limit; or, where JSON's escapes make the file itself larger, past the file size limit.
    const limitNamed = new RegExp(`up to (${MAX_LABEL_LENGTH.toLocaleString('en-US')} characters|${MAX_FILE_BYTES / (1024 * 1024)} MB)`);
    expect(read.value).toMatchObject({ ok: false, error: expect.stringMatching(limitNamed) });
  });

  it('is copied as outline text and pasted back fast', () => {
    const formatted = timed(() => formatOutlineText([{ label: text, children: [{ label: text, children: [] }] }]));
    expect(formatted.ms).toBeLessThan(BOUND_MS);
    expect(timed(() => parseOutlineText(formatted.value)).ms).toBeLessThan(BOUND_MS);
    expect(timed(() => parseOutlineText(text)).ms).toBeLessThan(BOUND_MS);
  });

  it('is searched fast', () => {
    expect(timed(() => findMatches(doc, text.slice(0, 1000))).ms).toBeLessThan(MAP_BOUND_MS);
    expect(timed(() => findMatches(doc, 'plain')).value).toEqual(['t-3']);
    expect(timed(() => highlightRanges(text, 'x')).ms).toBeLessThan(BOUND_MS);
  });

  it('names a file fast', () => {
    const { value, ms } = timed(() => safeFileName(text, 'md'));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(new TextEncoder().encode(value).length).toBeLessThanOrEqual(255);
  });
});
