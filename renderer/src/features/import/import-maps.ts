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
import type { IdPrefix } from '@shared/model/ids';
import type { MapId } from '@shared/model/types';
import type { MapRepository } from '../../db';
import { t } from '../../i18n';

/** A file to import: its name (for messages), its text, and its size on disk when known. */
export interface TouchmapFileInput {
  readonly name: string;
  readonly text: string;
  /** Bytes on disk. Without it the text is measured. */
  readonly sizeBytes?: number;
}

export interface ImportDeps {
  readonly repository: Pick<MapRepository, 'listMaps' | 'saveDocs'>;
  readonly newId: (prefix: IdPrefix) => string;
}

/** One map that came in. */
export interface ImportedMap {
  readonly id: MapId;
  readonly title: string;
  /** True when its id was taken, so it came in as a new copy with fresh ids. */
  readonly renamedIds: boolean;
}

/** What an import did: the maps stored, or why the whole file was refused (and nothing changed). */
export type ImportOutcome =
  | { readonly ok: true; readonly name: string; readonly maps: readonly ImportedMap[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly name: string; readonly problem: string; readonly path?: string };

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
 * was wrong and where (e.g. `maps[0].topics[12].score: 14 is not 0–10`), and the library is as it was.
 *
 * @example
 * const outcome = await importTouchmap({ name: file.name, text, sizeBytes: file.size }, { repository: library(), newId });
 * if (outcome.ok) navigate({ screen: 'editor', mapId: outcome.maps[0].id });
 */
export async function importTouchmap(file: TouchmapFileInput, deps: ImportDeps): Promise<ImportOutcome> {
  const { name } = file;
  const parsed = parseTouchmapFile(file.text, file.sizeBytes === undefined ? {} : { sizeBytes: file.sizeBytes });
  if (!parsed.ok) return { ok: false, name, problem: parsed.error, ...(parsed.path !== undefined && { path: parsed.path }) };

  try {
    const existing = new Set((await deps.repository.listMaps()).map((m) => m.id));
    const docs = remapForImport(parsed.docs, { mapIds: existing }, deps.newId);
    await deps.repository.saveDocs(docs);
    const maps = docs.map((doc, i) => ({ id: doc.map.id, title: doc.map.title, renamedIds: doc.map.id !== parsed.docs[i]?.map.id }));
    return { ok: true, name, maps, warnings: parsed.warnings };
  } catch (error) {
    // The repository writes in one transaction, so a failed write left the library untouched.
    return { ok: false, name, problem: t('import.storeFailed', { reason: withoutEndStop((error as Error).message) }) };
  }
}

/**
 * The outcome of a file that was refused before it was read (oversized, or not a Touchmap file by
 * its name), worded as the reader words it.
 * @example refuseUnread({ name: 'photo.png', sizeBytes: 10 }) // { ok: false, problem: 'it is not a .touchmap file …' }
 */
export function refuseUnread(file: { readonly name: string; readonly sizeBytes: number }): ImportOutcome {
  if (!isTouchmapFileName(file.name)) return { ok: false, name: file.name, problem: t('import.notTouchmap') };
  // The reader checks the size before anything else, so an empty text with the real size gets
  // its refusal — the same words whichever way the file came in.
  const parsed = parseTouchmapFile('', { sizeBytes: file.sizeBytes });
  return { ok: false, name: file.name, problem: parsed.ok ? t('import.notTouchmap') : parsed.error };
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
    if (!o.ok) parts.push(t('import.refused', { name: o.name, problem: withoutEndStop(o.problem) }));
  }
  return parts.join(' ');
}

/** Messages are joined into sentences, so one that already ends a sentence must not get a second stop. */
function withoutEndStop(text: string): string {
  return text.replace(/[.\s]+$/, '');
}
