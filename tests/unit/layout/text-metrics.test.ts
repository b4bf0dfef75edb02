import { describe, expect, it } from 'vitest';
import { generateMap, seededRandom } from '../../fixtures/generate-map';
import { ELLIPSIS, NODE_GEOMETRY, charWidth, measureText, sizeLabel, wrapLabel, type MindNodeType } from '../../../renderer/src/drawing/text-metrics';

const cp = (c: string) => c.codePointAt(0) as number;

describe('measuring a label without a DOM', () => {
  it('uses the Noto Sans advance widths for Latin and Cyrillic', () => {
    // 'W' is 930/1000 em, 'i' 258/1000 em in Noto Sans Regular.
    expect(charWidth(cp('W'), 10)).toBeCloseTo(9.3);
    expect(charWidth(cp('i'), 10)).toBeCloseTo(2.58);
    expect(charWidth(cp('Ж'), 10)).toBeCloseTo(9.05);
    expect(measureText('Context ad', 14)).toBeCloseTo(((632 + 605 + 618 + 361 + 564 + 529 + 361 + 260 + 561 + 615) * 14) / 1000);
  });

  it('gives Kana and Kanji a full em and Hangul 0.92 em', () => {
    expect(measureText('予約', 14)).toBeCloseTo(28);
    expect(measureText('アンケート', 10)).toBeCloseTo(50);
    expect(measureText('예약', 10)).toBeCloseTo(18.4);
  });

  it('makes bold Latin wider, but not full-width characters', () => {
    expect(measureText('Website', 14, 'bold')).toBeGreaterThan(measureText('Website', 14));
    expect(measureText('広告', 14, 'bold')).toBeCloseTo(measureText('広告', 14));
  });

  it('counts a surrogate pair as one character and combining marks as nothing', () => {
    expect(measureText('𠮷', 10)).toBeCloseTo(10);
    expect(measureText('e\u0301', 10)).toBeCloseTo(measureText('e', 10));
  });
});

