/**
 * The map pages of a PDF, written directly: the page plan (planPages — fit, poster, fit page to
 * map; paper, orientation, margins) laid out as the print HTML lays it (pdf.ts), the drawing's
 * shapes painted once as a Form XObject every page shows through its own window (as each HTML
 * page `<use>`s one drawing), its words as real text on the pages they reach, and a poster's
 * trim marks and page labels in the margins.
 *
 * Units: the drawing in CSS px, pages in points (72 per inch, 96 CSS px per inch).
 */
import { CSS_PX_PER_IN, type PagePlan, type PageViewport } from '@shared/model/page-layout';
import type { SvgParts, TextRun } from '../../svg/svg-renderer';
import { posterMarkLines } from '../pdf';
import { reachOf } from '../print-labels';
import { colourOp, parseColour } from './pdf-colour';
import { num, PdfFile, ref, textString } from './pdf-file';
import { PdfFontSet, setLine, subsetTag } from './pdf-fonts';
import { AlphaStates, dashOp, paintShapes, SVG_STROKE_DEFAULTS } from './pdf-shapes';

const PT_PER_IN = 72;
const PT_PER_PX = PT_PER_IN / CSS_PX_PER_IN;

/** What the poster marks draw with (pdf.ts's marks): a grey, dashed, hairline-thin. */
export const MARK_COLOUR = '#868e96';
const MARK_WIDTH = 0.75;
const MARK_DASH = [3, 2];
/** The page label's size, CSS px, and the weight its glyphs are embedded at. */
export const MARK_FONT_SIZE = 8;
export const MARK_FONT_WEIGHT = 400;

export interface MapPdfInput {
  readonly parts: Pick<SvgParts, 'width' | 'height' | 'backgroundColor' | 'shapeItems' | 'runs' | 'lang'>;
  readonly plan: PagePlan;
  readonly title: string;
  /** The poster's page label ("Page {n} of {total} (row {row}, column {col})"); drawn when the map spans pages. */
  readonly pageLabel: string;
  readonly fonts: PdfFontSet;
}

/** A poster page's label, its placeholders filled. */
export function pageLabelText(label: string, index: number, total: number, page: Pick<PageViewport, 'row' | 'col'>): string {
  return label.replace('{n}', String(index + 1)).replace('{total}', String(total)).replace('{row}', String(page.row + 1)).replace('{col}', String(page.col + 1));
}

/** How much neighbouring poster pages repeat, in drawing px. */
function overlapOf(plan: PagePlan): number {
  const [a, b] = plan.pages;
  if (!a || !b) return 0;
  return a.row === b.row ? a.width - (b.x - a.x) : 0;
}

/**
 * Writes the PDF of a map's pages.
 * @example const bytes = await writeMapPdf({ parts, plan, title: doc.map.title, pageLabel: words.page, fonts });
 */
