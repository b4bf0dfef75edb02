/**
 * FreeMind and Freeplane `.mm` files: XML `<map><node TEXT="…">…</node></map>`. Each node's text
 * (the TEXT attribute, or its rich HTML text made plain), its note (richcontent TYPE="NOTE" →
 * plain text), icons (`full-1`… as markers) and attributes (Freeplane's name/value table) come
 * along; images, links and arrow links are counted as dropped.
 */
import { allText, attr, child, list, parseXml, rootElement } from './xml';
import { ImportRefusal, NodeBudget, cleanText, readSafely, type ImportNode, type ReadResult , importWords } from './source';

/** What the reader reads, for its messages, in the message language. */
const whatItIs = (): string => importWords().whatFreemind;
const ARRAYS = ['node', 'icon', 'attribute', 'richcontent', 'arrowlink', 'hook'];

/** @example readFreemind(text, 'Plan.mm') */
export function readFreemind(text: string, fileTitle: string): ReadResult {
  return readSafely(whatItIs(), () => {
    const map = rootElement(parseXml(text, ARRAYS, whatItIs()), 'map', whatItIs());
    const root = child(map, 'node');
    if (!root) throw new ImportRefusal(importWords().freemindNoCentre);
    const budget = new NodeBudget();
    const tree = node(root, 0, budget);
    return { kind: 'tree', format: 'freemind', sheets: [{ title: tree.label || fileTitle, root: tree }], dropped: budget.dropped };
  });
}

function richText(n: Record<string, unknown>, type: string): string {
  const rich = list(n.richcontent).find((r) => attr(r, 'TYPE') === type);
  return rich ? cleanText(allText(child(rich, 'html')?.body ?? rich)) : '';
}

function node(n: Record<string, unknown>, depth: number, budget: NodeBudget): ImportNode {
  const label = cleanText(attr(n, 'TEXT') ?? attr(n, 'LOCALIZED_TEXT') ?? richText(n, 'NODE'));
  const notes = richText(n, 'NOTE') || richText(n, 'DETAILS');
  budget.take(depth, label, notes);
  const markers = list(n.icon).map((i) => attr(i, 'BUILTIN') ?? '').filter(Boolean);
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const a of list(n.attribute)) {
    const name = cleanText(attr(a, 'NAME') ?? '');
    if (name !== '') attributes[name] = cleanText(attr(a, 'VALUE') ?? '');
  }
  if (attr(n, 'LINK')) budget.drop('link');
  budget.drop('relation', list(n.arrowlink).length);
  budget.drop('image', list(n.hook).filter((h) => attr(h, 'NAME') === 'ExternalObject').length);
  return {
    label,
    ...(notes !== '' && { notes }),
    ...(markers.length > 0 && { markers }),
    ...(Object.keys(attributes).length > 0 && { attributes: { ...attributes } }),
    children: list(n.node).flatMap((c) => (typeof c === 'object' && c !== null ? [node(c as Record<string, unknown>, depth + 1, budget)] : [])),
  };
}
