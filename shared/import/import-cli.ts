/**
 * `npm run import -- notes.xmind --out notes.touchmap`: the command line's options, messages and
 * the import itself, pure — scripts/import.mjs only reads and writes the files. Tables get their
 * columns guessed from the header; trees follow `--stages`.
 */
import { serializeTouchmapFile } from '../file-format';
import type { IdMaker } from '../model/ids';
import type { MapDoc } from '../model/types';
import { PRESET_IDS, type PresetId } from '../templates/presets';
import { buildMapFromPlan } from './build-map';
import { planTree, plannedTopicCount, type ImportPlan, type MarkerScores, type TreeStructure } from './plan';
import { fileTitle, readImportFile } from './read-import';
import type { DroppedKind } from './source';
import { guessColumns, planTable } from './table-plan';
import { CLI_WORDS, type CliWords } from '../i18n/cli-words';
import { isUiLanguage, UI_LANGUAGES } from '../i18n/languages';
import { fill, wordsOf } from '../i18n/message-language';

/** scripts/import.mjs sets its message language through this module, the one it bundles. */
export { cliMessageLanguage, setMessageLanguage } from '../i18n/message-language';

const cliWords = (): CliWords => wordsOf(CLI_WORDS);

/** What an import left out, by the word table's key. */
const DROPPED_WORDS: Readonly<Record<DroppedKind, keyof CliWords>> = {
  image: 'droppedImage',
  attachment: 'droppedAttachment',
  relation: 'droppedRelation',
  link: 'droppedLink',
  floating: 'droppedFloating',
  emptyRow: 'droppedEmptyRow',
  formula: 'droppedFormula',
  style: 'droppedStyle',
};

/** One of the command line's sentences, filled: for scripts/import.mjs. */
export const cliText = (key: keyof CliWords, vars?: Readonly<Record<string, string | number>>): string => fill(cliWords()[key], vars);

export interface ImportCliOptions {
  readonly file: string;
  readonly out?: string;
  readonly force: boolean;
  readonly stages: TreeStructure;
  readonly stage?: string;
  readonly preset: PresetId;
  readonly markers: MarkerScores;
  /** 1-based sheet, or all (trees: one map each; tables: the first). */
  readonly sheet?: number;
}

export type ParsedArgs = { readonly ok: true; readonly help: boolean; readonly options: ImportCliOptions } | { readonly ok: false; readonly error: string };

export function importUsage(): string {
  return [
    'Usage: npm run import -- <file> [--out <file.touchmap>] [--force] [--stages auto|first-level|none]',
    '         [--stage <name>] [--preset customer-journey|buying-decision|relationship|before-during-after]',
    '         [--markers importance|score|none] [--sheet <n>] [--lang en|ru|ko|ja]',
    'Reads XMind (.xmind), FreeMind/Freeplane (.mm), OPML, Markdown (.md), CSV/TSV and Excel (.xlsx)',
    'files into a .touchmap file of new maps (one per sheet). An existing file is replaced only with --force.',
    '  --stages auto         sort touchpoints into the preset\'s stages and online/offline by their words (default)',
    '  --stages first-level  the first level of the tree are stages, the next their touchpoints',
    '  --stages none         the first level are touchpoints, in --stage <name> or in none',
  ].join('\n');
}

const VALUES: Readonly<Record<string, readonly string[]>> = {
  '--stages': ['auto', 'first-level', 'none'],
  '--markers': ['importance', 'score', 'none'],
  '--preset': PRESET_IDS,
  '--lang': UI_LANGUAGES,
};

