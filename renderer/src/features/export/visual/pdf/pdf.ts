/**
 * The print document: the export SVG laid on pages (the page arithmetic is `planPages`, shared
 * with the tests and the headless export) as one self-contained print HTML, then printed by
 * Chromium's own PDF printer — `window.touchmap.printToPDF` in the desktop app, `page.pdf()`
 * headless — so text stays vector and selectable in every script, with the bundled fonts embedded.
 * Used where Chromium must lay pages out or print them: a PDF with the appendix, the analysis or
 * comparison pages, and File ▸ Print. A PDF of map pages alone is written by our own writer
 * (map-pdf-export.ts, writer/), the same pages without a print window.
 *
 * Why each page draws the map's shapes through `<use href="#tm-map">`: a poster of 60 pages
 * would otherwise carry the whole drawing 60 times. Its words are HTML laid over the shapes
 * (print-labels.ts: Chromium prints them far faster than SVG text), each page holding the
 * labels that reach it. Each page is `contain: strict`: without it Chromium's printer counts the
 * labels clipped off a page's right edge as overflow and shrinks every page to fit them (a map
 * printed at 65 % in the top-left corner). Margins are drawn inside each page (the printer's
 * own margins are set to 0 explicitly), so Electron and Playwright, whose defaults differ, print
 * the same thing.
 */
import type { MapDoc, Topic } from '@shared/model/types';
import { competitorScoreOf, touchpointsOf } from '@shared/model/selectors';
import { planPages, PAPER_SIZES_IN, CSS_PX_PER_IN, type PageMode, type PagePlan, type Paper } from '@shared/model/page-layout';
import type { PrintJob } from '@shared/ipc';
import { mapWords, type MapAppendixWords } from '@shared/templates/map-words';
import { escapeXml, fontFamilyFor, type SvgParts } from '../svg/svg-renderer';
import { printLabels } from './print-labels';

export interface PdfOptions {
  readonly mode: PageMode;
  readonly paper: Paper;
  readonly landscape: boolean;
  /** Default 0.4 in (about 1 cm): inside what most printers can reach. */
  readonly marginIn?: number;
  /** A table of touchpoints by stage after the map pages. */
  readonly appendix: boolean;
  /** `@font-face` rules with the fonts inlined (fonts.ts). */
  readonly fontCss?: string;
  /** Overrides of the appendix and poster words; the rest follow `doc.map.locale`. */
  readonly words?: Partial<AppendixWords>;
  /** Whole HTML sections laid after the map and the appendix: the analysis charts, the before-and-after page. */
  readonly extraPages?: string;
}

/** The appendix's and poster marks' words (map-words.ts). */
export type AppendixWords = MapAppendixWords;

/** The English words: what an `en` map prints. */
export const DEFAULT_APPENDIX_WORDS: AppendixWords = mapWords('en').appendix;

export const DEFAULT_MARGIN_IN = 0.4;

export interface PrintDocument {
  readonly html: string;
  readonly plan: PagePlan;
  /** Map pages plus (roughly) the appendix's; the map pages are exact. */
  readonly mapPages: number;
  /** What to hand to printToPDF / page.pdf: the first page's size, zero printer margins. */
  readonly job: PrintJob;
}

const px = (inches: number) => inches * CSS_PX_PER_IN;
const r = (v: number) => String(Math.round(v * 1000) / 1000);

/**
 * Builds the print HTML of a map drawing.
 * @example
 * const { html, job } = buildPrintDocument(doc, parts, { mode: 'fit', paper: 'a4', landscape: true, appendix: false });
 * await window.touchmap.printToPDF({ ...job, html });
 */
