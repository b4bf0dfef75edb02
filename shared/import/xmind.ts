/**
 * XMind files: a zip holding `content.json` (XMind Zen, 2020 and later) or `content.xml`
 * (XMind 8). Each sheet becomes a tree: topics (attached children; floating topics are counted as
 * dropped), plain-text notes, labels and markers (priority-1…9 among them). Images, attachments
 * and relationships have no place on a touchpoint map; they are counted so the preview says so.
 */
import { fill } from '../i18n/message-language';
import { readZip, utf8 } from './zip';
import { allText, attr, child, list, parseXml, rootElement, textOf } from './xml';
import { ImportRefusal, MAX_IMPORT_SHEETS, NodeBudget, cleanText, readSafely, type ImportNode, type ImportSheet, type ReadResult , importWords } from './source';

/** What the reader reads, for its messages, in the message language. */
const whatItIs = (): string => importWords().whatXmind;

/** @example readXmind(bytes) // { ok: true, source: { kind: 'tree', sheets: [...] } } */
export function readXmind(bytes: Uint8Array): ReadResult {
  return readSafely(whatItIs(), () => {
    const zip = readZip(bytes, (name) => name === 'content.json' || name === 'content.xml', whatItIs());
    const budget = new NodeBudget();
    const attachments = zip.names.filter((n) => /^(attachments|resources)\/./.test(n)).length;
    budget.drop('attachment', attachments);
    const json = zip.files['content.json'];
    const xml = zip.files['content.xml'];
    let sheets: ImportSheet[];
    if (json) sheets = zenSheets(utf8(json), budget);
    else if (xml) sheets = legacySheets(utf8(xml), budget);
    else throw new ImportRefusal(importWords().xmindNoContent);
    if (sheets.length === 0) throw new ImportRefusal(importWords().noSheets);
    if (sheets.length > MAX_IMPORT_SHEETS) throw new ImportRefusal(fill(importWords().tooManySheets, { count: sheets.length, limit: MAX_IMPORT_SHEETS }));
    return { kind: 'tree', format: 'xmind', sheets, dropped: budget.dropped };
  });
}

// ───────────────────────────── XMind Zen: content.json

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function zenSheets(text: string, budget: NodeBudget): ImportSheet[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportRefusal(fill(importWords().contentNotJson, { reason: (error as Error).message }));
  }
  if (!Array.isArray(parsed)) throw new ImportRefusal(importWords().contentNotList);
  if (parsed.length > MAX_IMPORT_SHEETS) throw new ImportRefusal(fill(importWords().tooManySheets, { count: parsed.length, limit: MAX_IMPORT_SHEETS }));
  return parsed.map((raw, i) => {
    const sheet = obj(raw);
    const root = obj(sheet?.rootTopic);
    if (!sheet || !root) throw new ImportRefusal(fill(importWords().sheetNoCentreJson, { n: i + 1 }));
    budget.drop('relation', Array.isArray(sheet.relationships) ? sheet.relationships.length : 0);
    const tree = zenTopic(root, 0, budget);
    return { title: cleanText(str(sheet.title)) || tree.label || `Sheet ${i + 1}`, root: tree };
  });
}

/** A topic and its attached children; an explicit stack would not help here: depth is capped by the budget first. */
function zenTopic(topic: Json, depth: number, budget: NodeBudget): ImportNode {
  const label = cleanText(str(topic.title));
  const notesObj = obj(obj(topic.notes)?.plain);
  const notes = cleanText(str(notesObj?.content));
  budget.take(depth, label, notes);
  if (obj(topic.image)) budget.drop('image');
  if (typeof topic.href === 'string') budget.drop(topic.href.startsWith('xap:') ? 'attachment' : 'link');
  const markers = [
    ...(Array.isArray(topic.markers) ? topic.markers.map((m) => str(obj(m)?.markerId)).filter(Boolean) : []),
    ...(Array.isArray(topic.labels) ? topic.labels.map(str).filter(Boolean) : []),
  ];
  const children = obj(topic.children);
  const attached = Array.isArray(children?.attached) ? children.attached : [];
  const detached = Array.isArray(children?.detached) ? children.detached.length : 0;
  budget.drop('floating', detached);
  return {
    label,
    ...(notes !== '' && { notes }),
    ...(markers.length > 0 && { markers }),
    children: attached.flatMap((c) => {
      const next = obj(c);
      return next ? [zenTopic(next, depth + 1, budget)] : [];
    }),
  };
}

// ───────────────────────────── XMind 8: content.xml

const XMIND8_ARRAYS = ['sheet', 'topic', 'topics', 'marker-ref', 'label', 'relationship', 'img'];

function legacySheets(text: string, budget: NodeBudget): ImportSheet[] {
  const doc = rootElement(parseXml(text, XMIND8_ARRAYS, whatItIs()), 'xmap-content', importWords().whatXmind8);
  const sheets = list(doc.sheet);
  if (sheets.length > MAX_IMPORT_SHEETS) throw new ImportRefusal(fill(importWords().tooManySheets, { count: sheets.length, limit: MAX_IMPORT_SHEETS }));
  return sheets.map((sheet, i) => {
    const root = child(sheet, 'topic');
    if (!root) throw new ImportRefusal(fill(importWords().sheetNoCentre, { n: i + 1 }));
    budget.drop('relation', list(child(sheet, 'relationships')?.relationship).length);
    const tree = legacyTopic(root, 0, budget);
    return { title: cleanText(textOf(child(sheet, 'title') ?? (sheet as Json).title)) || tree.label || `Sheet ${i + 1}`, root: tree };
  });
}

function legacyTopic(topic: Json, depth: number, budget: NodeBudget): ImportNode {
  const label = cleanText(textOf(list(topic.title)[0]));
  const notesTag = child(topic, 'notes');
  const notes = cleanText(textOf(list(notesTag?.plain)[0]) || allText(notesTag?.html));
  budget.take(depth, label, notes);
  budget.drop('image', list(topic.img).length);
  const href = attr(topic, 'href');
  if (href) budget.drop(href.startsWith('xap:') ? 'attachment' : 'link');
  const markers = [
    ...list(child(topic, 'marker-refs')?.['marker-ref']).map((m) => attr(m, 'marker-id') ?? '').filter(Boolean),
    ...list(child(topic, 'labels')?.label).map((l) => cleanText(textOf(l))).filter(Boolean),
  ];
  const groups = list(child(topic, 'children')?.topics);
  const children: ImportNode[] = [];
  for (const group of groups) {
    const topics = list((group as Json).topic);
    if (attr(group, 'type') === 'detached') {
      budget.drop('floating', topics.length);
      continue;
    }
    for (const c of topics) if (typeof c === 'object' && c !== null) children.push(legacyTopic(c as Json, depth + 1, budget));
  }
  return { label, ...(notes !== '' && { notes }), ...(markers.length > 0 && { markers }), children };
}
