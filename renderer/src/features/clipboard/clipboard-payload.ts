/**
 * What copying touchpoints puts on the system clipboard: the app's own JSON (exact fields, for
 * pasting into this or another map) under `TOUCHMAP_MIME`, and an indented plain-text outline
 * under `text/plain` for every other program. Pure, no DOM.
 */
import { buildChildIndex, isBelowRoot, isTopicIdOf } from '@shared/model/selectors';
import type { MapDoc, Topic } from '@shared/model/types';
import type { ClipboardTopic, PasteSource } from './paste-topics';
import { mapIdFrom } from '@shared/model/ids';

/** A custom type Chromium keeps on its clipboard for pages (and Electron windows) of the app. */
export const TOUCHMAP_MIME = 'application/x-touchmap+json';
const FORMAT = 'touchmap-clipboard';
const VERSION = 1;

export interface ClipboardPayload extends PasteSource {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  readonly topics: readonly ClipboardTopic[];
}

function entryOf(doc: MapDoc, topic: Topic): ClipboardTopic {
  const index = buildChildIndex(doc);
  const make = (t: Topic): { label: string; fields: Record<string, unknown>; children: ClipboardTopic[] } => {
    const { id: _id, parentId: _parent, order: _order, label, position: _position, ...fields } = t;
    return { label, fields, children: [] };
  };
  const top = make(topic);
  const stack: [Topic, { children: ClipboardTopic[] }][] = [[topic, top]];
  while (stack.length > 0) {
    const [t, entry] = stack.pop() as [Topic, { children: ClipboardTopic[] }];
    for (const child of index.childrenOf(t.id)) {
      const made = make(child);
      entry.children.push(made);
      stack.push([child, made]);
    }
  }
  return top;
}

/**
 * The topics of the selection to copy, in map order, each with all its details. A detail whose
 * touchpoint (or ancestor) is also selected is already inside it; the root and group nodes are
 * not topics one can copy. Empty when nothing copyable is selected.
 */
export function copiedTopics(doc: MapDoc, selected: readonly string[]): Topic[] {
  const chosen = new Set(selected.filter((id) => isTopicIdOf(doc, id) && isBelowRoot(doc, id)));
  if (chosen.size === 0) return [];
  const index = buildChildIndex(doc);
  const out: Topic[] = [];
  const root = index.root;
  if (!root) return out;
  // walk in map order; a chosen topic's subtree is not searched further (it is copied whole)
  const stack: Topic[] = [...index.childrenOf(root.id)].reverse();
  while (stack.length > 0) {
    const topic = stack.pop() as Topic;
    if (chosen.has(topic.id)) {
      out.push(topic);
      continue;
    }
    const children = index.childrenOf(topic.id);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as Topic);
  }
  return out;
}

/** The JSON payload for the topics (see `copiedTopics`). */
export function makePayload(doc: MapDoc, topics: readonly Topic[]): ClipboardPayload {
  const { id, stages, segments, competitors } = doc.map;
  return { format: FORMAT, version: VERSION, mapId: id, stages, segments, competitors, topics: topics.map((topic) => entryOf(doc, topic)) };
}

/**
 * The payload in clipboard JSON, or null when the text is not one (then it is pasted as plain
 * text). Fields are checked when pasted (`pasteTopics`), which names any bad one.
 */
export function readPayload(json: string): ClipboardPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const payload = value as Partial<ClipboardPayload>;
  if (payload.format !== FORMAT || payload.version !== VERSION || !Array.isArray(payload.topics)) return null;
  const list = <T,>(items: unknown): T[] => (Array.isArray(items) ? (items as T[]) : []);
  return {
    format: FORMAT,
    version: VERSION,
    // The map the topics were copied from; a paste only compares it with the open map's id.
    mapId: mapIdFrom(typeof payload.mapId === 'string' ? payload.mapId : ''),
    stages: list(payload.stages),
    segments: list(payload.segments),
    competitors: list(payload.competitors),
    topics: payload.topics,
  };
}

