/**
 * Search in every script: case-insensitive, NFKC-normalised matching of labels and notes, in map
 * order, and the highlight ranges the outline marks.
 */
import { describe, expect, it } from 'vitest';
import { findMatches, foldForSearch, highlightRanges } from '../../../renderer/src/features/search/search-text';
import { renameTopic } from '@shared/model/commands';
import { mapDoc } from '../../builders/map-doc';

const clinic = () =>
  mapDoc('Клиника', { preset: 'customer-journey' })
    .touchpoint('Сайт клиники', { channel: 'online', stage: 'Awareness' })
    .detail('Форма записи на САЙТЕ', { under: 'Сайт клиники' })
    .touchpoint('병원 웹사이트', { channel: 'online', stage: 'Consideration' })
    .touchpoint('전화 예약', { channel: 'offline', stage: 'Purchase' })
    .touchpoint('ｶﾌｪのメニュー', { channel: 'offline', stage: 'Purchase' })
    .touchpoint('Reception', { channel: 'offline', stage: 'Purchase' })
    .set('Reception', { notes: 'Долгое ожидание у стойки' });

describe('search matching', () => {
  it('finds Cyrillic in any case, labels before their details, in map order', () => {
    const map = clinic();
    expect(findMatches(map.build(), 'сайт')).toEqual([map.ids.topic('Сайт клиники'), map.ids.topic('Форма записи на САЙТЕ')]);
    expect(findMatches(map.build(), 'САЙТ')).toEqual(findMatches(map.build(), 'сайт'));
  });

  it('finds Hangul typed as composed syllables or as decomposed jamo', () => {
    const map = clinic();
    const decomposed = '웹사이트'.normalize('NFD');
    expect(decomposed).not.toBe('웹사이트');
    expect(findMatches(map.build(), decomposed)).toEqual([map.ids.topic('병원 웹사이트')]);
    expect(findMatches(map.build(), '예약')).toEqual([map.ids.topic('전화 예약')]);
  });

  it('finds half-width Kana with full-width Kana (NFKC), and full-width Latin', () => {
    const map = clinic().touchpoint('ＷＥＢ booking');
    expect(findMatches(map.build(), 'カフェ')).toEqual([map.ids.topic('ｶﾌｪのメニュー')]);
    expect(findMatches(map.build(), 'web')).toEqual([map.ids.topic('ＷＥＢ booking')]);
    expect(foldForSearch('ｶﾌｪ')).toBe(foldForSearch('カフェ'));
  });

  it('matches notes as well as labels, and never across the two', () => {
    const map = clinic().set('Reception', { notes: 'ception notes' });
    expect(findMatches(map.build(), 'ожидание')).toEqual([]);
    expect(findMatches(map.build(), 'ception notes')).toEqual([map.ids.topic('Reception')]);
    expect(findMatches(map.build(), 'receptionception')).toEqual([]);
  });

  it('finds nothing for an empty or blank query, and the root by its label', () => {
    const map = clinic();
    expect(findMatches(map.build(), '')).toEqual([]);
    expect(findMatches(map.build(), '   ')).toEqual([]);
    expect(findMatches(map.build(), 'КЛИНИК')).toEqual([map.ids.root, map.ids.topic('Сайт клиники')]);
  });

  it('sees an edit at once (folded text is cached per topic record, not per id)', () => {
    const map = clinic();
    expect(findMatches(map.build(), 'lobby')).toEqual([]);
    const renamed = renameTopic(map.build(), map.ids.topic('Reception'), 'Lobby reception');
    expect(findMatches(renamed, 'LOBBY')).toEqual([map.ids.topic('Reception')]);
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
