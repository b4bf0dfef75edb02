/**
 * The PDF writer (pdf/writer/) read back by poppler: the file parses, has the plan's pages at the
 * plan's size, names itself, embeds every face it draws with, and gives every label back as text
 * in each script — the ToUnicode maps carry the words, not just their glyphs.
 */
import { describe, expect, it } from 'vitest';
import type { MapDoc } from '@shared/model/types';
import { layoutMindMap } from '../../../../../renderer/src/drawing/layout';
import { projectMindMap } from '../../../../../renderer/src/drawing/projection';
import { renderMapSvg, type SvgParts } from '../../../../../renderer/src/features/export/visual/svg/svg-renderer';
import { mapPdf, type MapPdfOptions } from '../../../../../renderer/src/features/export/visual/pdf/map-pdf-export';
import { pageLabelText } from '../../../../../renderer/src/features/export/visual/pdf/writer/map-pdf';
import { mapWords } from '@shared/templates/map-words';
import { drawChart } from '../../../../../renderer/src/features/export/visual/charts/chart-parts';
import { mapDoc } from '../../../../builders/map-doc';
import { BY_LOCALE, MULTILINGUAL, HOSTILE_LABEL } from '../../../../fixtures/export-maps';
import { bundledRules, diskLoader, HAS_POPPLER, NO_POPPLER, poppler } from './pdf-faces';

function partsOf(doc: MapDoc, background: 'white' | 'dark' = 'white'): SvgParts {
  return renderMapSvg(doc, layoutMindMap(projectMindMap(doc, { grouping: 'channel-stage' })), { background, chains: true, legend: true, titleBlock: true, date: '1 January 2026' });
}

const rules = bundledRules();
const write = (doc: MapDoc, options: Partial<MapPdfOptions> = {}, parts = partsOf(doc)) =>
  mapPdf(doc, parts, { mode: 'fit', paper: 'a4', landscape: true, marginIn: 0.4, rules, load: diskLoader, ...options });

/** pdftotext's words, whitespace folded, for finding labels whole. */
const textOf = (bytes: Uint8Array) => poppler('pdftotext', bytes, ['-raw', '-enc', 'UTF-8']).replace(/\s+/g, ' ');

describe.skipIf(!HAS_POPPLER)(`the map PDF, read back by poppler${HAS_POPPLER ? '' : ` — skipped: ${NO_POPPLER}`}`, () => {
  it.each(BY_LOCALE.map((doc) => [doc.map.locale, doc] as const))('%s: every label comes back as text', async (_locale, doc) => {
    const { bytes } = await write(doc);
    const text = textOf(bytes);
    for (const topic of Object.values(doc.topics)) expect(text).toContain(topic.label);
  });

  it('a map in four scripts gives back each script, and a label that looks like markup stays text', async () => {
    const { bytes } = await write(MULTILINGUAL);
    const text = textOf(bytes);
    for (const label of ['Context ad', 'Запись на приём', '온라인 예약', '受付の対応', HOSTILE_LABEL]) expect(text).toContain(label);
  });

  it('a character no bundled face has is left out and named; the rest of its label stays', async () => {
    const doc = mapDoc('Reviews', { locale: 'en' }).stage('Before').touchpoint('😀 Review site', { channel: 'online', stage: 'Before' }).build();
    const { bytes, missing } = await write(doc);
    expect(missing).toEqual(['😀']);
    expect(textOf(bytes)).toContain('Review site');
  });

  it('an analysis chart exported alone as PDF is written too, its words text', async () => {
    const doc = BY_LOCALE[1] as MapDoc;
    const { bytes } = await write(doc, { mode: 'fit-page-to-map', marginIn: 0 }, drawChart(doc, 'distribution', 'white'));
    const text = textOf(bytes);
    for (const stage of doc.map.stages) expect(text).toContain(stage.name);
  });

  it('every font is embedded as a TrueType CID font, and names its face', async () => {
    const { bytes } = await write(MULTILINGUAL);
    const lines = poppler('pdffonts', bytes).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
    const names = lines.map((l) => l.split(/\s+/)[0]);
    expect(names.some((n) => /\+NotoSans-Regular$/.test(n as string))).toBe(true);
    expect(names.some((n) => /\+NotoSansJP-Regular$/.test(n as string))).toBe(true);
    expect(names.some((n) => /\+NotoSansKR-Regular$/.test(n as string))).toBe(true);
    // The title block and score badges are bold: drawn from the SemiBold face, never synthesised.
    expect(names.some((n) => /\+NotoSans-SemiBold$/.test(n as string))).toBe(true);
  });

  it('has the plan\'s pages at the plan\'s size, and its title and producer', async () => {
    const doc = BY_LOCALE[0] as MapDoc;
    const { bytes, plan } = await write(doc, { mode: 'poster', paper: 'a4', landscape: false });
    const info = poppler('pdfinfo', bytes, ['-f', '1', '-l', String(plan.pages.length)]);
    expect(info).toMatch(new RegExp(`Pages:\\s+${plan.pages.length}\\n`));
    expect(plan.pages.length).toBeGreaterThan(1);
    expect(info).toContain(`Title:           ${doc.map.title}`);
    expect(info).toContain('Producer:        Touchmap');
    const size = /Page\s+1 size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(Number(size?.[1])).toBeCloseTo(plan.pageWidthIn * 72, 1);
    expect(Number(size?.[2])).toBeCloseTo(plan.pageHeightIn * 72, 1);
    // The page label of the last page, in the map's words.
    const last = plan.pages[plan.pages.length - 1] as (typeof plan.pages)[number];
    expect(textOf(bytes)).toContain(pageLabelText(mapWords('en').appendix.page, plan.pages.length - 1, plan.pages.length, last));
  });
});
