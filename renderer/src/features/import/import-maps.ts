/**
 * Importing a `.touchmap` file into the library (FILE-FORMAT.md, "Reading a file"), without any UI:
 * parse and validate → give maps whose id is taken fresh ids → store every map in one transaction.
 * The whole file comes in or none of it does, and nothing already in the library ever changes
 * (the repository only adds; `remapForImport` makes colliding maps new maps).
 *
 * The repository and the id maker are parameters so the unit tests run it against a fake
 * IndexedDB with predictable ids; `import-flow.ts` wires it to the app's library.
 */
import { MAX_FILE_BYTES, parseTouchmapFile, remapForImport } from '@shared/file-format';
import type { IdMaker } from '@shared/model/ids';
import { trimEndDotsAndSpaces } from '@shared/plain-text';
import type { MapDoc, MapId } from '@shared/model/types';
import type { MapRepository } from '../../db';
import { t, type MessageKey } from '../../i18n';
import { distinctTitle, importDay, titleKey } from './imported-title';

/** A file to import: its name (for messages), its text, and its size on disk when known. */
export interface TouchmapFileInput {
  readonly name: string;
  readonly text: string;
  /** Bytes on disk. Without it the text is measured. */
  readonly sizeBytes?: number;
}

export interface ImportDeps {
  readonly repository: Pick<MapRepository, 'listMaps' | 'mapIds' | 'saveDocs'>;
  readonly newId: IdMaker;
  /** The moment of the import, for the title of a map whose title is taken; the clock when left out. */
  readonly now?: () => Date;
  /** The locale the import day is written in; the UI's own when left out. */
  readonly locale?: string;
}

/** One map that came in. */
export interface ImportedMap {
  readonly id: MapId;
  readonly title: string;
  /** True when its id was taken, so it came in as a new copy with fresh ids. */
  readonly renamedIds: boolean;
  /** The title the file gave it, when that title was taken and the map came in under another. */
  readonly fileTitle?: string;
}

/**
 * What an import did: the maps stored, or why the whole file was refused (and nothing changed) —
 * `problem` for people, `details` the technical text behind the notice's "Details".
 */
