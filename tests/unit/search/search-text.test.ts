/**
 * Search in every script: case-insensitive, NFKC-normalised matching of labels and notes, in map
 * order, and the highlight ranges the outline marks.
 */
import { describe, expect, it } from 'vitest';
import { findMatches, foldForSearch, highlightRanges } from '../../../renderer/src/features/search/search-text';
import { createTestMap } from '../model/driver';

const clinic = () =>
  createTestMap({ title: 'Клиника' })
    .addTouchpoint('Сайт клиники', { channel: 'online', stage: 'Awareness' })
    .addDetail('Форма записи на САЙТЕ', { under: 'Сайт клиники' })
    .addTouchpoint('병원 웹사이트', { channel: 'online', stage: 'Consideration' })
    .addTouchpoint('전화 예약', { channel: 'offline', stage: 'Purchase' })
    .addTouchpoint('ｶﾌｪのメニュー', { channel: 'offline', stage: 'Purchase' })
    .addTouchpoint('Reception', { channel: 'offline', stage: 'Purchase' })
    .set('Reception', { notes: 'Долгое ожидание у стойки' });

describe('search matching', () => {
  it('finds Cyrillic in any case, labels before their details, in map order', () => {
    const map = clinic();
    expect(findMatches(map.doc, 'сайт')).toEqual([map.id('Сайт клиники'), map.id('Форма записи на САЙТЕ')]);
    expect(findMatches(map.doc, 'САЙТ')).toEqual(findMatches(map.doc, 'сайт'));
  });

  it('finds Hangul typed as composed syllables or as decomposed jamo', () => {
    const map = clinic();
    const decomposed = '웹사이트'.normalize('NFD');
    expect(decomposed).not.toBe('웹사이트');
    expect(findMatches(map.doc, decomposed)).toEqual([map.id('병원 웹사이트')]);
    expect(findMatches(map.doc, '예약')).toEqual([map.id('전화 예약')]);
  });

  it('finds half-width Kana with full-width Kana (NFKC), and full-width Latin', () => {
    const map = clinic().addTouchpoint('ＷＥＢ booking');
    expect(findMatches(map.doc, 'カフェ')).toEqual([map.id('ｶﾌｪのメニュー')]);
    expect(findMatches(map.doc, 'web')).toEqual([map.id('ＷＥＢ booking')]);
    expect(foldForSearch('ｶﾌｪ')).toBe(foldForSearch('カフェ'));
  });

  it('matches notes as well as labels, and never across the two', () => {
    const map = clinic().set('Reception', { notes: 'ception notes' });
    expect(findMatches(map.doc, 'ожидание')).toEqual([]);
    expect(findMatches(map.doc, 'ception notes')).toEqual([map.id('Reception')]);
    expect(findMatches(map.doc, 'receptionception')).toEqual([]);
  });

  it('finds nothing for an empty or blank query, and the root by its label', () => {
    const map = clinic();
    expect(findMatches(map.doc, '')).toEqual([]);
    expect(findMatches(map.doc, '   ')).toEqual([]);
    expect(findMatches(map.doc, 'КЛИНИК')).toEqual([map.root.id, map.id('Сайт клиники')]);
  });

  it('sees an edit at once (folded text is cached per topic record, not per id)', () => {
    const map = clinic();
    expect(findMatches(map.doc, 'lobby')).toEqual([]);
    map.rename('Reception', 'Lobby reception');
    expect(findMatches(map.doc, 'LOBBY')).toEqual([map.id('Lobby reception')]);
  });
});

describe('highlight ranges', () => {
  it('marks every occurrence in the original text, whatever the case', () => {
    expect(highlightRanges('Site page, site map', 'SITE')).toEqual([
      [0, 4],
      [11, 15],
    ]);
    expect(highlightRanges('Форма записи на САЙТЕ', 'сайт')).toEqual([[16, 20]]);
  });

  it('maps half-width Kana back to the original characters', () => {
    const text = 'ｶﾌｪのメニュー';
    const [range] = highlightRanges(text, 'カフェ');
    expect(range).toEqual([0, 3]);
  });

  it('marks the whole text when folding joins characters (decomposed Hangul)', () => {
    const text = '웹사이트'.normalize('NFD');
    expect(highlightRanges(text, '사이')).toEqual([[0, text.length]]);
  });

  it('keeps surrogate pairs whole', () => {
    expect(highlightRanges('😀 coffee', 'coffee')).toEqual([[3, 9]]);
    expect(highlightRanges('a😀b', '😀')).toEqual([[1, 3]]);
  });
});
