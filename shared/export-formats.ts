/**
 * The formats Touchmap exports, in one table: the id every part of the app uses for a format (the
 * export dialog, the data exports, the Save dialog's remembered folder per format, the IPC
 * contract, the command line), its file extension, its MIME type, whether it draws the map or
 * writes its data, and the name the command line knows it by.
 *
 * Why `markdown` and not `md` as the id: the Save dialog remembers a folder per format in the
 * user's settings under these ids, and `markdown` is the one already stored there. The command
 * line keeps saying `md` (its `cli` name); `markdown` and `jpg` are accepted there as aliases.
 *
 * Pure data, no imports: `npm run export` (scripts/export.mjs) bundles it with shared/export-cli.ts
 * on the fly, so it must stay this small.
 */

/** Every format, in the order menus and messages list them. */
export const EXPORT_FORMATS = ['pdf', 'png', 'jpeg', 'svg', 'csv', 'markdown', 'touchmap', 'slides-pdf', 'slides-pptx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `visual`: a drawing of the map (from the export SVG); `data`: the map's records as text;
 * `slides`: the presentation's deck, one page or slide per slide (features/export/visual/slides).
 */
export type ExportFamily = 'visual' | 'data' | 'slides';

export interface ExportFormatInfo {
  readonly family: ExportFamily;
  /** The file extension, without the dot (JPEG as the `.jpg` everyone expects). */
  readonly extension: string;
  /** What a browser download or a Blob of this format is typed as. */
  readonly mimeType: string;
  /** The `--format` word of the command line; absent when the command line does not write it. */
  readonly cli?: string;
  /** Other `--format` words taken for it (lower case). */
  readonly cliAliases?: readonly string[];
  /** Added to the file name's stem, so a deck does not take the name of the map's own PDF. */
  readonly fileSuffix?: string;
  /** The file is printed by Chromium's PDF printer from the print HTML the export page returns. */
  readonly printed?: boolean;
}

export const EXPORT_FORMAT_INFO: { readonly [F in ExportFormat]: ExportFormatInfo } = {
  pdf: { family: 'visual', extension: 'pdf', mimeType: 'application/pdf', cli: 'pdf', printed: true },
  png: { family: 'visual', extension: 'png', mimeType: 'image/png', cli: 'png' },
  jpeg: { family: 'visual', extension: 'jpg', mimeType: 'image/jpeg', cli: 'jpeg', cliAliases: ['jpg'] },
  svg: { family: 'visual', extension: 'svg', mimeType: 'image/svg+xml', cli: 'svg' },
  // The byte-order mark and charset: Excel reads Cyrillic, Hangul and Kana right only with them.
  csv: { family: 'data', extension: 'csv', mimeType: 'text/csv;charset=utf-8', cli: 'csv' },
  markdown: { family: 'data', extension: 'md', mimeType: 'text/markdown;charset=utf-8', cli: 'md', cliAliases: ['markdown'] },
  // The command line reads .touchmap files; it does not write them.
  touchmap: { family: 'data', extension: 'touchmap', mimeType: 'application/json' },
  // The presentation's slides: a 16:9 PDF deck (one page a slide) and a PowerPoint file.
  'slides-pdf': { family: 'slides', extension: 'pdf', mimeType: 'application/pdf', cli: 'slides-pdf', fileSuffix: ' slides', printed: true },
  'slides-pptx': {
    family: 'slides',
    extension: 'pptx',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    cli: 'slides-pptx',
    cliAliases: ['pptx'],
    fileSuffix: ' slides',
  },
};

/** The formats that draw the map: the export dialog's. */
export const VISUAL_FORMATS = ['pdf', 'png', 'jpeg', 'svg'] as const satisfies readonly ExportFormat[];
export type VisualFormat = (typeof VISUAL_FORMATS)[number];
/** The visual formats made of pixels. */
export type RasterFormat = Extract<VisualFormat, 'png' | 'jpeg'>;
/** The formats of the map's records: the Export data menu's. */
export const DATA_FORMATS = ['csv', 'markdown', 'touchmap'] as const satisfies readonly ExportFormat[];
export type DataFormat = (typeof DATA_FORMATS)[number];

/** The presentation's decks: the slide editor's and the export dialog's Slides section. */
export const SLIDES_FORMATS = ['slides-pdf', 'slides-pptx'] as const satisfies readonly ExportFormat[];
export type SlidesFormat = (typeof SLIDES_FORMATS)[number];

/** The formats the command line writes, in its order. */
export const CLI_EXPORT_FORMATS = ['pdf', 'png', 'jpeg', 'svg', 'csv', 'markdown', 'slides-pdf', 'slides-pptx'] as const satisfies readonly ExportFormat[];
export type CliExportFormat = (typeof CLI_EXPORT_FORMATS)[number];

/**
 * The file extension of a format, without the dot.
 * @example extensionOf('jpeg') // 'jpg'
 */
export function extensionOf(format: ExportFormat): string {
  return EXPORT_FORMAT_INFO[format].extension;
}

/**
 * The word the command line uses for a format.
 * @example cliNameOf('markdown') // 'md'
 */
export function cliNameOf(format: CliExportFormat): string {
  return EXPORT_FORMAT_INFO[format].cli ?? format;
}

/**
 * The format a `--format` word names (any case, aliases included), or undefined.
 * @example cliFormatNamed('JPG') // 'jpeg'
 * @example cliFormatNamed('touchmap') // undefined: the command line does not write it
 */
export function cliFormatNamed(word: string): CliExportFormat | undefined {
  const w = word.toLowerCase();
  return CLI_EXPORT_FORMATS.find((f) => {
    const info = EXPORT_FORMAT_INFO[f];
    return info.cli === w || (info.cliAliases ?? []).includes(w);
  });
}

/** Whether a format draws the map (and so goes through the export dialog and the export SVG). */
export function isVisualFormat(format: ExportFormat): format is VisualFormat {
  return EXPORT_FORMAT_INFO[format].family === 'visual';
}

/** Whether a format is the presentation's deck. */
export function isSlidesFormat(format: ExportFormat): format is SlidesFormat {
  return EXPORT_FORMAT_INFO[format].family === 'slides';
}

/**
 * Whether a format's file is printed to PDF from the export page's print HTML (the map's PDF, the slides' PDF).
 * @example isPrintedFormat('slides-pdf') // true
 */
export function isPrintedFormat(format: ExportFormat): boolean {
  return EXPORT_FORMAT_INFO[format].printed === true;
}
