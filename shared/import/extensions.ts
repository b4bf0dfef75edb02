/**
 * The file name endings of the other tools' formats Touchmap imports, and the format each names.
 * A module of its own, with no parser behind it, so the desktop shell (file association, Open
 * dialog, command line) can name them without bundling the readers.
 */
export const IMPORT_FORMAT_BY_EXTENSION = {
  xmind: 'xmind',
  mm: 'freemind',
  opml: 'opml',
  md: 'markdown',
  markdown: 'markdown',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  xlsx: 'xlsx',
} as const;

/** The extensions the import accepts besides `.touchmap`, without the dot. */
export const IMPORT_EXTENSIONS: readonly string[] = Object.keys(IMPORT_FORMAT_BY_EXTENSION);