export function buildPrintDocument(doc: MapDoc, parts: SvgParts, options: PdfOptions): PrintDocument {
  const marginIn = options.marginIn ?? DEFAULT_MARGIN_IN;
  const plan = planPages({ content: { width: parts.width, height: parts.height }, mode: options.mode, paper: options.paper, landscape: options.landscape, marginIn });
  const words = { ...mapWords(doc.map.locale).appendix, ...options.words };
  const W = plan.pageWidthIn;
  const H = plan.pageHeightIn;
  const areaW = W - 2 * marginIn;
  const areaH = H - 2 * marginIn;
  const paper = PAPER_SIZES_IN[options.paper];
  const appendixW = options.mode === 'fit-page-to-map' ? paper.width : W;
  const appendixH = options.mode === 'fit-page-to-map' ? paper.height : H;
  const family = fontFamilyFor(doc.map.locale);
  const pageBg = parts.backgroundColor ?? '#ffffff';
  const poster = options.mode === 'poster' && plan.pages.length > 1;
  const overlapPx = poster && plan.pages.length > 1 ? overlapOf(plan) * plan.scale : 0;

  const labels = printLabels(parts.runs, parts.width, parts.height, parts.fontFamily);
  const pages = plan.pages.map((page, index) => {
    const marks = poster ? posterMarks(plan, index, marginIn, overlapPx, words.page) : '';
    return (
      `<section class="page">` +
      `<svg class="area" xmlns="http://www.w3.org/2000/svg" viewBox="${r(page.x)} ${r(page.y)} ${r(page.width)} ${r(page.height)}" preserveAspectRatio="none"><use href="#tm-map"/></svg>` +
      `<div class="area">${labels.layer(page, px(areaW), px(areaH))}</div>` +
      marks +
      `</section>`
    );
  });

  const css = `
${options.fontCss ?? ''}
@page { size: ${r(W)}in ${r(H)}in; margin: 0; }
@page appendix { size: ${r(appendixW)}in ${r(appendixH)}in; margin: 0.5in; }
html, body { margin: 0; padding: 0; }
body { font-family: ${family}; color: #1b1f27; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.source { position: absolute; width: 0; height: 0; overflow: hidden; }
.page { position: relative; width: ${r(W)}in; height: ${r(H)}in; overflow: hidden; contain: strict; background: ${pageBg}; break-after: page; }
.page:last-of-type { break-after: auto; }
.area { position: absolute; left: ${r(marginIn)}in; top: ${r(marginIn)}in; width: ${r(areaW)}in; height: ${r(areaH)}in; overflow: hidden; }
${labels.css}
.marks { position: absolute; left: 0; top: 0; width: ${r(W)}in; height: ${r(H)}in; }
.appendix { page: appendix; break-before: page; font-size: 9pt; line-height: 1.35; }
.analysis-page { page: appendix; break-before: page; break-inside: avoid; }
.analysis-page svg { display: block; width: 100%; height: auto; max-height: ${r(appendixH - 1.05)}in; }
.appendix h1 { font-size: 16pt; margin: 0 0 4pt; }
.appendix h2 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; }
.appendix table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.appendix .c-tp { width: 27%; } .appendix .c-ch { width: 9%; } .appendix .c-num { width: 6.5%; } .appendix .c-re { width: 9%; }
.appendix th, .appendix td { text-align: left; vertical-align: top; padding: 3pt 5pt; border-bottom: 0.5pt solid #d5d9e0; overflow-wrap: anywhere; }
.appendix th { font-weight: 600; color: #5b6472; border-bottom: 1pt solid #9aa3b2; }
.appendix tbody { break-inside: avoid; }
.appendix tbody.has-more > tr:first-child > td { border-bottom: none; padding-bottom: 1pt; }
.appendix tr.more > td { color: #3d4450; padding-top: 0; }
.appendix .facts { color: #5b6472; }
.comparison td:nth-child(2) { font-weight: 600; }
.appendix .item { margin-right: 8pt; }
.appendix .item .k { color: #5b6472; white-space: nowrap; }
.appendix .item--whole { white-space: nowrap; }
.appendix .num { text-align: right; white-space: nowrap; }
.appendix th.num { white-space: normal; }
/* A heading breaks between words only ("Importance" never as "Importanc/e"); number headings are smaller to fit their narrow columns. */
.appendix th { overflow-wrap: normal; word-break: keep-all; }
.appendix th.num { font-size: 7.5pt; padding-left: 2pt; padding-right: 2pt; }
`;
  const title = escapeXml(doc.map.title);
  const background = parts.backgroundColor ? `<rect x="-1" y="-1" width="${parts.width + 2}" height="${parts.height + 2}" fill="${parts.backgroundColor}"/>` : '';
  const html =
    `<!doctype html><html lang="${escapeXml(doc.map.locale)}"><head><meta charset="utf-8"><title>${title}</title><style>${css}</style></head><body>` +
    `<svg class="source" xmlns="http://www.w3.org/2000/svg" aria-hidden="true"><defs>${parts.defs}<g id="tm-map">${background}${parts.shapes}</g></defs></svg>` +
    pages.join('') +
    (options.appendix ? appendixHtml(doc, words) : '') +
    (options.extraPages ?? '') +
    `</body></html>`;
  const job: PrintJob = {
    html,
    pageSize: { widthInches: Math.max(1, W), heightInches: Math.max(1, H) },
    margins: { top: 0, right: 0, bottom: 0, left: 0 },
    title: doc.map.title.slice(0, 200),
  };
  return { html, plan, mapPages: plan.pages.length, job };
}

