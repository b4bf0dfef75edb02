/**
 * What every reader of another tool's file yields: a neutral tree (outliners, mind maps, Markdown)
 * or tables (CSV, TSV, Excel) — never a half map. Turning either into touchpoints is a separate,
 * pure step (tree-plan.ts, table-plan.ts), so the preview can show and change every guess before
 * anything is written. What a reader could not bring along (images, attachments, relations) is
 * counted in `dropped`, so the preview says what was left out and why.
 */
import { countText, fill, wordsOf } from '../i18n/message-language';
import { IMPORT_WORDS, type ImportWords } from '../i18n/import-words';
import { MAX_LABEL_LENGTH, MAX_TEXT_LENGTH, MAX_TOPICS_PER_MAP } from '../limits';

/** The formats read here. `.touchmap` has its own reader (file-format.ts). */
export const IMPORT_FORMATS = ['xmind', 'freemind', 'opml', 'markdown', 'csv', 'tsv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A topic of the other tool's tree, as neutral as possible. */
export interface ImportNode {
  readonly label: string;
  readonly notes?: string;
  /** Markers and icons by their tool's id, e.g. `priority-1` (XMind), `full-3` (FreeMind), plus labels. */
  readonly markers?: readonly string[];
  /** Named values: Freeplane attributes, OPML outline attributes, Markdown facts ("importance 8"). */
  readonly attributes?: Readonly<Record<string, string>>;
  readonly children: readonly ImportNode[];
}

/** One tree: an XMind sheet, a FreeMind map, an OPML body, a Markdown file. */
export interface ImportSheet {
  readonly title: string;
  readonly root: ImportNode;
}

/** One table: rows of cells as text, the first row usually its header. */
export interface ImportTable {
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
}

/** Why something in the file did not come along. */
export const DROPPED_KINDS = ['image', 'attachment', 'relation', 'link', 'floating', 'emptyRow', 'formula', 'style'] as const;
export type DroppedKind = (typeof DROPPED_KINDS)[number];
export type Dropped = Readonly<Partial<Record<DroppedKind, number>>>;

export type ImportSource =
  | { readonly kind: 'tree'; readonly format: ImportFormat; readonly sheets: readonly ImportSheet[]; readonly dropped: Dropped }
  | { readonly kind: 'table'; readonly format: ImportFormat; readonly tables: readonly ImportTable[]; readonly dropped: Dropped };

/** A reader's answer: the source, or one sentence naming the problem (nothing was created). */
export type ReadResult = { readonly ok: true; readonly source: ImportSource } | { readonly ok: false; readonly problem: string };

/**
 * How deep an imported outline may nest. Lower than the .touchmap reader's MAX_TOPIC_DEPTH: the
 * other tools' trees are parsed by recursive parsers, and no real outline goes this deep.
 */
export const MAX_IMPORT_DEPTH = 200;
/** Nodes (or table rows) per file: a map's topic limit, so what is read can always be stored. */
export const MAX_IMPORT_NODES = MAX_TOPICS_PER_MAP;
/** Sheets (XMind) or worksheets (Excel) per file. */
export const MAX_IMPORT_SHEETS = 100;
/** Columns per table: far more than any touchpoint list, few enough for the mapping step. */
export const MAX_IMPORT_COLUMNS = 200;
export { MAX_LABEL_LENGTH, MAX_TEXT_LENGTH };

/** Thrown inside a reader to refuse the whole file; the reader turns it into `{ ok: false }`. */
export class ImportRefusal extends Error {}

/** The import's words in the current message language (shared/i18n/message-language.ts). */
export const importWords = (): ImportWords => wordsOf(IMPORT_WORDS);

/** Counts what the readers meet, refusing past the limits (nodes, depth, text lengths). */
export class NodeBudget {
  private count = 0;
  readonly dropped: Partial<Record<DroppedKind, number>> = {};

  /** A node at `depth` (the root is 0) with this label and notes; refuses past a limit. */
  take(depth: number, label: string, notes?: string): void {
    this.count += 1;
    if (this.count > MAX_IMPORT_NODES) throw new ImportRefusal(fill(importWords().tooManyTopics, { limit: countText(MAX_IMPORT_NODES) }));
    if (depth > MAX_IMPORT_DEPTH) throw new ImportRefusal(fill(importWords().tooDeepUnder, { limit: countText(MAX_IMPORT_DEPTH), label: short(label) }));
    if (label.length > MAX_LABEL_LENGTH) throw new ImportRefusal(fill(importWords().labelTooLong, { count: countText(label.length), label: short(label), limit: countText(MAX_LABEL_LENGTH) }));
    if (notes !== undefined && notes.length > MAX_TEXT_LENGTH) throw new ImportRefusal(fill(importWords().notesTooLong, { label: short(label), count: countText(notes.length), limit: countText(MAX_TEXT_LENGTH) }));
  }

  drop(kind: DroppedKind, count = 1): void {
    if (count > 0) this.dropped[kind] = (this.dropped[kind] ?? 0) + count;
  }
}

/** The first 40 characters of a label, for messages. */
export function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

/** Runs a reader, turning a refusal — or a parser's own error, or a stack overflow — into one sentence. */
export function readSafely(what: string, read: () => ImportSource): ReadResult {
  try {
    return { ok: true, source: read() };
  } catch (error) {
    if (error instanceof ImportRefusal) return { ok: false, problem: error.message };
    if (error instanceof RangeError) return { ok: false, problem: fill(importWords().nestedTooDeeply, { what }) };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: fill(importWords().couldNotRead, { what, reason: short(reason.split('\n')[0] ?? '') }) };
  }
}

/** Text with its line ends unified and surrounding space gone. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}
