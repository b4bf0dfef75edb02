import { describe, expect, it } from 'vitest';
import { addTouchpoint } from '@shared/model/commands';
import { mindModelFor } from '../../../renderer/src/features/mindmap/mind-model';
import { LINKS_PER_PATH, linkPath, linkPaths } from '../../../renderer/src/features/mindmap/tree-links';
import { followView } from '../../../renderer/src/features/mindmap/canvas-control';
import { idOf, mapOf } from './build-doc';

/** The end points of every curve in some path data: [[sx, sy, tx, ty], …]. */
function curves(d: string): number[][] {
  return [...d.matchAll(/M([-\d.]+),([-\d.]+)C[-\d.]+,[-\d.]+ [-\d.]+,[-\d.]+ ([-\d.]+),([-\d.]+)/g)].map((m) => m.slice(1).map(Number));
}

function bigMap(touchpoints: number) {
  let builder = mapOf(['Awareness', 'Purchase']);
  for (let i = 0; i < touchpoints; i++) builder = builder.touchpoint(`Point ${i}`, { channel: i % 2 ? 'online' : 'offline', stage: i % 3 ? 'Awareness' : 'Purchase' });
  return builder.doc;
}

describe('tree links', () => {
  it('runs from the middle of the parent side facing the child to the middle of the child side facing the parent', () => {
    const parent = { x: 0, y: 0, width: 100, height: 40 };
    const child = { x: 200, y: 100, width: 80, height: 20 };
    expect(linkPath(parent, child, 'right')).toBe('M100,20C150,20 150,110 200,110');
    // leftward: from the parent's left side to the child's right side
    const left = { x: -300, y: 100, width: 80, height: 20 };
    expect(curves(linkPath(parent, left, 'left'))).toEqual([[0, 20, -220, 110]]);
    // a child dragged behind its parent: the curve still leaves outward, then bends back
    expect(linkPath(parent, { ...child, x: 50 }, 'right')).toMatch(/^M100,20C(1[0-9][0-9](\.\d)?),20 /);
  });

  it('draws one curve per tree edge of the laid-out map, each between its own two nodes', () => {
    const model = mindModelFor(bigMap(150), 'channel-stage');
    const paths = linkPaths(model.layout, model.byId);
    const all = paths.flatMap(curves);
    expect(all).toHaveLength(model.layout.edges.length);
    expect(paths).toHaveLength(Math.ceil(model.layout.edges.length / LINKS_PER_PATH));
    model.layout.edges.forEach((edge, i) => {
      const parent = model.byId.get(edge.source)!;
      const child = model.byId.get(edge.target)!;
      const [sx, sy, tx, ty] = all[i]!;
      expect(sx).toBeCloseTo(edge.sourceSide === 'right' ? parent.x + parent.width : parent.x, 0);
      expect(sy).toBeCloseTo(parent.y + parent.height / 2, 0);
      expect(tx).toBeCloseTo(edge.sourceSide === 'right' ? child.x : child.x + child.width, 0);
      expect(ty).toBeCloseTo(child.y + child.height / 2, 0);
    });
  });

  it('follows a dragged node: only its own links change', () => {
    const model = mindModelFor(bigMap(20), 'channel-stage');
    const id = idOf('Point 4');
    const node = model.byId.get(id)!;
    const before = linkPaths(model.layout, model.byId).flatMap(curves);
    const after = linkPaths(model.layout, model.byId, { id, x: node.x + 300, y: node.y - 50 }).flatMap(curves);
    const touching = model.layout.edges.map((edge) => edge.source === id || edge.target === id);
    after.forEach((curve, i) => (touching[i] ? expect(curve).not.toEqual(before[i]) : expect(curve).toEqual(before[i])));
    const into = model.layout.edges.findIndex((edge) => edge.target === id);
    const facing = model.layout.edges[into]!.sourceSide === 'right' ? 0 : node.width;
    expect(after[into]![2]).toBeCloseTo(node.x + 300 + facing, 0);
    expect(after[into]![3]).toBeCloseTo(node.y - 50 + node.height / 2, 0);
  });

  it('after an edit, every link is where the new layout puts its nodes (the cache never serves a stale curve)', () => {
    const doc = bigMap(60);
    const first = mindModelFor(doc, 'channel-stage');
    linkPaths(first.layout, first.byId); // fills the cache
    const edited = addTouchpoint(doc, { id: 't-new', label: 'A new one', channel: 'online', stageId: doc.map.stages[0]!.id });
    const second = mindModelFor(edited, 'channel-stage');
    const fresh = second.layout.edges.map((edge) => linkPath(second.byId.get(edge.source)!, second.byId.get(edge.target)!, edge.sourceSide));
    expect(linkPaths(second.layout, second.byId).join('')).toBe(fresh.join(''));
  });
});

describe('following the selection', () => {
  const pane = { width: 800, height: 600 };
  const view = { x: 0, y: 0, zoom: 1 };

  it('leaves a node on screen where it is', () => {
    expect(followView({ x: 100, y: 100, width: 100, height: 40 }, view, pane)).toBeNull();
  });

  it('glides to a node just off screen and jumps to one more than a screen away, centring it at the same zoom', () => {
    expect(followView({ x: 900, y: 0, width: 100, height: 40 }, view, pane)).toEqual({ x: -550, y: 280, zoom: 1, duration: 150 });
    const far = followView({ x: 100, y: 5000, width: 100, height: 40 }, { x: 10, y: 10, zoom: 0.5 }, pane);
    expect(far).toEqual({ x: 400 - 150 * 0.5, y: 300 - 5020 * 0.5, zoom: 0.5, duration: 0 });
  });

  it('does nothing before the canvas has a size', () => {
    expect(followView({ x: 900, y: 0, width: 100, height: 40 }, view, { width: 0, height: 0 })).toBeNull();
  });
});
