/**
 * CSV and TSV tables through papaparse: the delimiter is guessed for CSV (comma, semicolon — the
 * usual one where the decimal mark is a comma — tab…), quotes and line breaks in cells are
 * honoured. Rows past the node limit refuse the file before they are all kept.
 */
import { countText, fill } from '../i18n/message-language';
import Papa from 'papaparse';
import { ImportRefusal, MAX_IMPORT_COLUMNS, MAX_IMPORT_NODES, MAX_TEXT_LENGTH, readSafely, type ImportTable, type ReadResult , importWords } from './source';

/** @example readDelimited('Stage,Touchpoint\nAwareness,Flyer\n', 'Plan.csv', 'csv') */
export function readDelimited(text: string, name: string, format: 'csv' | 'tsv'): ReadResult {
  const what = format === 'tsv' ? importWords().whatTsv : importWords().whatCsv;
  return readSafely(what, () => {
    const parsed = Papa.parse<string[]>(text, {
      delimiter: format === 'tsv' ? '\t' : '',
      delimitersToGuess: [',', ';', '\t', '|'],
      skipEmptyLines: 'greedy',
      preview: MAX_IMPORT_NODES + 2,
    });
    const rows = parsed.data;
    if (rows.length > MAX_IMPORT_NODES + 1) throw new ImportRefusal(fill(importWords().tooManyRowsSplit, { limit: countText(MAX_IMPORT_NODES) }));
    return { kind: 'table', format, tables: [checkTable({ name, rows })], dropped: {} };
  });
}

/** Refuses an empty table, too many columns, or a cell longer than a text field may be. */
export function checkTable(table: ImportTable): ImportTable {
  const rows = table.rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) throw new ImportRefusal(table.name ? fill(importWords().tableNamedEmpty, { name: table.name }) : importWords().tableEmpty);
  const width = Math.max(...rows.map((r) => r.length));
  if (width > MAX_IMPORT_COLUMNS) throw new ImportRefusal(fill(importWords().tooManyColumns, { count: width, limit: MAX_IMPORT_COLUMNS }));
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.length > MAX_TEXT_LENGTH) throw new ImportRefusal(fill(importWords().cellTooLong, { row: r + 1, column: c + 1, count: countText(cell.length), limit: countText(MAX_TEXT_LENGTH) }));
    }),
  );
  return { name: table.name, rows: rows.map((row) => row.map((cell) => cell.replace(/\r\n?/g, '\n').trim())) };
}