export async function writeMapPdf(input: MapPdfInput): Promise<Uint8Array> {
  const { parts, plan, fonts } = input;
  const file = new PdfFile();
  const catalog = file.reserve();
  const pagesNode = file.reserve();
  const fontObjects = new Map<string, number>();
  const fontRefs = () => `/Font << ${[...fontObjects].map(([name, n]) => `/${name} ${ref(n)}`).join(' ')} >>`;

  // The drawing's shapes, once.
  const alpha = new AlphaStates();
  const shapeOps: string[] = [SVG_STROKE_DEFAULTS];
  for (const item of parts.shapeItems) paintShapes(item.draws, shapeOps, alpha);
  const W = parts.width;
  const H = parts.height;
  const drawing = file.add(
    file.stream(`/Type /XObject /Subtype /Form /BBox [${num(-W)} ${num(-H)} ${num(2 * W)} ${num(2 * H)}] /Resources << ${alpha.resources()} >>`, shapeOps.join('')),
  );

  const pageWpt = plan.pageWidthIn * PT_PER_IN;
  const pageHpt = plan.pageHeightIn * PT_PER_IN;
  const margin = plan.marginIn * PT_PER_IN;
  const areaW = pageWpt - 2 * margin;
  const areaH = pageHpt - 2 * margin;
  const background = parseColour(parts.backgroundColor ?? '#ffffff');
  const poster = plan.pages.length > 1;
  const overlapPt = poster ? overlapOf(plan) * plan.scale * PT_PER_PX : 0;
  const textAlpha = new AlphaStates();

  const pageContents = plan.pages.map((page, index) => {
    const sx = areaW / page.width;
    const sy = areaH / page.height;
    const ops: string[] = [];
    if (background) ops.push(`${colourOp(background, false)}\n0 0 ${num(pageWpt)} ${num(pageHpt)} re f\n`);
    // The printable area: clipped, and the drawing's view scaled into it (y down, as the drawing is).
    ops.push(`q\n${num(margin)} ${num(margin)} ${num(areaW)} ${num(areaH)} re W n\n`);
    ops.push(`${num(sx)} 0 0 ${num(-sy)} ${num(margin - page.x * sx)} ${num(pageHpt - margin + page.y * sy)} cm\n/Map Do\n`);
    const covers = page.x <= 0 && page.y <= 0 && page.x + page.width >= W && page.y + page.height >= H;
    for (const run of parts.runs) {
      if (!covers && !overlaps(reachOf(run), page)) continue;
      const text = runOps(run, fonts, textAlpha);
      if (text) ops.push(text);
    }
    ops.push('Q\n');
    if (poster) ops.push(posterMarks(plan, index, overlapPt, input.pageLabel, fonts, textAlpha));
    return ops.join('');
  });

  // Fonts are written after the pages: only then is it known which glyphs were drawn.
  fonts.fonts.forEach((font, i) => fontObjects.set(font.name, font.write(file, subsetTag(i))));
  const resources = `<< /XObject << /Map ${ref(drawing)} >> ${fontRefs()} ${textAlpha.resources()} >>`;
  const resourcesObj = file.add(resources);
  const kids = pageContents.map((content) => {
    const stream = file.add(file.stream('', content));
    return file.add(`<< /Type /Page /Parent ${ref(pagesNode)} /MediaBox [0 0 ${num(pageWpt)} ${num(pageHpt)}] /Resources ${ref(resourcesObj)} /Contents ${ref(stream)} >>`);
  });
  file.set(pagesNode, `<< /Type /Pages /Kids [${kids.map(ref).join(' ')}] /Count ${kids.length} >>`);
  file.set(catalog, `<< /Type /Catalog /Pages ${ref(pagesNode)} /Lang ${textString(parts.lang)} /ViewerPreferences << /DisplayDocTitle true >> >>`);
  const info = file.add(`<< /Title ${textString(input.title)} /Producer ${textString('Touchmap')} /Creator ${textString('Touchmap')} >>`);
  return file.finish(catalog, info);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A text run as a text object in the drawing's y-down space: the text matrix flips the glyphs upright. */
function runOps(run: TextRun, fonts: PdfFontSet, alpha: AlphaStates): string {
  const line = setLine(run.text, run.weight, fonts);
  const colour = parseColour(run.fill);
  if (!line || !colour) return '';
  const advance = (line.width / 1000) * run.size;
  const x = run.anchor === 'middle' ? run.x - advance / 2 : run.anchor === 'end' ? run.x - advance : run.x;
  const gs = colour.a < 1 ? `/${alpha.nameFor(colour.a, false)} gs ` : '';
  return `q ${gs}BT ${colourOp(colour, false)} ${num(run.size)} 0 0 ${num(-run.size)} ${num(x)} ${num(run.y)} Tm ${line.ops} ET Q\n`;
}

/**
 * A poster page's marks (pdf.ts posterMarks): dashed ticks in the margins where the neighbour's
 * part begins, crop marks at the printable area's corners, and the page's place in the grid.
 */
function posterMarks(plan: PagePlan, index: number, overlapPt: number, label: string, fonts: PdfFontSet, alpha: AlphaStates): string {
  const page = plan.pages[index];
  if (!page) return '';
  const colour = parseColour(MARK_COLOUR);
  if (!colour) return '';
  // Drawn in the page's CSS px, y down, as the HTML's marks are.
  const W = plan.pageWidthIn * CSS_PX_PER_IN;
  const H = plan.pageHeightIn * CSS_PX_PER_IN;
  const m = plan.marginIn * CSS_PX_PER_IN;
  const overlap = overlapPt / PT_PER_PX;
  let path = '';
  for (const [x1, y1, x2, y2] of posterMarkLines(plan, page, W, H, m, overlap)) path += `${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l\n`;
  let ops = `q ${num(PT_PER_PX)} 0 0 ${num(-PT_PER_PX)} 0 ${num(H * PT_PER_PX)} cm\n${colourOp(colour, true)} ${MARK_WIDTH} w 0 J 0 j 4 M ${dashOp(MARK_DASH)}\n${path}S\n`;
  if (m >= 12) {
    const text = pageLabelText(label, index, plan.pages.length, page);
    ops += runOps({ x: m, y: H - m / 2 + 3, text, size: MARK_FONT_SIZE, weight: MARK_FONT_WEIGHT, fill: MARK_COLOUR, anchor: 'start' }, fonts, alpha);
  }
  return `${ops}Q\n`;
}
