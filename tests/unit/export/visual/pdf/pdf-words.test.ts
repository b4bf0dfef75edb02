/**
 * The PDF's own words — the appendix table and the poster page captions — follow the map's
 * language, and stay as they were for an English map.
 */
import { describe, expect, it } from 'vitest';
import type { MapDoc, Topic } from '@shared/model/types';
import { appendixHtml, buildPrintDocument, DEFAULT_APPENDIX_WORDS } from '../../../../../renderer/src/features/export/visual/pdf/pdf';
import type { SvgParts } from '../../../../../renderer/src/features/export/visual/svg/svg-renderer';
import { BY_LOCALE } from '../../../../fixtures/export-maps';
import { asId } from '../../../../builders/ids';

/** A drawing big enough to need several A4 poster pages; the print document only reads its size and markup. */
const PARTS = { width: 3000, height: 2000, defs: '', body: '', shapes: '', runs: [], fontFamily: 'sans-serif', backgroundColor: '#ffffff' } as unknown as SvgParts;

/** The fixture map with a reaction on its first touchpoint, whose action (from the fixture) is `todo`. */
function withReaction(doc: MapDoc): MapDoc {
  const first = doc.topics[asId.topic('t-0')] as Topic;
  return { ...doc, topics: { ...doc.topics, [asId.topic('t-0')]: { ...first, reaction: 'negative' } } };
}

describe('the PDF’s words', () => {
  it('prints a Russian map’s appendix in Russian: heading, columns, channels, reaction and status', () => {
    const html = appendixHtml(withReaction(BY_LOCALE[1] as MapDoc));
    for (const word of ['Точки контакта по этапам', 'Точка контакта', 'Канал', 'Наша оценка', 'Важность', 'Реакция', 'Что улучшить', 'Онлайн', 'Офлайн', 'Негативная', 'К выполнению']) {
      expect(html, word).toContain(word);
    }
    expect(html).not.toMatch(/Touchpoint|Channel|Online|Offline|negative|todo/);
  });

  it('prints a Korean map’s poster captions in Korean, with the page numbers filled in', () => {
    const { html, mapPages } = buildPrintDocument(BY_LOCALE[2] as MapDoc, PARTS, { mode: 'poster', paper: 'a4', landscape: false, appendix: true });
    expect(mapPages).toBeGreaterThan(1);
    expect(html).toContain(`${mapPages}쪽 중 1쪽 · 1행 1열 · 점선을 따라 붙이세요`);
    expect(html).toContain('단계별 접점');
    expect(html).not.toMatch(/Page \d|glue on the dashed lines|Touchpoints by stage/);
  });

  it('keeps the English words for an English map, and takes overrides', () => {
    const en = BY_LOCALE[0] as MapDoc;
    const html = appendixHtml(withReaction(en));
    expect(html).toContain(`— ${DEFAULT_APPENDIX_WORDS.heading}</h1>`);
    // The inspector's words, not the file's codes.
    expect(html).toContain('<td>Negative</td>');
    expect(html).toContain('Owner:</span> Team');
    expect(html).toContain('Status:</span> To do');
    expect(html).not.toMatch(/>negative<|\btodo\b/);
    const { html: poster } = buildPrintDocument(en, PARTS, { mode: 'poster', paper: 'a4', landscape: false, appendix: false, words: { page: 'Sheet {n}' } });
    expect(poster).toContain('Sheet 1<');
  });
});
