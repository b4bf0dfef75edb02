/**
 * One XML parser setup for every XML format read here (XMind 8, FreeMind/Freeplane, OPML, Excel):
 * entity declarations are never expanded (a "billion laughs" file stays a few bytes of text), only
 * XML's five named entities and numeric character references are decoded, in one linear pass, and
 * nesting is capped so a deeply nested file is refused rather than exhausting the stack.
 */
import { fill } from '../i18n/message-language';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportRefusal, MAX_IMPORT_DEPTH , importWords } from './source';

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes `&amp;`, `&lt;`… and `&#10;` / `&#xa;`; any other `&name;` stays as written (no
 * declared entity is ever looked up).
 * @example decodeXmlText('A &amp; B&#xa;C') // 'A & B\nC'
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** Whether the text starts as XML does (a BOM and white space aside). */
export function looksLikeXml(text: string): boolean {
  return /^\uFEFF?\s*</.test(text);
}

/** XML tag levels allowed per outline level: XMind 8 nests topic › children › topics › topic. */
const TAGS_PER_LEVEL = 4;

/**
 * Parses XML into plain objects: attributes as `@_name`, text as `#text`, the named tags always
 * as arrays (so one child and many read the same way).
 */
export function parseXml(text: string, arrayTags: readonly string[], what: string): Record<string, unknown> {
  const arrays = new Set(arrayTags);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    removeNSPrefix: true,
    maxNestedTags: MAX_IMPORT_DEPTH * TAGS_PER_LEVEL,
    isArray: (name) => arrays.has(name),
    tagValueProcessor: (_name, value) => decodeXmlText(value),
    attributeValueProcessor: (_name, value) => decodeXmlText(value),
  });
  // The parser forgives unclosed tags; a file cut short must be refused, not half read.
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) throw new ImportRefusal(fill(importWords().xmlBrokenAt, { what, line: valid.err.line, reason: valid.err.msg }));
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/nest/i.test(reason)) throw new ImportRefusal(fill(importWords().xmlTooDeep, { limit: MAX_IMPORT_DEPTH }));
    throw new ImportRefusal(fill(importWords().xmlBroken, { what, reason: reason.split('\n')[0] ?? '' }));
  }
}

/** The value as a list: undefined → [], one → [one]. */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** An object's field as an object, or undefined. */
export function child(value: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  const first = Array.isArray(found) ? found[0] : found;
  return typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : undefined;
}

/** A tag's text (its `#text`, or the value itself when it is a string), or ''. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join('');
  if (typeof value === 'object' && value !== null) {
    const own = (value as Record<string, unknown>)['#text'];
    return own === undefined ? '' : textOf(own);
  }
  return '';
}

/** Tags that start a new line in rich HTML text; other tags run on within the line. */
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'pre', 'blockquote', 'ul', 'ol', 'table']);

/** All the text inside a tag, depth first (rich HTML notes → plain text, a paragraph per line). */
export function allText(value: unknown, depth = 0, block = true): string {
  if (depth > MAX_IMPORT_DEPTH * TAGS_PER_LEVEL) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => allText(v, depth + 1, block)).filter((s) => s !== '').join(block ? '\n' : ' ');
  if (typeof value === 'object' && value !== null) {
    let out = '';
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key.startsWith('@_') || key === 'head' || key === 'style' || key === 'script') continue;
      const isBlock = BLOCK_TAGS.has(key.toLowerCase());
      const text = allText(v, depth + 1, isBlock);
      if (text === '') continue;
      out = out === '' ? text : `${out}${isBlock ? '\n' : ' '}${text}`;
    }
    return out;
  }
  return '';
}

/** An attribute's value, or undefined. */
export function attr(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[`@_${name}`];
  return typeof found === 'string' ? found : undefined;
}

/** Refuses unless the parsed document's root element is `name`. */
export function rootElement(doc: Record<string, unknown>, name: string, what: string): Record<string, unknown> {
  const root = child(doc, name);
  if (!root) {
    const found = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
    throw new ImportRefusal(fill(importWords().xmlWrongRoot, { what, found: found ? `<${found}>` : importWords().xmlRootMissing, name }));
  }
  return root;
}
