/**
 * The clipboard's plain-text outline: what copying writes for other programs, and how pasting an
 * indented list from anywhere reads — tabs, 2 or 4 spaces, ideographic spaces, CRLF, bullets,
 * thousands of lines, a 10,000-character label.
 */
import { describe, expect, it } from 'vitest';
import { countEntries, formatOutlineText, parseOutlineText, type OutlineEntry } from '../../../renderer/src/features/clipboard/outline-text';

const e = (label: string, ...children: OutlineEntry[]): OutlineEntry => ({ label, children });
const WEBSITE = [e('Website', e('Booking form'), e('Chat', e('Operator reply'))), e('Phone call')];

describe('formatting', () => {
  it('writes one topic per line, two spaces per level', () => {
    expect(formatOutlineText(WEBSITE)).toBe('Website\n  Booking form\n  Chat\n    Operator reply\nPhone call\n');
  });

  it('writes CRLF when asked, and labels with line breaks on one line', () => {
    expect(formatOutlineText([e('Shop\nwindow', e('Sign'))], '\r\n')).toBe('Shop window\r\n  Sign\r\n');
    expect(formatOutlineText([])).toBe('');
  });

  it('reads back what it writes', () => {
    expect(parseOutlineText(formatOutlineText(WEBSITE))).toEqual(WEBSITE);
  });
});

describe('parsing an indented list', () => {
  it.each([
    ['tabs', 'Website\n\tBooking form\n\tChat\n\t\tOperator reply\nPhone call'],
    ['two spaces', 'Website\n  Booking form\n  Chat\n    Operator reply\nPhone call'],
    ['four spaces', 'Website\n    Booking form\n    Chat\n        Operator reply\nPhone call'],
    ['CRLF and tabs', 'Website\r\n\tBooking form\r\n\tChat\r\n\t\tOperator reply\r\nPhone call\r\n'],
    ['old Mac CR', 'Website\r  Booking form\r  Chat\r    Operator reply\rPhone call'],
    ['bullets and blank lines', '- Website\n\n  - Booking form\n  * Chat\n    • Operator reply\n\n- Phone call\n'],
    ['ideographic spaces', 'Website\n\u3000Booking form\n\u3000Chat\n\u3000\u3000Operator reply\nPhone call'],
    ['a byte-order mark', '\uFEFFWebsite\n\tBooking form\n\tChat\n\t\tOperator reply\nPhone call'],
  ])('with %s', (_style, text) => {
    expect(parseOutlineText(text)).toEqual(WEBSITE);
  });

  it('treats a jump of several levels as one level, and a partial dedent as the nearest level', () => {
    expect(parseOutlineText('A\n\t\t\tdeep\nB\n    b1\n  b2')).toEqual([e('A', e('deep')), e('B', e('b1'), e('b2'))]);
  });

  it('starts with details as touchpoints when the whole list is indented', () => {
    expect(parseOutlineText('    One\n    Two\n      Two.1')).toEqual([e('One'), e('Two', e('Two.1'))]);
  });

  it('keeps every script and trims only the ends', () => {
    expect(parseOutlineText('사이트  방문\n\tЗапись  на приём \n予約')).toEqual([e('사이트  방문', e('Запись  на приём')), e('予約')]);
  });

  it('reads thousands of lines in linear time', () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i += 1) lines.push(`Touchpoint ${i}`, `\tDetail ${i}.a`, `\tDetail ${i}.b`);
    const started = performance.now();
    const entries = parseOutlineText(lines.join('\r\n'));
    expect(performance.now() - started).toBeLessThan(500);
    expect(entries).toHaveLength(5000);
    expect(countEntries(entries)).toBe(15000);
    expect(entries[4999]).toEqual(e('Touchpoint 4999', e('Detail 4999.a'), e('Detail 4999.b')));
  });

  it('keeps a 10,000-character label whole', () => {
    const label = 'ラベル'.repeat(3334).slice(0, 10000);
    const [entry] = parseOutlineText(`${label}\n  detail`);
    expect(entry?.label).toHaveLength(10000);
    expect(entry?.children).toEqual([e('detail')]);
  });

  it('gives nothing for empty or blank text', () => {
    expect(parseOutlineText('')).toEqual([]);
    expect(parseOutlineText(' \n\t\r\n')).toEqual([]);
  });
});