export type ImportOutcome =
  | { readonly ok: true; readonly name: string; readonly maps: readonly ImportedMap[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly name: string; readonly problem: string; readonly details?: string; readonly path?: string };

/** The extensions a Touchmap file may have: its own, and `.json` (a mail client may rename it). */
const TOUCHMAP_NAME = /\.(touchmap|json)$/i;

/**
 * Whether a file's name says it may be a Touchmap file. Checked before reading a dropped file, so a
 * photo dropped by mistake gets "not a .touchmap file" rather than a JSON parser's complaint.
 * @example isTouchmapFileName('Clinic.TOUCHMAP') // true
 */
export function isTouchmapFileName(name: string): boolean {
  return TOUCHMAP_NAME.test(name);
}

/**
 * Whether a file of this size may be read at all. Checked before reading: reading a huge file is
 * what costs the memory the limit protects.
 * @example isWithinSizeLimit(file.size)
 */
export function isWithinSizeLimit(sizeBytes: number): boolean {
  return sizeBytes <= MAX_FILE_BYTES;
}

/**
 * Imports one `.touchmap` file as new maps. Never throws for a bad file: the outcome says what
 * was wrong in the map's own names (e.g. `Map "Clinic": touchpoint "Site" has our score 14; …`),
 * with the exact path as details, and the library is as it was. A map whose title is already in
 * the library comes in under a title that tells the two apart.
 *
 * @example
 * const outcome = await importTouchmap({ name: file.name, text, sizeBytes: file.size }, { repository: library(), newId });
 * if (outcome.ok) navigate({ screen: 'editor', mapId: outcome.maps[0].id });
 */
export async function importTouchmap(file: TouchmapFileInput, deps: ImportDeps): Promise<ImportOutcome> {
  const { name } = file;
  const parsed = parseTouchmapFile(file.text, file.sizeBytes === undefined ? {} : { sizeBytes: file.sizeBytes });
  if (!parsed.ok) return { ok: false, name, problem: parsed.error, details: parsed.details, ...(parsed.path !== undefined && { path: parsed.path }) };

  try {
    const existing = await deps.repository.listMaps();
    // Ids of maps in Trash are taken too: a map coming back from a backup never lands on one.
    const remapped = remapForImport(parsed.docs, { mapIds: await deps.repository.mapIds() }, deps.newId);
    const docs = withDistinctTitles(remapped, existing, importDay((deps.now ?? (() => new Date()))(), deps.locale));
    await deps.repository.saveDocs(docs);
    const maps = docs.map((doc, i): ImportedMap => {
      const fileTitle = parsed.docs[i]?.map.title ?? doc.map.title;
      return { id: doc.map.id, title: doc.map.title, renamedIds: doc.map.id !== parsed.docs[i]?.map.id, ...(fileTitle !== doc.map.title && { fileTitle }) };
    });
    return { ok: true, name, maps, warnings: parsed.warnings };
  } catch (error) {
    // The repository writes in one transaction, so a failed write left the library untouched.
    const reason = withoutEndStop((error as Error).message);
    return { ok: false, name, problem: t('import.storeFailed', { reason }), details: reason };
  }
}

/** Maps whose title is in the library, or earlier in the same file, get one that tells them apart. */
export function withDistinctTitles(docs: readonly MapDoc[], existing: readonly { readonly title: string }[], day: string): MapDoc[] {
  const taken = new Set(existing.map((m) => titleKey(m.title)));
  return docs.map((doc) => {
    const title = distinctTitle(doc.map.title, taken, day);
    taken.add(titleKey(title));
    return title === doc.map.title ? doc : { ...doc, map: { ...doc.map, title } };
  });
}

/**
 * The outcome of a file that was refused before it was read (oversized, or not a Touchmap file by
 * its name), worded as the reader words it; a wrong kind of file is named by what it looks like.
 * @example refuseUnread({ name: 'photo.png', sizeBytes: 10 }) // { ok: false, problem: 'This is not a Touchmap map: by its name, it is an image. …' }
 */
export function refuseUnread(file: { readonly name: string; readonly sizeBytes: number }): ImportOutcome {
  const notTouchmap = (): ImportOutcome => ({
    ok: false,
    name: file.name,
    problem: t('import.notTouchmap', { what: t(lookalikeByName(file.name)) }),
    details: t('import.notTouchmap.details', { name: JSON.stringify(file.name) }),
  });
  if (!isTouchmapFileName(file.name)) return notTouchmap();
  // The reader checks the size before anything else, so an empty text with the real size gets
  // its refusal — the same words whichever way the file came in.
  const parsed = parseTouchmapFile('', { sizeBytes: file.sizeBytes });
  return parsed.ok ? notTouchmap() : { ok: false, name: file.name, problem: parsed.error, details: parsed.details };
}

/** What a file most likely is, by the end of its name (it is refused before it is read). */
const LOOKALIKES: readonly (readonly [RegExp, MessageKey])[] = [
  [/\.(png|jpe?g|gif|webp|bmp|tiff?|heic|svg)$/i, 'import.looksLike.image'],
  [/\.pdf$/i, 'import.looksLike.pdf'],
  [/\.(csv|tsv)$/i, 'import.looksLike.csv'],
  [/\.(md|markdown)$/i, 'import.looksLike.markdown'],
  [/\.(xmind|mm|mmap|opml|miro|drawio)$/i, 'import.looksLike.mindMap'],
  [/\.(docx?|xlsx?|pptx?|odt|ods|odp|pages|numbers|key|rtf)$/i, 'import.looksLike.office'],
  [/\.(zip|rar|7z|gz|tar)$/i, 'import.looksLike.archive'],
  [/\.txt$/i, 'import.looksLike.text'],
];

function lookalikeByName(name: string): MessageKey {
  return LOOKALIKES.find(([pattern]) => pattern.test(name))?.[1] ?? 'import.looksLike.other';
}

/** How many warnings a notice lists before it says "and N more": a notice is one glance. */
const WARNINGS_SHOWN = 2;

/**
 * The notice for one or more import outcomes: what came in, or what was refused and why.
 * @example describeImports([outcome]) // 'Imported “Clinic — new patients”.'
 */
export function describeImports(outcomes: readonly ImportOutcome[]): string {
  const maps = outcomes.flatMap((o) => (o.ok ? o.maps : []));
  const warnings = outcomes.flatMap((o) => (o.ok ? o.warnings : []));
  const parts: string[] = [];
  if (maps.length === 1) {
    const [only] = maps as [ImportedMap];
    parts.push(t(only.renamedIds ? 'import.done.oneCopy' : 'import.done.one', { title: only.title }));
  } else if (maps.length > 1) {
    const copies = maps.filter((m) => m.renamedIds).length;
    parts.push(t('import.done.many', { count: maps.length }) + (copies > 0 ? ` ${t('import.done.copies', { count: copies })}` : ''));
  }
  if (warnings.length > 0) {
    const shown = warnings.slice(0, WARNINGS_SHOWN).join('; ');
    const more = warnings.length > WARNINGS_SHOWN ? ` ${t('import.warnings.more', { count: warnings.length - WARNINGS_SHOWN })}` : '';
    parts.push(t('import.warnings', { warnings: shown + more }));
  }
  for (const o of outcomes) {
    if (!o.ok) parts.push(t('import.refused', { name: o.name, problem: o.problem }));
  }
  return parts.join(' ');
}

/**
 * The technical text behind the notice's "Details": for each refused file, its name and the
 * reader's exact words (path and rule, or the JSON parser's message). Undefined when none has any.
 * @example describeImportDetails([refused]) // 'score.touchmap: maps[0].topics[12].score: 14 is not 0–10'
 */
export function describeImportDetails(outcomes: readonly ImportOutcome[]): string | undefined {
  const lines = outcomes.flatMap((o) => (!o.ok && o.details !== undefined ? [t('import.details.file', { name: o.name, details: o.details })] : []));
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** Messages are joined into sentences, so one that already ends a sentence must not get a second stop. */
function withoutEndStop(text: string): string {
  return trimEndDotsAndSpaces(text);
}