describe('wrapping a label', () => {
  const width = (line: string) => measureText(line, 14);

  it('keeps a short label on one line', () => {
    expect(wrapLabel('Context ad', 200, 14, 3)).toMatchObject({ lines: ['Context ad'], clipped: false });
  });

  it('breaks Latin and Cyrillic at spaces, never wider than the limit', () => {
    const latin = wrapLabel('Booking by phone with the reception desk', 120, 14, 5);
    expect(latin.lines).toEqual(['Booking by phone', 'with the reception', 'desk']);
    for (const line of latin.lines) expect(width(line)).toBeLessThanOrEqual(120);
    const cyrillic = wrapLabel('Запись на приём по телефону через регистратуру', 120, 14, 5);
    expect(cyrillic.lines.join(' ')).toBe('Запись на приём по телефону через регистратуру');
    for (const line of cyrillic.lines) {
      expect(width(line)).toBeLessThanOrEqual(120);
      expect(line).not.toMatch(/^\s|\s$/);
    }
  });

  it('breaks between any two Kana / Kanji, without a space', () => {
    const label = 'ウェブサイトから電話予約をして受付で問診票を記入する';
    const wrapped = wrapLabel(label, 100, 14, 10);
    expect(wrapped.lines.length).toBeGreaterThan(1);
    expect(wrapped.lines.join('')).toBe(label);
    for (const line of wrapped.lines) expect(width(line)).toBeLessThanOrEqual(100);
    // 100 px holds seven 14 px characters.
    expect(wrapped.lines[0]).toBe('ウェブサイトか');
  });

  it('keeps Japanese closing punctuation off the start of a line (kinsoku)', () => {
    // Seven characters fit; the eighth is '。', which may not start a line, so the break moves back.
    const wrapped = wrapLabel('受付で問診票を。記入する', 100, 14, 5);
    expect(wrapped.lines.every((line) => !line.startsWith('。'))).toBe(true);
    expect(wrapped.lines.join('')).toBe('受付で問診票を。記入する');
  });

  it('keeps Korean words whole, breaking at spaces', () => {
    const wrapped = wrapLabel('웹사이트 상담 예약 후기 이벤트 쿠폰', 80, 14, 10);
    expect(wrapped.lines.join(' ')).toBe('웹사이트 상담 예약 후기 이벤트 쿠폰');
    for (const line of wrapped.lines) expect(['웹사이트', '상담', '예약', '후기', '이벤트', '쿠폰']).toEqual(expect.arrayContaining(line.split(' ')));
  });

  it('breaks a word too long for a line between its characters', () => {
    const wrapped = wrapLabel('Supercalifragilisticexpialidocious', 80, 14, 10);
    expect(wrapped.lines.length).toBeGreaterThan(2);
    expect(wrapped.lines.join('')).toBe('Supercalifragilisticexpialidocious');
    for (const line of wrapped.lines) expect(width(line)).toBeLessThanOrEqual(80);
  });

  it('never splits a surrogate pair', () => {
    const wrapped = wrapLabel('𠮷'.repeat(20), 50, 14, 10);
    for (const line of wrapped.lines) expect(line).toMatch(/^(?:𠮷)+$/u);
  });

  it('keeps the newlines an author typed', () => {
    expect(wrapLabel('Website\nBooking form', 300, 14, 3).lines).toEqual(['Website', 'Booking form']);
    expect(wrapLabel('\n\nWebsite\n\n', 300, 14, 3).lines).toEqual(['Website']);
  });

  it('clips past the line limit with an ellipsis', () => {
    const wrapped = wrapLabel('one two three four five six seven eight nine ten eleven twelve', 80, 14, 2);
    expect(wrapped.lines).toHaveLength(2);
    expect(wrapped.clipped).toBe(true);
    expect(wrapped.lines[1]?.endsWith(ELLIPSIS)).toBe(true);
    for (const line of wrapped.lines) expect(width(line)).toBeLessThanOrEqual(80);
    expect(wrapLabel('one\ntwo\nthree', 300, 14, 2)).toMatchObject({ lines: ['one', `two${ELLIPSIS}`], clipped: true });
  });

  it('clips a 10,000-character label to the line limit', () => {
    for (const unit of ['Touchpoint ', 'x', 'Отзыв ', '예약 후기 ', '電話予約']) {
      const label = unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000);
      const wrapped = wrapLabel(label, 196, 14, 4);
      expect(wrapped.lines).toHaveLength(4);
      expect(wrapped.clipped).toBe(true);
      expect(wrapped.lines[3]?.endsWith(ELLIPSIS)).toBe(true);
      for (const line of wrapped.lines) expect(width(line)).toBeLessThanOrEqual(196);
    }
  });

  it('handles a million-character label as fast as a short one (it reads only what it shows)', () => {
    const label = 'a'.repeat(1_000_000);
    const wrapped = wrapLabel(label, 100, 14, 3);
    expect(wrapped.lines).toHaveLength(3);
    expect(wrapped.lines.join('').length).toBeLessThan(100);
  });

  it('gives an empty label one empty line', () => {
    expect(wrapLabel('', 100, 14, 3)).toEqual({ lines: [''], width: 0, clipped: false });
    expect(wrapLabel('   ', 100, 14, 3).lines).toEqual(['']);
  });

  it('never exceeds the line limit or the width, on random mixed-script labels', () => {
    const doc = generateMap({ seed: 7, topics: 400 });
    const random = seededRandom(3);
    for (const topic of Object.values(doc.topics)) {
      const maxWidth = 40 + Math.floor(random() * 200);
      const maxLines = 1 + Math.floor(random() * 4);
      const label = topic.label.repeat(1 + Math.floor(random() * 3));
      const wrapped = wrapLabel(label, maxWidth, 14, maxLines);
      expect(wrapped.lines.length).toBeLessThanOrEqual(maxLines);
      expect(wrapped.width).toBeLessThanOrEqual(maxWidth + 1e-9);
      for (const line of wrapped.lines) expect(width(line)).toBeLessThanOrEqual(maxWidth + 1e-9);
      if (!wrapped.clipped) expect(wrapped.lines.join('').replace(/\s/g, '')).toBe(label.replace(/\s/g, ''));
    }
  });
});

describe('sizing a node around its label', () => {
  it('keeps every node type within its width range, its height from its line count', () => {
    const types = Object.keys(NODE_GEOMETRY) as MindNodeType[];
    for (const type of types) {
      const g = NODE_GEOMETRY[type];
      for (const label of ['', 'Ad', 'Booking by phone with the reception desk and a callback', '広告'.repeat(200)]) {
        const box = sizeLabel(label, g);
        expect(box.nodeWidth).toBeGreaterThanOrEqual(g.minWidth);
        expect(box.nodeWidth).toBeLessThanOrEqual(g.maxWidth);
        expect(box.lines.length).toBeLessThanOrEqual(g.maxLines);
        expect(box.nodeHeight).toBe(Math.ceil(box.lines.length * g.lineHeight + 2 * g.paddingY + g.borderY));
        // the text always fits inside the padding, the border and the badge
        expect(box.width).toBeLessThanOrEqual(box.nodeWidth - 2 * g.paddingX - g.borderX - g.badgeWidth + 1);
      }
    }
  });
});