/** How much neighbouring poster pages repeat, in map px. */
function overlapOf(plan: PagePlan): number {
  const [a, b] = plan.pages;
  if (!a || !b) return 0;
  return a.row === b.row ? a.width - (b.x - a.x) : 0;
}

/**
 * Where a poster page's marks go (page px, y down; from x1,y1 to x2,y2), for the print HTML and the
 * PDF writer alike: ticks in the margins where the neighbour's part begins (right and bottom, when
 * there is a neighbour), and crop marks at the printable area's corners.
 */
export function posterMarkLines(plan: PagePlan, page: { readonly col: number; readonly row: number }, W: number, H: number, m: number, overlap: number): [number, number, number, number][] {
  const lines: [number, number, number, number][] = [];
  if (page.col < plan.columns - 1) {
    const x = W - m - overlap;
    lines.push([x, 0, x, m * 0.8], [x, H - m * 0.8, x, H]);
  }
  if (page.row < plan.rows - 1) {
    const y = H - m - overlap;
    lines.push([0, y, m * 0.8, y], [W - m * 0.8, y, W, y]);
  }
  for (const [cx, cy] of [[m, m], [W - m, m], [m, H - m], [W - m, H - m]] as const) lines.push([cx - 8, cy, cx - 2, cy], [cx, cy - 8, cx, cy - 2]);
  return lines;
}

/**
 * Overlap marks of a poster page: dashed ticks in the margins where the neighbour's part begins,
 * so the pages are trimmed and glued edge to edge, and the page's place in the grid.
 */
function posterMarks(plan: PagePlan, index: number, marginIn: number, overlapPx: number, label: string): string {
  const page = plan.pages[index];
  if (!page) return '';
  const W = px(plan.pageWidthIn);
  const H = px(plan.pageHeightIn);
  const m = px(marginIn);
  const lines: string[] = [];
  for (const [x1, y1, x2, y2] of posterMarkLines(plan, page, W, H, m, overlapPx))
    lines.push(`<line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="#868e96" stroke-width="0.75" stroke-dasharray="3 2"/>`);
  const text = label
    .replace('{n}', String(index + 1))
    .replace('{total}', String(plan.pages.length))
    .replace('{row}', String(page.row + 1))
    .replace('{col}', String(page.col + 1));
  const caption = m >= 12 ? `<text x="${r(m)}" y="${r(H - m / 2 + 3)}" font-size="8" fill="#868e96">${escapeXml(text)}</text>` : '';
  return `<svg class="marks" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${r(W)} ${r(H)}">${lines.join('')}${caption}</svg>`;
}

/** A label and its value, as one item of a cell: "Owner: Anna". */
function item(label: string, value: string, keep?: 'whole'): string {
  // A date is one word to a reader: "2026-12-15" never breaks at its hyphens.
  return `<span class="item${keep ? ' item--whole' : ''}"><span class="k">${escapeXml(label)}:</span> ${escapeXml(value)}</span>`;
}

