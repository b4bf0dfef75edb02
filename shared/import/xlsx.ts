/**
 * Excel workbooks (`.xlsx`): a zip of XML parts, read with the same bounded unzip and XML setup as
 * XMind rather than a full spreadsheet library, so a hostile workbook meets the same limits before
 * anything is inflated. Every worksheet becomes a table of the cells' shown values: shared and
 * inline strings, numbers, booleans, a formula's cached result, and dates as YYYY-MM-DD.
 */
import { countText, fill } from '../i18n/message-language';
import { readZip, utf8 } from './zip';
import { attr, child, list, parseXml, textOf } from './xml';
import { ImportRefusal, MAX_IMPORT_COLUMNS, MAX_IMPORT_NODES, MAX_IMPORT_SHEETS, NodeBudget, readSafely, type ImportTable, type ReadResult , importWords } from './source';
import { checkTable } from './csv';

/** What the reader reads, for its messages, in the message language. */
const whatItIs = (): string => importWords().whatXlsx;
type Xml = Record<string, unknown>;

/** @example readXlsx(bytes) // { ok: true, source: { kind: 'table', tables: [{ name: 'Sheet1', rows }] } } */
export function readXlsx(bytes: Uint8Array): ReadResult {
  return readSafely(whatItIs(), () => {
    const zip = readZip(bytes, (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/sharedStrings.xml' || name === 'xl/styles.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(name), whatItIs());
    const workbook = zip.files['xl/workbook.xml'];
    if (!workbook) throw new ImportRefusal(importWords().xlsxNoWorkbook);
    const budget = new NodeBudget();
    budget.drop('image', zip.names.filter((n) => n.startsWith('xl/media/')).length);
    const strings = sharedStrings(zip.files['xl/sharedStrings.xml']);
    const dates = dateStyles(zip.files['xl/styles.xml']);
    const targets = relationships(zip.files['xl/_rels/workbook.xml.rels']);
    const sheets = list(child(child(parseXml(utf8(workbook), ['sheet'], whatItIs()), 'workbook'), 'sheets')?.sheet);
    if (sheets.length > MAX_IMPORT_SHEETS) throw new ImportRefusal(fill(importWords().tooManyWorksheets, { count: sheets.length, limit: MAX_IMPORT_SHEETS }));
    let totalRows = 0;
    const tables: ImportTable[] = [];
    sheets.forEach((sheet, i) => {
      const name = attr(sheet, 'name') ?? `Sheet${i + 1}`;
      const target = targets.get(attr(sheet, 'id') ?? '') ?? `worksheets/sheet${i + 1}.xml`;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      const part = zip.files[path];
      if (!part) return;
      const rows = sheetRows(utf8(part), strings, dates, budget);
      totalRows += rows.length;
      if (totalRows > MAX_IMPORT_NODES + sheets.length) throw new ImportRefusal(fill(importWords().tooManyRows, { limit: countText(MAX_IMPORT_NODES) }));
      if (rows.some((r) => r.some((c) => c !== ''))) tables.push(checkTable({ name, rows }));
    });
    if (tables.length === 0) throw new ImportRefusal(importWords().worksheetsEmpty);
    return { kind: 'table', format: 'xlsx', tables, dropped: budget.dropped };
  });
}

function relationships(part: Uint8Array | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!part) return out;
  for (const rel of list(child(parseXml(utf8(part), ['Relationship'], whatItIs()), 'Relationships')?.Relationship)) {
    const id = attr(rel, 'Id');
    const target = attr(rel, 'Target');
    if (id && target) out.set(id, target);
  }
  return out;
}

function sharedStrings(part: Uint8Array | undefined): string[] {
  if (!part) return [];
  const sst = child(parseXml(utf8(part), ['si', 'r'], whatItIs()), 'sst');
  return list(sst?.si).map((si) => {
    const own = (si as Xml).t;
    if (own !== undefined) return textOf(own);
    return list((si as Xml).r).map((r) => textOf((r as Xml).t)).join('');
  });
}

/** Excel's built-in number formats that show a date. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Which cell styles (by index) show their number as a date. */
function dateStyles(part: Uint8Array | undefined): Set<number> {
  const out = new Set<number>();
  if (!part) return out;
  const styles = child(parseXml(utf8(part), ['numFmt', 'xf'], whatItIs()), 'styleSheet');
  const custom = new Set(
    list(child(styles, 'numFmts')?.numFmt)
      .filter((f) => /[dy]/i.test((attr(f, 'formatCode') ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '')))
      .map((f) => Number(attr(f, 'numFmtId'))),
  );
  list(child(styles, 'cellXfs')?.xf).forEach((xf, i) => {
    const id = Number(attr(xf, 'numFmtId') ?? 0);
    if (BUILTIN_DATE_FORMATS.has(id) || custom.has(id)) out.add(i);
  });
  return out;
}

/** "C12" → column index 2. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** An Excel day number (1900 system) as YYYY-MM-DD. */
function excelDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

function sheetRows(text: string, strings: readonly string[], dates: ReadonlySet<number>, budget: NodeBudget): string[][] {
  const sheet = child(parseXml(text, ['row', 'c'], whatItIs()), 'worksheet');
  const rows: string[][] = [];
  const xmlRows = list(child(sheet, 'sheetData')?.row);
  if (xmlRows.length > MAX_IMPORT_NODES + 1) throw new ImportRefusal(fill(importWords().worksheetTooManyRows, { limit: countText(MAX_IMPORT_NODES) }));
  for (const row of xmlRows) {
    const index = Number(attr(row, 'r') ?? rows.length + 1) - 1;
    if (!Number.isInteger(index) || index < 0 || index > MAX_IMPORT_NODES + 1) continue;
    // Empty rows between filled ones are kept empty, so row numbers match what Excel shows.
    while (rows.length < index) rows.push([]);
    const cells: string[] = [];
    list((row as Xml).c).forEach((c, at) => {
      const ref = attr(c, 'r');
      const col = ref ? columnIndex(ref) : at;
      if (col < 0 || col >= MAX_IMPORT_COLUMNS) return;
      while (cells.length < col) cells.push('');
      cells[col] = cellValue(c as Xml, strings, dates, budget);
    });
    rows[index] = cells;
  }
  return rows;
}

function cellValue(c: Xml, strings: readonly string[], dates: ReadonlySet<number>, budget: NodeBudget): string {
  const type = attr(c, 't');
  const v = textOf(c.v);
  if (c.f !== undefined && v === '') budget.drop('formula');
  if (type === 's') return strings[Number(v)] ?? '';
  if (type === 'inlineStr') {
    const is = child(c, 'is');
    return is?.t !== undefined ? textOf(is.t) : list(is?.r).map((r) => textOf((r as Xml).t)).join('');
  }
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  if ((type === undefined || type === 'n') && v !== '' && dates.has(Number(attr(c, 's') ?? -1))) return excelDate(Number(v));
  return v;
}
