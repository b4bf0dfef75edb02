/**
 * Markdown outlines: `#` headings nest by level, and nested `-` / `1.` lists nest under the
 * heading above them. A list item's first paragraph is its label, its later paragraphs its notes;
 * a paragraph under a heading is that heading's notes. Parsed with mdast-util-from-markdown (the
 * CommonMark parser), so escapes, code spans and emphasis read as a person reads them.
 *
 * Touchmap's own outline export writes scores after a dash — "Website — importance 8 · score 4 ·
 * City Clinic 7" — so those facts come back as attributes, and the outline round-trips.
 */
import { fill } from '../i18n/message-language';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { ImportRefusal, MAX_IMPORT_DEPTH, NodeBudget, cleanText, readSafely, type ImportNode, type ReadResult , importWords } from './source';

/** What the reader reads, for its messages, in the message language. */
const whatItIs = (): string => importWords().whatMarkdown;

interface MdNode {
  readonly type: string;
  readonly depth?: number;
  readonly value?: string;
  readonly children?: readonly MdNode[];
}

interface Building {
  label: string;
  notes: string[];
  attributes?: Record<string, string>;
  children: Building[];
  level: number;
}

/** @example readMarkdown('# Shop\n\n## Awareness\n\n- Flyer\n', 'Shop.md') */
export function readMarkdown(text: string, fileTitle: string): ReadResult {
  return readSafely(whatItIs(), () => {
    refuseDeepContainers(text);
    const budget = new NodeBudget();
    const tree = fromMarkdown(text) as MdNode;
    const blocks = tree.children ?? [];
    const h1s = blocks.filter((b) => b.type === 'heading' && b.depth === 1);
    const firstHeading = blocks.find((b) => b.type === 'heading');
    // One `#` heading that comes first is the map's centre; otherwise the file's name is.
    const titled = h1s.length === 1 && firstHeading === h1s[0];
    const root: Building = { label: titled ? inline(h1s[0] as MdNode, budget) : fileTitle, notes: [], children: [], level: titled ? 1 : 0 };
    const stack: Building[] = [root];
    for (const block of blocks) {
      if (block === h1s[0] && titled) continue;
      if (block.type === 'heading') {
        const level = block.depth ?? 1;
        while (stack.length > 1 && (stack.at(-1) as Building).level >= level) stack.pop();
        const node: Building = { label: inline(block, budget), notes: [], children: [], level };
        (stack.at(-1) as Building).children.push(node);
        stack.push(node);
      } else if (block.type === 'list') {
        (stack.at(-1) as Building).children.push(...listItems(block, budget));
      } else if (block.type === 'paragraph' || block.type === 'blockquote' || block.type === 'code') {
        (stack.at(-1) as Building).notes.push(plain(block, budget));
      } else if (block.type === 'html') {
        budget.drop('style');
      }
    }
    const sheetRoot = finish(root, 0, budget);
    return { kind: 'tree', format: 'markdown', sheets: [{ title: sheetRoot.label || fileTitle, root: sheetRoot }], dropped: budget.dropped };
  });
}

function listItems(list: MdNode, budget: NodeBudget): Building[] {
  return (list.children ?? []).map((item) => {
    const node: Building = { label: '', notes: [], children: [], level: Number.POSITIVE_INFINITY };
    let labelled = false;
    for (const part of item.children ?? []) {
      if (part.type === 'list') node.children.push(...listItems(part, budget));
      else if (!labelled && part.type === 'paragraph') {
        const { label, attributes } = splitFacts(inline(part, budget));
        node.label = label;
        if (attributes) node.attributes = attributes;
        labelled = true;
      } else node.notes.push(plain(part, budget));
    }
    return node;
  });
}

/** Checks the limits depth first and makes the neutral node. */
function finish(node: Building, depth: number, budget: NodeBudget): ImportNode {
  const notes = cleanText(node.notes.filter(Boolean).join('\n\n'));
  budget.take(depth, node.label, notes);
  return {
    label: node.label,
    ...(notes !== '' && { notes }),
    ...(node.attributes && { attributes: node.attributes }),
    children: node.children.map((c) => finish(c, depth + 1, budget)),
  };
}

/** The text of inline content: emphasis and links keep their words; images are dropped. */
function inline(node: MdNode, budget: NodeBudget): string {
  return cleanText(inlineParts(node, budget, 0)).replace(/\s*\n\s*/g, ' ');
}

function inlineParts(node: MdNode, budget: NodeBudget, depth: number): string {
  if (depth > 400) return '';
  if (node.type === 'image' || node.type === 'imageReference') {
    budget.drop('image');
    return '';
  }
  if (node.type === 'html') return '';
  if (typeof node.value === 'string') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'link') budget.drop('link');
  return (node.children ?? []).map((c) => inlineParts(c, budget, depth + 1)).join('');
}

/** A block's plain text, paragraphs on their own lines. */
function plain(node: MdNode, budget: NodeBudget): string {
  if (node.type === 'paragraph' || node.type === 'heading') return inline(node, budget);
  if (node.type === 'code') return node.value ?? '';
  return (node.children ?? []).map((c) => plain(c, budget)).filter(Boolean).join('\n');
}

/** "Website — importance 8 · score 4" → label "Website" and { importance: '8', score: '4' }. */
function splitFacts(text: string): { label: string; attributes?: Record<string, string> } {
  const at = text.lastIndexOf(' — ');
  if (at < 0) return { label: text };
  const attributes: Record<string, string> = {};
  let found = 0;
  for (const fact of text.slice(at + 3).split(' · ')) {
    const match = /^(.+) (\d{1,2})$/.exec(fact.trim());
    if (!match) continue;
    attributes[match[1] as string] = match[2] as string;
    found += 1;
  }
  return found === 0 ? { label: text } : { label: text.slice(0, at).trim(), attributes };
}

/**
 * The parser's cost grows with how many lists and quotes are open on each line, so a line nested
 * thousands deep is refused before parsing: its leading space (two columns a level) and markers
 * (`-`, `>`, `1.`) are counted, linearly.
 */
function refuseDeepContainers(text: string): void {
  let line = 1;
  let column = 0;
  let markers = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      line += 1;
      column = 0;
      markers = 0;
      leading = true;
      continue;
    }
    if (!leading) continue;
    if (ch === 32) column += 1;
    else if (ch === 9) column += 4;
    else if (ch === 45 || ch === 42 || ch === 43 || ch === 62) markers += 1;
    else if (!(ch >= 48 && ch <= 57) && ch !== 46 && ch !== 41) leading = false;
    if (Math.floor(column / 2) + markers > MAX_IMPORT_DEPTH) throw new ImportRefusal(fill(importWords().markdownTooDeep, { line, limit: MAX_IMPORT_DEPTH }));
  }
}