/** @example parseImportArgs(['notes.xmind', '--out', 'notes.touchmap']) */
export function parseImportArgs(argv: readonly string[]): ParsedArgs {
  let file: string | undefined;
  const o: Record<string, string> = {};
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return { ok: true, help: true, options: { file: '', force: false, stages: 'auto', preset: 'customer-journey', markers: 'none' } };
    if (arg === '--force') force = true;
    else if (['--out', '--stages', '--stage', '--preset', '--markers', '--sheet', '--lang'].includes(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, error: fill(cliWords().needsValue, { flag: arg }) };
      const allowed = VALUES[arg];
      if (allowed && !allowed.includes(value)) return { ok: false, error: fill(cliWords().giveOneOf, { flag: arg, value, list: allowed.join(', ') }) };
      o[arg] = value;
      i += 1;
    } else if (arg.startsWith('--lang=') && isUiLanguage(arg.slice('--lang='.length))) continue;
    else if (arg.startsWith('-')) return { ok: false, error: fill(cliWords().unknownOption, { option: arg }) };
    else if (file === undefined) file = arg;
    else return { ok: false, error: fill(cliWords().oneFileAtATime, { first: file, second: arg }) };
  }
  if (file === undefined) return { ok: false, error: cliWords().nameTheFile };
  const sheet = o['--sheet'] === undefined ? undefined : Number(o['--sheet']);
  if (sheet !== undefined && (!Number.isInteger(sheet) || sheet < 1)) return { ok: false, error: fill(cliWords().sheetNumber, { value: o['--sheet'] ?? '' }) };
  return {
    ok: true,
    help: false,
    options: {
      file,
      force,
      stages: (o['--stages'] ?? 'auto') as TreeStructure,
      preset: (o['--preset'] ?? 'customer-journey') as PresetId,
      markers: (o['--markers'] ?? 'importance') as MarkerScores,
      ...(o['--out'] !== undefined && { out: o['--out'] }),
      ...(o['--stage'] !== undefined && { stage: o['--stage'] }),
      ...(sheet !== undefined && { sheet }),
    },
  };
}

export type CliImportResult = { readonly ok: true; readonly text: string; readonly docs: readonly MapDoc[]; readonly report: string; readonly suggestedName: string } | { readonly ok: false; readonly problem: string };

/**
 * Reads, plans and builds, giving the .touchmap text and a report of what came in.
 * @example runImport(bytes, 'notes.xmind', options, { newId, now: new Date().toISOString() })
 */
export function runImport(bytes: Uint8Array, name: string, options: ImportCliOptions, deps: { readonly newId: IdMaker; readonly now: string }): CliImportResult {
  const read = readImportFile(bytes, name);
  if (!read.ok) return { ok: false, problem: `${name}: ${read.problem}` };
  const source = read.source;
  const count = source.kind === 'tree' ? source.sheets.length : source.tables.length;
  if (options.sheet !== undefined && options.sheet > count) return { ok: false, problem: fill(cliWords().noSuchSheet, { name, count, n: options.sheet }) };
  let plans: ImportPlan[];
  if (source.kind === 'tree') {
    const sheets = options.sheet === undefined ? source.sheets : [source.sheets[options.sheet - 1]!];
    plans = sheets.map((sheet, i) => planTree(sheet, { structure: options.stages, preset: options.preset, markers: options.markers, ...(options.stage !== undefined && { stage: options.stage }) }, i === 0 ? source.dropped : {}));
  } else {
    const table = source.tables[(options.sheet ?? 1) - 1]!;
    plans = [planTable(table, guessColumns(table.rows[0] ?? [], table.rows.slice(1, 50)), {}, source.dropped)];
    if (!plans[0]!.touchpoints.length) return { ok: false, problem: fill(cliWords().noLabelColumn, { name }) };
  }
  const docs: MapDoc[] = [];
  for (const plan of plans) {
    const built = buildMapFromPlan(plan, deps);
    if (!built.ok) return { ok: false, problem: `${name}: ${built.problem}` };
    docs.push(built.doc);
  }
  const lines = plans.map((p) => fill(cliWords().reportLine, { title: p.title, touchpoints: p.touchpoints.length, details: plannedTopicCount(p) - p.touchpoints.length, stages: p.stages.length }));
  const dropped = Object.entries(source.dropped).map(([kind, count]) => fill(cliWords()[DROPPED_WORDS[kind as DroppedKind]], { count }));
  const notes = plans.flatMap((p) => p.notes);
  const report = [...lines, ...(dropped.length > 0 ? [fill(cliWords().leftOut, { list: dropped.join(cliWords().listSeparator) })] : []), ...notes].join('\n');
  return { ok: true, text: serializeTouchmapFile(docs, deps.now), docs, report, suggestedName: `${fileTitle(name)}.touchmap` };
}
