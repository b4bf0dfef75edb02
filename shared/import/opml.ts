/**
 * OPML outlines (Workflowy, Dynalist, OmniOutliner, Logseq, podcast apps): `<opml><head><title>`
 * and nested `<outline text="…">` under `<body>`. An outline's `_note` (the outliners' notes) or
 * `note` attribute becomes its notes; its other attributes (apart from the outliners' own
 * bookkeeping) come along as attributes, so a column of scores can map to importance.
 */
import { attr, child, list, parseXml, rootElement, textOf } from './xml';
import { NodeBudget, cleanText, readSafely, type ImportNode, type ReadResult , importWords } from './source';

/** What the reader reads, for its messages, in the message language. */
const whatItIs = (): string => importWords().whatOpml;
/** Attributes that are the outline itself or an outliner's bookkeeping, not a value of the topic. */
const NOT_VALUES = new Set(['text', 'title', '_note', 'note', 'type', 'created', 'modified', '_complete', 'isComment', 'isBreakpoint', 'id', 'collapsed']);

/** @example readOpml(text, 'Journey.opml') */
export function readOpml(text: string, fileTitle: string): ReadResult {
  return readSafely(whatItIs(), () => {
    const opml = rootElement(parseXml(text, ['outline'], whatItIs()), 'opml', whatItIs());
    const title = cleanText(textOf(child(opml, 'head')?.title)) || fileTitle;
    const budget = new NodeBudget();
    const top = list(child(opml, 'body')?.outline);
    budget.take(0, title);
    // One top outline is the map's centre; several share the file's title as their centre.
    const only = top.length === 1 ? (top[0] as Record<string, unknown>) : undefined;
    const root: ImportNode = only ? outline(only, 0, budget) : { label: title, children: top.map((o) => outline(o as Record<string, unknown>, 1, budget)) };
    return { kind: 'tree', format: 'opml', sheets: [{ title: only ? root.label || title : title, root }], dropped: budget.dropped };
  });
}

function outline(o: Record<string, unknown>, depth: number, budget: NodeBudget): ImportNode {
  const label = cleanText(attr(o, 'text') ?? attr(o, 'title') ?? '');
  const notes = cleanText(attr(o, '_note') ?? attr(o, 'note') ?? '');
  budget.take(depth, label, notes);
  const attributes: Record<string, string> = {};
  for (const key of Object.keys(o)) {
    if (!key.startsWith('@_')) continue;
    const name = key.slice(2);
    if (NOT_VALUES.has(name)) continue;
    if (name === 'url' || name === 'htmlUrl' || name === 'xmlUrl') {
      budget.drop('link');
      continue;
    }
    attributes[name] = cleanText(String(o[key]));
  }
  return {
    label,
    ...(notes !== '' && { notes }),
    ...(Object.keys(attributes).length > 0 && { attributes }),
    children: list(o.outline).flatMap((c) => (typeof c === 'object' && c !== null ? [outline(c as Record<string, unknown>, depth + 1, budget)] : [])),
  };
}
