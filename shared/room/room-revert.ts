/**
 * Undoing a refused participant update inside the room. Dropping the update would leave a gap in
 * that participant's sequence of Yjs changes, and every later change of theirs (even an allowed
 * one) would wait forever for the missing one. Instead the room applies the update and, in the
 * same transaction, puts every value it touched back as it was: the result is the room as
 * before, the participant's sequence stays whole, and their page receives the correction.
 */
import * as Y from 'yjs';
import type { RoomPath } from './room-rules';

type Saved = { readonly kind: 'absent' } | { readonly kind: 'value'; readonly value: unknown } | { readonly kind: 'map'; readonly map: Y.Map<unknown>; readonly entries: ReadonlyMap<string, unknown> };

function save(value: unknown): Saved {
  if (value === undefined) return { kind: 'absent' };
  if (value instanceof Y.Map) return { kind: 'map', map: value, entries: new Map(value.entries()) };
  return { kind: 'value', value };
}

function restore(parent: Y.Map<unknown>, key: string, saved: Saved): void {
  const now = parent.get(key);
  if (saved.kind === 'absent') {
    if (parent.has(key)) parent.delete(key);
  } else if (saved.kind === 'value') {
    if (now !== saved.value) parent.set(key, saved.value);
  } else if (now !== saved.map) {
    // The map itself was replaced or deleted: a copy with its entries takes its place.
    const copy = new Y.Map<unknown>();
    parent.set(key, copy);
    for (const [k, v] of saved.entries) copy.set(k, v);
  }
}

/** Applies `update` from `origin` and restores every path it changed, in one transaction. */
export function applyAndRevert(doc: Y.Doc, update: Uint8Array, paths: readonly RoomPath[], origin: unknown): void {
  const top = new Map<string, { parent: Y.Map<unknown>; key: string; saved: Saved }>();
  const nested = new Map<string, { root: string; owner: string; key: string; saved: Saved }>();
  for (const path of paths) {
    const [owner, key] = path.keys;
    if (owner === undefined) continue;
    const parent = doc.getMap<unknown>(path.root);
    const topId = `${path.root}\u0000${owner}`;
    if (!top.has(topId)) top.set(topId, { parent, key: owner, saved: save(parent.get(owner)) });
    if (key !== undefined) {
      const own = parent.get(owner);
      const id = `${topId}\u0000${key}`;
      if (!nested.has(id)) nested.set(id, { root: path.root, owner, key, saved: save(own instanceof Y.Map ? own.get(key) : undefined) });
    }
  }
  doc.transact(() => {
    Y.applyUpdate(doc, update, origin);
    for (const { parent, key, saved } of top.values()) restore(parent, key, saved);
    for (const { root, owner, key, saved } of nested.values()) {
      const own = doc.getMap<unknown>(root).get(owner);
      if (own instanceof Y.Map) restore(own as Y.Map<unknown>, key, saved);
    }
  }, origin);
}
