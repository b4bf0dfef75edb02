/**
 * The notices of the PDF page plan (shared/model/page-layout.ts) in every UI language: the export
 * dialog shows them, the command line prints them as `note:`. Same keys and placeholders in every
 * language (tests/unit/i18n/message-words.test.ts).
 */
import type { Locale } from '../model/types';

const EN = {
  fitTooSmall: 'The map prints at {percent} to fit one page; small labels may be hard to read. Poster prints it larger over several pages.',
  pageCapped:
    'At full size the map needs a {width} × {height} in page; PDF pages stay within {max} in a side (larger ones show blank in many viewers), so it prints at {percent}. Poster keeps full size over several pages.',
} as const;

export type ExportWords = { readonly [K in keyof typeof EN]: string };

const RU: ExportWords = {
  fitTooSmall: 'Чтобы уместиться на одной странице, карта печатается в масштабе {percent}; мелкие подписи может быть трудно прочитать. В режиме «Плакат» она печатается крупнее на нескольких страницах.',
  pageCapped:
    'В полном размере карте нужна страница {width} × {height} дюйма, а страницы PDF бывают не больше {max} дюймов по стороне (более крупные многие программы показывают пустыми), поэтому она печатается в масштабе {percent}. В режиме «Плакат» полный размер сохраняется на нескольких страницах.',
};

const KO: ExportWords = {
  fitTooSmall: '한 페이지에 맞추기 위해 맵을 {percent} 크기로 인쇄합니다. 작은 이름은 읽기 어려울 수 있습니다. 포스터로 인쇄하면 여러 페이지에 더 크게 인쇄됩니다.',
  pageCapped:
    '원래 크기로는 {width} × {height}인치 페이지가 필요하지만, PDF 페이지는 한 변이 {max}인치를 넘지 않아야 하므로(더 크면 여러 뷰어에서 빈 페이지로 보입니다) {percent} 크기로 인쇄합니다. 포스터로 인쇄하면 여러 페이지에 원래 크기로 인쇄됩니다.',
};

const JA: ExportWords = {
  fitTooSmall: '1 ページに収めるため、マップを {percent} で印刷します。小さな名前は読みにくいかもしれません。ポスターにすると複数ページに大きく印刷できます。',
  pageCapped:
    '原寸では {width} × {height} インチのページが必要ですが、PDF のページは 1 辺 {max} インチまでにしているため（それより大きいと多くのビューアで白紙になります）、{percent} で印刷します。ポスターにすると複数ページに原寸で印刷できます。',
};

export const EXPORT_WORDS: Readonly<Record<Locale, ExportWords>> = { en: EN, ru: RU, ko: KO, ja: JA };
