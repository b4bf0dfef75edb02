/**
 * The headless export's command line (shared/export-cli.ts), which `npm run export` and
 * `touchmap --export` both use: every option, every refusal naming the bad option and value,
 * the usage text, file names and the report lines.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  needsPrinting,
  EXPORT_BACKGROUNDS,
  EXPORT_PAGES,
  countPdfPages,
  exportArgsFromArgv,
  exportDoneLine,
  exportErrorText,
  exportFileName,
  exportNotes,
  exportRequest,
  exportUsage,
  fileTooLargeMessage,
  MAX_EXPORT_FILE_BYTES,
  pageErrorMessage,
  parseExportArgs,
  type ExportCliOptions,
} from '@shared/export-cli';
import { MAX_FILE_BYTES } from '@shared/file-format';
import { CLI_EXPORT_FORMATS, cliNameOf } from '@shared/export-formats';

function options(argv: string[]): ExportCliOptions {
  const parsed = parseExportArgs(argv);
  if (!parsed.ok || parsed.help) throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function error(argv: string[]): string {
  const parsed = parseExportArgs(argv);
  if (parsed.ok) throw new Error(`expected a refusal, got ${JSON.stringify(parsed)}`);
  return parsed.error;
}

describe('parseExportArgs: options', () => {
  it('gives the defaults with only a file and a format', () => {
    expect(options(['map.touchmap', '--format', 'png'])).toEqual({
      file: 'map.touchmap',
      format: 'png',
      scale: 2,
      page: 'a4',
      paper: 'a4',
      orientation: 'auto',
      frame: 'none',
      appendix: false,
      background: 'white',
      legend: true,
      titleBlock: true,
      chains: true,
      force: false,
    });
  });

  it('--force allows replacing an existing file', () => {
    expect(options(['map.touchmap', '--format', 'png', '--force']).force).toBe(true);
  });

  it('reads every option, in any order, with the file anywhere', () => {
    expect(
      options([
        '--format', 'PDF', '--map', 'Clinic visit', 'in/map.touchmap', '--out', 'out/x.pdf', '--scale', '3.5', '--page', 'Poster', '--paper', 'letter',
        '--landscape', '--appendix', '--background', 'dark', '--no-legend', '--no-title', '--no-chains', '--frame', '16:9',
      ]),
    ).toEqual({
      file: 'in/map.touchmap',
      format: 'pdf',
      map: 'Clinic visit',
      out: 'out/x.pdf',
      scale: 3.5,
      page: 'poster',
      paper: 'letter',
      orientation: 'landscape',
      frame: '16:9',
      appendix: true,
      background: 'dark',
      legend: false,
      titleBlock: false,
      chains: false,
      force: false,
    });
  });

  it('takes values after "=" too', () => {
    const o = options(['m.touchmap', '--format=svg', '--scale=1', '--out=a=b.svg', '--background=transparent', '--map=a b']);
    expect(o).toMatchObject({ format: 'svg', scale: 1, out: 'a=b.svg', background: 'transparent', map: 'a b' });
  });

  it.each(CLI_EXPORT_FORMATS)('accepts the format %s by its command-line word', (format) => {
    expect(options(['m.touchmap', '--format', cliNameOf(format)]).format).toBe(format);
  });

  it('takes md for the outline, and jpg and markdown as aliases', () => {
    expect(options(['m.touchmap', '--format', 'md']).format).toBe('markdown');
    expect(options(['m.touchmap', '--format', 'jpg']).format).toBe('jpeg');
    expect(options(['m.touchmap', '--format', 'Markdown']).format).toBe('markdown');
  });

  it('does not write .touchmap files: it reads them', () => {
    expect(error(['m.touchmap', '--format', 'touchmap'])).toBe('--format must be one of pdf, png, jpeg, svg, csv, md, slides-pdf, slides-pptx; got "touchmap".');
  });

  it.each(EXPORT_PAGES)('accepts the page %s', (page) => {
    expect(options(['m.touchmap', '--format', 'pdf', '--page', page]).page).toBe(page);
  });

  it.each(EXPORT_BACKGROUNDS)('accepts the background %s for PNG', (background) => {
    expect(options(['m.touchmap', '--format', 'png', '--background', background]).background).toBe(background);
  });

  it('accepts scales from 1 to 4, fractions included', () => {
    for (const scale of ['1', '1.5', '2', '4']) expect(options(['m.touchmap', '--format', 'png', '--scale', scale]).scale).toBe(Number(scale));
  });

  it('lets --portrait undo --landscape (the last one wins)', () => {
    expect(options(['m.touchmap', '--format', 'pdf', '--landscape', '--portrait']).orientation).toBe('portrait');
  });

  it('leaves the orientation to the map’s shape unless told (the dialog’s default too)', () => {
    expect(options(['m.touchmap', '--format', 'pdf']).orientation).toBe('auto');
  });

  it('takes a slide frame of 16:9 or 4:3 for any picture format', () => {
    for (const format of ['png', 'svg', 'pdf', 'jpeg']) expect(options(['m.touchmap', '--format', format, '--frame', '4:3']).frame).toBe('4:3');
  });

  it('asks for the usage text with --help or -h, whatever else is there', () => {
    expect(parseExportArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseExportArgs(['m.touchmap', '-h', '--format', 'gif'])).toEqual({ ok: true, help: true });
  });
});

describe('parseExportArgs: refusals name the option and the value', () => {
  const cases: [string[], RegExp][] = [
    [['m.touchmap'], /^--format is required: one of pdf, png, jpeg, svg, csv, md, slides-pdf, slides-pptx\.$/],
    [['m.touchmap', '--format', 'gif'], /^--format must be one of pdf, png, jpeg, svg, csv, md, slides-pdf, slides-pptx; got "gif"\.$/],
    [['m.touchmap', '--format', 'png', '--scale', '9'], /^--scale must be a number from 1 to 4; got "9"\.$/],
    [['m.touchmap', '--format', 'png', '--frame', '3:2'], /^--frame must be one of none, 16:9, 4:3; got "3:2"\.$/],
    [['m.touchmap', '--format', 'csv', '--frame', '16:9'], /^--frame frames a picture \(PDF, PNG, JPEG, SVG\); CSV has none\.$/],
    [['m.touchmap', '--format', 'markdown', '--frame', '4:3'], /^--frame frames a picture \(PDF, PNG, JPEG, SVG\); MD has none\.$/],
    [['m.touchmap', '--format', 'png', '--scale', '0.5'], /--scale .* got "0\.5"/],
    [['m.touchmap', '--format', 'png', '--scale', 'big'], /--scale .* got "big"/],
    [['m.touchmap', '--format', 'png', '--scale='], /--scale .* got ""/],
    [['m.touchmap', '--format', 'png', '--scale', 'Infinity'], /--scale .* got "Infinity"/],
    [['m.touchmap', '--format', 'pdf', '--page', 'a5'], /^--page must be one of a4, a3, letter, fit, poster; got "a5"\.$/],
    [['m.touchmap', '--format', 'pdf', '--paper', 'fit'], /^--paper must be one of a4, a3, letter; got "fit"\.$/],
    [['m.touchmap', '--format', 'png', '--background', 'pink'], /^--background must be one of white, transparent, dark; got "pink"\.$/],
    [['m.touchmap', '--format', 'jpeg', '--background', 'transparent'], /^--background transparent works for PNG and SVG only; JPEG has no transparency\.$/],
    [['m.touchmap', '--format', 'pdf', '--background', 'transparent'], /PDF has no transparency/],
    [['m.touchmap', '--format', 'png', '--frobnicate'], /^Unknown option --frobnicate\.$/],
    [['m.touchmap', '--format', 'png', '-x'], /^Unknown option -x\.$/],
    [['--format', 'png'], /^Give the \.touchmap file to export\.$/],
    [['a.touchmap', 'b.touchmap', '--format', 'png'], /^Give one \.touchmap file; got 2: a\.touchmap, b\.touchmap\.$/],
    [['m.touchmap', '--format'], /^--format needs a value\.$/],
    [['m.touchmap', '--out', '--format', 'png'], /^--out needs a value\.$/],
    [['m.touchmap', '--format', 'png', '--map'], /^--map needs a value\.$/],
  ];
  it.each(cases)('%j → %s', (argv, message) => {
    expect(error(argv)).toMatch(message);
  });
});

describe('exportUsage', () => {
  it('lists every option under the command it is run as', () => {
    const npm = exportUsage();
    expect(npm.split('\n')[0]).toBe('Usage: npm run export -- <file.touchmap> --format pdf|png|jpeg|svg|csv|md|slides-pdf|slides-pptx [options]');
    expect(exportUsage('touchmap --export').split('\n')[0]).toBe('Usage: touchmap --export <file.touchmap> --format pdf|png|jpeg|svg|csv|md|slides-pdf|slides-pptx [options]');
    for (const flag of ['--map', '--out', '--scale', '--page', '--paper', '--landscape', '--appendix', '--background', '--no-legend', '--no-title', '--no-chains', '--force']) {
      expect(npm).toContain(flag);
    }
  });
});

describe('exportArgsFromArgv', () => {
  it('takes what follows --export, whatever precedes it', () => {
    expect(exportArgsFromArgv(['/opt/Touchmap/touchmap', '--export', 'a.touchmap', '--format', 'svg'])).toEqual(['a.touchmap', '--format', 'svg']);
    expect(exportArgsFromArgv(['electron', '--no-sandbox', 'dist/electron/main.cjs', '--export', '--help'])).toEqual(['--help']);
    expect(exportArgsFromArgv(['touchmap', '--export'])).toEqual([]);
  });

  it('is null for a normal launch, files included', () => {
    expect(exportArgsFromArgv(['touchmap'])).toBeNull();
    expect(exportArgsFromArgv(['touchmap', 'a.touchmap'])).toBeNull();
  });
});

describe('exportRequest', () => {
  const base = options(['m.touchmap', '--format', 'pdf', '--paper', 'letter']);
  it('fits one page of the paper --page names', () => {
    expect(exportRequest({ ...base, page: 'a3' })).toMatchObject({ pageMode: 'fit', paper: 'a3' });
  });
  it('fits the page to the map for --page fit, and tiles --paper for a poster', () => {
    expect(exportRequest({ ...base, page: 'fit' })).toMatchObject({ pageMode: 'fit-page-to-map', paper: 'letter' });
    expect(exportRequest({ ...base, page: 'poster' })).toMatchObject({ pageMode: 'poster', paper: 'letter' });
  });
  it('passes the rest through and leaves map out when not asked', () => {
    const request = exportRequest({ ...base, orientation: 'landscape', appendix: true, legend: false });
    expect(request).toEqual({ format: 'pdf', scale: 2, background: 'white', pageMode: 'fit', paper: 'a4', orientation: 'landscape', frame: 'none', appendix: true, legend: false, titleBlock: true, chains: true });
    expect('map' in request).toBe(false);
    expect(exportRequest({ ...base, map: 'm-1' }).map).toBe('m-1');
  });
});

describe('needsPrinting', () => {
  it('prints a print document (a PDF with the appendix, a slide deck), saves a PDF the page wrote as it is, and never prints other formats', () => {
    const page = { widthIn: 11.69, heightIn: 8.27, pages: 1 };
    expect(needsPrinting('pdf', { pdf: page })).toBe(true);
    expect(needsPrinting('pdf', { pdf: { ...page, written: true } })).toBe(false);
    expect(needsPrinting('slides-pdf', { pdf: page })).toBe(true);
    expect(needsPrinting('png', {})).toBe(false);
  });
});

describe('exportFileName', () => {
  it('is the title with the format’s extension', () => {
    expect(exportFileName('Coffee shop', 'jpeg')).toBe('Coffee shop.jpg');
    expect(exportFileName('Кофейня', 'markdown')).toBe('Кофейня.md');
  });
  it('drops what file systems refuse', () => {
    expect(exportFileName('Clinic: visit / follow-up', 'png')).toBe('Clinic visit follow-up.png');
    expect(exportFileName('a\u0000b\nc<>"|?*\\d', 'svg')).toBe('a b c d.svg');
    expect(exportFileName('..hidden.', 'csv')).toBe('hidden.csv');
    expect(exportFileName('../../etc/passwd', 'pdf')).toBe('etc passwd.pdf');
  });
  it('falls back to "map" and avoids Windows device names', () => {
    expect(exportFileName('', 'pdf')).toBe('map.pdf');
    expect(exportFileName(' /// ', 'pdf')).toBe('map.pdf');
    expect(exportFileName('CON', 'png')).toBe('CON map.png');
  });
  it('caps long titles without splitting a character', () => {
    const name = exportFileName('😀'.repeat(200), 'png');
    expect(Array.from(name.replace(/\.png$/, ''))).toHaveLength(80);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('report lines', () => {
  it('says where the file went and its size', () => {
    expect(exportDoneLine('/t/a.png', { mapTitle: 'A', otherMaps: [], width: 800, height: 600 })).toBe('/t/a.png (800 × 600 px)\n');
    expect(exportDoneLine('/t/a.pdf', { mapTitle: 'A', otherMaps: [], pdf: { widthIn: 11.69, heightIn: 8.27, pages: 1 } })).toBe('/t/a.pdf (1 page of 11.69 × 8.27 in)\n');
    expect(exportDoneLine('/t/a.pdf', { mapTitle: 'A', otherMaps: [], pdf: { widthIn: 8.5, heightIn: 11, pages: 6 } })).toBe('/t/a.pdf (6 pages of 8.50 × 11.00 in)\n');
    expect(exportDoneLine('/t/a.csv', { mapTitle: 'A', otherMaps: [] })).toBe('/t/a.csv\n');
  });
  it('notes the other maps only when none was asked for, and the renderer’s notice', () => {
    const result = { mapTitle: 'A', otherMaps: ['B', 'C'], notice: 'Labels print small.' };
    expect(exportNotes(result, false)).toBe('note: the file holds 3 maps; exported "A". Pick another with --map.\nnote: Labels print small.\n');
    expect(exportNotes(result, true)).toBe('note: Labels print small.\n');
    expect(exportNotes({ mapTitle: 'A', otherMaps: [] }, false)).toBe('');
  });
  it('prefixes errors and states the size limit', () => {
    expect(exportErrorText('No file at /x.')).toBe('touchmap export: No file at /x.\n');
    expect(fileTooLargeMessage('big.touchmap', 60 * 1048576)).toBe('big.touchmap is 60.0 MB; Touchmap reads files up to 50 MB.');
  });
  it('reads the page’s own message out of Playwright’s and Electron’s wrappers', () => {
    expect(pageErrorMessage(new Error('page.evaluate: Error: No map "Nope" in the file; it holds: "A" (m-1).\n    at x'))).toBe('No map "Nope" in the file; it holds: "A" (m-1).');
    expect(pageErrorMessage(new Error('Error: Unexpected token'))).toBe('Unexpected token');
    expect(pageErrorMessage('SyntaxError: bad JSON')).toBe('bad JSON');
    expect(pageErrorMessage(new Error(''))).toBe('The export failed.');
    expect(pageErrorMessage(new Error('page.evaluate: Error: Map "Clinic": touchpoint "Site" has our score 14; scores are 0–10.\nDetails: maps[0].topics[3].score: 14 is not 0–10\n    at touchmapExport (x)'))).toBe(
      'Map "Clinic": touchpoint "Site" has our score 14; scores are 0–10.\nDetails: maps[0].topics[3].score: 14 is not 0–10',
    );
  });
});

describe('the module itself', () => {
  it('has the same size limit as import', () => {
    expect(MAX_EXPORT_FILE_BYTES).toBe(MAX_FILE_BYTES);
  });

  it('bundles on its own into a small module (scripts/export.mjs builds it on the fly)', async () => {
    const out = await build({
      entryPoints: [fileURLToPath(new URL('../../../shared/export-cli.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/\bimport\b.*\bfrom\b|require\(/);
    // The command line's words in four languages (shared/i18n/cli-words.ts) are most of it.
    expect(code.length).toBeLessThan(40_000);
  });
});

describe('countPdfPages', () => {
  const pdf = (body: string) => new Uint8Array(Buffer.from(`%PDF-1.4\n${body}\n%%EOF`, 'latin1'));
  it('counts the page objects of the file, not the pages planned', () => {
    expect(countPdfPages(pdf('1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj 2 0 obj << /Type /Page /Parent 1 0 R >> endobj 3 0 obj <</Type/Page/Parent 1 0 R>> endobj'))).toBe(2);
  });
  it('is 0 for bytes with no page', () => {
    expect(countPdfPages(pdf('1 0 obj << /Type /Catalog >> endobj'))).toBe(0);
  });
});

describe('exportDoneLine', () => {
  it('reports the pages the PDF really has', () => {
    expect(exportDoneLine('/tmp/a.pdf', { mapTitle: 'A', otherMaps: [], pdf: { widthIn: 11.69, heightIn: 8.27, pages: 1 } }, 2)).toBe('/tmp/a.pdf (2 pages of 11.69 × 8.27 in)\n');
  });
});
