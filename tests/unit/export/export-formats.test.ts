/**
 * The one table of export formats (shared/export-formats.ts): every format's extension, MIME type
 * and family; the command line's words for them; the IPC contract and the Save dialog's folder
 * slots taking the same ids; and no second list of formats anywhere else in the code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CLI_EXPORT_FORMATS,
  cliFormatNamed,
  cliNameOf,
  DATA_FORMATS,
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  extensionOf,
  isPrintedFormat,
  isSlidesFormat,
  isVisualFormat,
  SLIDES_FORMATS,
  VISUAL_FORMATS,
} from '@shared/export-formats';
import { saveFileArgsSchema } from '@shared/ipc';
import { FOLDER_SLOTS } from '../../../electron/main/settings';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the export formats table', () => {
  it('gives every format an extension of its own, a MIME type and a family', () => {
    for (const format of EXPORT_FORMATS) {
      const info = EXPORT_FORMAT_INFO[format];
      expect(info.extension).toMatch(/^[a-z]+$/);
      expect(info.mimeType).toMatch(/^[a-z]+\/[a-z+.-]+(;charset=utf-8)?$/);
      expect(['visual', 'data', 'slides']).toContain(info.family);
    }
    // the slides' PDF shares the map PDF's extension; its file name says "slides" (fileSuffix)
    expect(new Set(EXPORT_FORMATS.map((format) => `${EXPORT_FORMAT_INFO[format].fileSuffix ?? ''}.${extensionOf(format)}`)).size).toBe(EXPORT_FORMATS.length);
  });

  it('keeps the extensions users know: .jpg for JPEG, .md for the outline', () => {
    expect(EXPORT_FORMATS.map(extensionOf)).toEqual(['pdf', 'png', 'jpg', 'svg', 'csv', 'md', 'touchmap', 'pdf', 'pptx']);
    expect(EXPORT_FORMAT_INFO.svg.mimeType).toBe('image/svg+xml');
    expect(EXPORT_FORMAT_INFO.csv.mimeType).toBe('text/csv;charset=utf-8');
  });

  it('splits the formats into the drawings (the export dialog), the data (the Export data menu) and the slide decks', () => {
    expect([...VISUAL_FORMATS, ...DATA_FORMATS, ...SLIDES_FORMATS].sort()).toEqual([...EXPORT_FORMATS].sort());
    expect(SLIDES_FORMATS.every(isSlidesFormat)).toBe(true);
    expect(SLIDES_FORMATS.some(isVisualFormat)).toBe(false);
    // printed by Chromium's PDF printer from the page's print HTML: the two PDFs, nothing else
    expect(EXPORT_FORMATS.filter(isPrintedFormat)).toEqual(['pdf', 'slides-pdf']);
    expect(VISUAL_FORMATS.every(isVisualFormat)).toBe(true);
    expect(DATA_FORMATS.some(isVisualFormat)).toBe(false);
  });
});

describe('the command line words', () => {
  it('are pdf, png, jpeg, svg, csv and md, as the usage text has always said, then the slide decks', () => {
    expect(CLI_EXPORT_FORMATS.map(cliNameOf)).toEqual(['pdf', 'png', 'jpeg', 'svg', 'csv', 'md', 'slides-pdf', 'slides-pptx']);
    expect(cliFormatNamed('PPTX')).toBe('slides-pptx');
  });

  it('name the formats in any case, aliases included', () => {
    expect(cliFormatNamed('md')).toBe('markdown');
    expect(cliFormatNamed('Markdown')).toBe('markdown');
    expect(cliFormatNamed('JPG')).toBe('jpeg');
    expect(cliFormatNamed('svg')).toBe('svg');
  });

  it('name nothing the command line does not write', () => {
    expect(cliFormatNamed('touchmap')).toBeUndefined();
    expect(cliFormatNamed('gif')).toBeUndefined();
    expect(cliFormatNamed('')).toBeUndefined();
  });
});

describe('the desktop shell takes the same ids', () => {
  const save = (kind: string) => saveFileArgsSchema.safeParse({ suggestedName: 'Clinic.x', filters: [], data: 'x', kind }).success;

  it('saves every format, and nothing else, through the IPC contract', () => {
    for (const format of EXPORT_FORMATS) expect(save(format)).toBe(true);
    expect(save('md')).toBe(false);
    expect(save('gif')).toBe(false);
  });

  it('remembers a Save folder per format, under the ids already in users’ settings', () => {
    expect(FOLDER_SLOTS).toEqual([...EXPORT_FORMATS, 'open']);
    expect(FOLDER_SLOTS).toContain('markdown');
  });
});

/** Every source file under these folders. */
function sources(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(full);
    }
  };
  for (const dir of dirs) walk(path.join(ROOT, dir));
  return out;
}

describe('one list of formats', () => {
  const word = "'(?:pdf|png|jpeg|jpg|svg|csv|md|markdown|touchmap)'";
  // A union of format names, an array of three or more, or a record keyed by format with text values.
  const second = new RegExp(`${word}\\s*\\|\\s*${word}|\\[\\s*${word}(?:\\s*,\\s*${word}){2,}|\\b(?:pdf|png|jpeg|svg|csv|md|markdown):\\s*'[^']*',\\s*(?:png|jpeg|svg|csv|md|markdown|touchmap):\\s*'`);

  it('is shared/export-formats.ts: no other file of the app lists the formats again', () => {
    const found = sources(['shared', 'renderer/src', 'electron', 'scripts'])
      .filter((file) => !file.endsWith(path.join('shared', 'export-formats.ts')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${path.relative(ROOT, file)}:${i + 1}` }))
          .filter(({ line }) => second.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });
});
