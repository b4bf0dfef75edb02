import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_GEOMETRY, sizeLabel, wrapLabel } from '../../../renderer/src/drawing/text-metrics';
import { loadJapaneseBreaks } from '../../../renderer/src/drawing/line-breaks';

const touchpointLines = (label: string) => sizeLabel(label, NODE_GEOMETRY.touchpoint).lines;

/** Closers that must never start a line, openers that must never end one (kinsoku). */
const NEVER_FIRST = Array.from('、。，．・：；？！ー」』）】〕〉》ぁぃぅぇぉっゃゅょァィゥェォッャュョ');
const NEVER_LAST = Array.from('「『（【〔〈《');

describe('Japanese labels break between phrases', () => {
  // the model comes on demand (the canvas and the exports wait for it the same way)
  beforeAll(() => loadJapaneseBreaks());

  it('keeps a katakana word whole: the clothing touchpoint does not end a line in “ウェ”', () => {
    expect(touchpointLines('イベントでのロゴ入りウェア')).toEqual(['イベントでの', 'ロゴ入りウェア']);
  });

  it('keeps “メール” whole in the clinic’s mailing touchpoint', () => {
    expect(touchpointLines('クリニックのお知らせメール・SMS')).toEqual(['クリニックの', 'お知らせメール・SMS']);
  });

  it('breaks a long label only at phrase ends, never inside ソフトウェア or ダウンロード', () => {
    const lines = touchpointLines('ソフトウェアのダウンロードページ「お問い合わせ」');
    expect(lines.join('')).toBe('ソフトウェアのダウンロードページ「お問い合わせ」');
    for (const line of lines) {
      expect(line.includes('ソフトウェ') === line.includes('ソフトウェア')).toBe(true);
      expect(line.includes('ダウンロ') === line.includes('ダウンロード')).toBe(true);
    }
  });

  it('keeps “確認” whole and its closing bracket with it', () => {
    const lines = touchpointLines('受付での会話（予約の確認）');
    expect(lines).toEqual(['受付での会話（予約の', '確認）']);
  });

  it('still breaks a phrase wider than a whole line, between characters, with kinsoku', () => {
    const { lines } = wrapLabel('カスタマーサポートセンターカスタマーサポートセンター', 100, 14, 6);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(NEVER_FIRST).not.toContain(line[0]);
      expect(line.length * 14).toBeLessThanOrEqual(100);
    }
  });

  it('never starts a line with a closer nor ends one with an opener, at any width', () => {
    const labels = [
      '診察券と問診票の記入（初診のみ）。',
      'お客様の声「とても良かった」・写真付きレビュー',
      '予約確認のショートメッセージ、リマインダー。',
      'ポイントカード（スタンプ）の発行・説明',
    ];
    for (const label of labels) {
      // from four characters a line: narrower than any node's text box, down to where kinsoku can still be kept
      for (let width = 56; width <= 200; width += 7) {
        const { lines } = wrapLabel(label, width, 14, 20);
        expect(lines.join('')).toBe(label);
        for (const [index, line] of lines.entries()) {
          if (index > 0) expect(NEVER_FIRST, `${label} @${width}: “${line}”`).not.toContain(line[0]);
          if (index < lines.length - 1) expect(NEVER_LAST, `${label} @${width}: “${line}”`).not.toContain(line[line.length - 1]);
        }
      }
    }
  });
});

describe('Korean labels keep their words whole', () => {
  it('breaks at spaces, never inside a word', () => {
    const { lines } = wrapLabel('병원 혜택 안내 메일 문자', 60, 14, 6);
    expect(lines).toEqual(['병원 혜택', '안내 메일', '문자']);
  });

  it('may break after punctuation joining two words, and not inside either word', () => {
    const { lines } = wrapLabel('메일·문자/카카오톡채널', 100, 14, 6);
    expect(lines).toEqual(['메일·문자/', '카카오톡채널']);
  });
});

describe('other scripts are unchanged', () => {
  it('breaks Latin at spaces', () => {
    expect(wrapLabel('Booking by phone with the reception', 120, 14, 2).lines).toEqual(['Booking by phone', 'with the reception']);
  });
});