/** The improvement action's cell: what to do, then its owner, due date and status in the UI's words. */
function actionCell(topic: Topic, words: AppendixWords): string {
  const a = topic.action;
  if (!a) return '';
  const facts = [a.owner ? item(words.owner, a.owner) : '', a.due ? item(words.due, a.due, 'whole') : '', item(words.status, words.statuses[a.status])].filter(Boolean);
  return `${a.what ? `<div>${escapeXml(a.what)}</div>` : ''}<div class="facts">${facts.join(' ')}</div>`;
}

/** Every other field the user set (kind, segments, attention, lifespan, notes, the process fields), or '' when none is. */
function moreFacts(doc: MapDoc, topic: Topic, words: AppendixWords): string {
  const segmentNames = (topic.segmentIds ?? []).map((id) => doc.map.segments.find((s) => s.id === id)?.name).filter((name): name is string => Boolean(name));
  const facts = [
    topic.kind ? item(words.kind, words.kinds[topic.kind]) : '',
    segmentNames.length > 0 ? item(words.segments, segmentNames.join(', ')) : '',
    topic.attention ? item(words.attention, words.attentions[topic.attention]) : '',
    topic.lifespan ? item(words.lifespan, words.lifespans[topic.lifespan]) : '',
    topic.team ? item(words.team, topic.team) : '',
    topic.process ? item(words.process, topic.process) : '',
    topic.outcome ? item(words.outcome, topic.outcome) : '',
    topic.data ? item(words.data, topic.data) : '',
    topic.notes ? item(words.notes, topic.notes) : '',
  ].filter(Boolean);
  return facts.join(' ');
}

/** The appendix: every touchpoint, by stage in the map's order, then those without a stage, with every field set; in the map's language by default. */
export function appendixHtml(doc: MapDoc, words: AppendixWords = mapWords(doc.map.locale).appendix): string {
  const touchpoints = touchpointsOf(doc);
  const competitors = doc.map.competitors;
  const groups: { name: string; topics: Topic[] }[] = doc.map.stages.map((stage) => ({ name: stage.name, topics: touchpoints.filter((t) => t.stageId === stage.id) }));
  const known = new Set(doc.map.stages.map((s) => s.id));
  groups.push({ name: words.noStage, topics: touchpoints.filter((t) => t.stageId === undefined || !known.has(t.stageId)) });
  const columns = 6 + competitors.length;
  const head =
    `<tr><th class="c-tp">${escapeXml(words.touchpoint)}</th><th class="c-ch">${escapeXml(words.channel)}</th>` +
    `<th class="num c-num">${escapeXml(words.importance)}</th><th class="num c-num">${escapeXml(words.score)}</th>` +
    competitors.map((c) => `<th class="num c-num">${escapeXml(c.name)}</th>`).join('') +
    `<th class="c-re">${escapeXml(words.reaction)}</th><th>${escapeXml(words.action)}</th></tr>`;
  const sections = groups
    .filter((g) => g.topics.length > 0)
    .map((g) => {
      const rows = g.topics
        .map((t) => {
          const more = moreFacts(doc, t, words);
          // One tbody per touchpoint: its fields row never parts from it at a page break.
          return (
            `<tbody${more ? ' class="has-more"' : ''}><tr><td>${escapeXml(t.label)}</td><td>${escapeXml(t.channel === 'online' ? words.online : t.channel === 'offline' ? words.offline : words.noChannel)}</td>` +
            `<td class="num">${t.importance ?? ''}</td><td class="num">${t.score ?? ''}</td>` +
            competitors.map((c) => `<td class="num">${competitorScoreOf(t, c.id) ?? ''}</td>`).join('') +
            `<td>${escapeXml(t.reaction ? words.reactions[t.reaction] : '')}</td><td>${actionCell(t, words)}</td></tr>` +
            (more ? `<tr class="more"><td colspan="${columns}">${more}</td></tr>` : '') +
            `</tbody>`
          );
        })
        .join('');
      return `<h2>${escapeXml(g.name)}</h2><table><thead>${head}</thead>${rows}</table>`;
    })
    .join('');
  return `<section class="appendix"><h1>${escapeXml(doc.map.title)} — ${escapeXml(words.heading)}</h1>${sections}</section>`;
}
