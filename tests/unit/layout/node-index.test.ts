import { describe, expect, it } from 'vitest';
import type { TopicId } from '@shared/model/types';
import { addTouchpoint } from '@shared/model/commands';
import { generateMap } from '../../fixtures/generate-map';
import { mindModelFor } from '../../../renderer/src/drawing/mind-model';
import { NodeIndex } from '../../../renderer/src/drawing/node-index';
import type { LayoutNode } from '../../../renderer/src/drawing/layout';

const record = (id: string, y: number) => ({ id, y }) as unknown as LayoutNode;

describe('the index of layout records by id', () => {
  it('is handed on to the next layout and edited in place, not copied, while the newest one owns it', () => {
    const a = record('a', 0);
    const b = record('b', 10);
    const first = NodeIndex.of(new Map([['a', a], ['b', b]]), [a, b]);
    const seen: Map<string, LayoutNode>[] = [];
    const movedB = record('b', 20);
    const second = NodeIndex.next(first, [a, movedB], (map) => {
      seen.push(map);
      map.set('b', movedB);
    });
    const c = record('c', 30);
    const third = NodeIndex.next(second, [a, movedB, c], (map) => {
      seen.push(map);
      map.set('c', c);
    });
    expect(seen[1]).toBe(seen[0]);
    expect([...third.keys()]).toEqual(['a', 'b', 'c']);
    expect(third.get('c')).toBe(c);
  });

  it('still answers for its own layout once a newer one has taken the map over', () => {
    const a = record('a', 0);
    const b = record('b', 10);
    const first = NodeIndex.of(new Map([['a', a], ['b', b]]), [a, b]);
    const movedB = record('b', 20);
    const second = NodeIndex.next(first, [movedB], (map) => {
      map.delete('a');
      map.set('b', movedB);
    });
    expect(first.get('b')).toBe(b);
    expect(first.has('a')).toBe(true);
    expect(first.size).toBe(2);
    expect(second.get('b')).toBe(movedB);
    expect(second.has('a')).toBe(false);
    expect(second.size).toBe(1);
    // an index that no longer owns the map hands on a copy: the newest one is left as it is
    const fromOld = NodeIndex.next(first, [a], (map) => map.delete('b'));
    expect(fromOld.has('b')).toBe(false);
    expect(second.get('b')).toBe(movedB);
  });

  it('after a Tab at 2,000 topics, the model before the Tab still finds its own records, the one after its own', () => {
    let doc = generateMap({ seed: 5, topics: 2000 });
    const before = mindModelFor(doc, 'channel-stage');
    doc = addTouchpoint(doc, { id: 't-added' as TopicId, label: 'Booking form', channel: 'online', stageId: doc.map.stages[2]!.id });
    const after = mindModelFor(doc, 'channel-stage');
    const moved = before.layout.nodes.filter((node) => after.byId.get(node.id) !== node);
    expect(moved.length).toBeGreaterThan(100);
    for (const node of before.layout.nodes) expect(before.byId.get(node.id)).toBe(node);
    for (const node of after.layout.nodes) expect(after.byId.get(node.id)).toBe(node);
    expect(before.byId.has('t-added')).toBe(false);
    expect(after.byId.size).toBe(before.byId.size + 1);
  });
});
