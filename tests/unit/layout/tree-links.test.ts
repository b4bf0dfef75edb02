import { describe, expect, it, vi } from 'vitest';
import { addTouchpoint } from '@shared/model/commands';
import { mindModelFor } from '../../../renderer/src/drawing/mind-model';
import { LINKS_PER_PATH, linkPath, linkPaths, type LinkPath } from '../../../renderer/src/drawing/tree-links';
import { canvasControl, followView, registerCanvas, REVEAL_GLIDE, type CanvasHandle } from '../../../renderer/src/features/mindmap/canvas-control';
import { mapDoc, topicIdOf } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

/** The end points of every curve in some path data, `dy` px down: [[sx, sy, tx, ty], …]. */
function curves(d: string, dy = 0): number[][] {
  return [...d.matchAll(/M([-\d.]+),([-\d.]+)C[-\d.]+,[-\d.]+ [-\d.]+,[-\d.]+ ([-\d.]+),([-\d.]+)/g)].map((m) => {
    const [sx, sy, tx, ty] = m.slice(1).map(Number) as [number, number, number, number];
    return [sx, sy + dy, tx, ty + dy];
  });
}
const drawn = (path: LinkPath) => curves(path.d, path.dy);
/** Curves in a stable order, to compare sets of links (the links into groups are drawn first). */
const sorted = (list: number[][]) => [...list].sort((a, b) => a.join().localeCompare(b.join()));
const near = (list: number[][]) => list.map((curve) => curve.map((v) => Math.round(v)));

function bigMap(touchpoints: number) {
  let builder = mapDoc('Clinic', { stages: ['Awareness', 'Purchase'] });
  for (let i = 0; i < touchpoints; i++) builder = builder.touchpoint(`Point ${i}`, { channel: i % 2 ? 'online' : 'offline', stage: i % 3 ? 'Awareness' : 'Purchase' });
  return builder.build();
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
    expect(Math.max(...paths.map((path) => curves(path.d).length))).toBeLessThanOrEqual(LINKS_PER_PATH);
    expect(new Set(paths.map((path) => path.key)).size).toBe(paths.length);
    const expected = model.layout.edges.map((edge) => {
      const parent = model.byId.get(edge.source)!;
      const child = model.byId.get(edge.target)!;
      const right = edge.sourceSide === 'right';
      return [right ? parent.x + parent.width : parent.x, parent.y + parent.height / 2, right ? child.x : child.x + child.width, child.y + child.height / 2];
    });
    expect(sorted(near(paths.flatMap(drawn)))).toEqual(sorted(near(expected)));
  });

  it('follows a dragged node: only its own links change', () => {
    const model = mindModelFor(bigMap(20), 'channel-stage');
    const id = topicIdOf('Point 4');
    const node = model.byId.get(id)!;
    const moved = { ...node, x: node.x + 300, y: node.y - 50 };
    const at = (nodeId: string) => (nodeId === id ? moved : model.byId.get(nodeId)!);
    const expected = model.layout.edges.flatMap((edge) => curves(linkPath(at(edge.source), at(edge.target), edge.sourceSide)));
    const after = linkPaths(model.layout, model.byId, { id, x: moved.x, y: moved.y }).flatMap(drawn);
    expect(sorted(near(after))).toEqual(sorted(near(expected)));
    const into = model.layout.edges.find((edge) => edge.target === id)!;
    const facing = into.sourceSide === 'right' ? 0 : node.width;
    expect(near(after).some(([, , tx, ty]) => tx === Math.round(moved.x + facing) && ty === Math.round(moved.y + node.height / 2))).toBe(true);
  });

  it('after an edit, every link is where the new layout puts its nodes (the cache never serves a stale curve)', () => {
    const doc = bigMap(60);
    const first = mindModelFor(doc, 'channel-stage');
    linkPaths(first.layout, first.byId); // fills the cache
    const edited = addTouchpoint(doc, { id: asId.topic('t-new'), label: 'A new one', channel: 'online', stageId: doc.map.stages[0]!.id });
    const second = mindModelFor(edited, 'channel-stage');
    const fresh = second.layout.edges.map((edge) => linkPath(second.byId.get(edge.source)!, second.byId.get(edge.target)!, edge.sourceSide));
    const got = linkPaths(second.layout, second.byId).flatMap(drawn);
    expect(sorted(near(got))).toEqual(sorted(near(fresh.flatMap((d) => curves(d)))));
  });

  it('a touchpoint added to one group leaves the path data of the groups it pushed down as it was: only their offset changes', () => {
    const doc = bigMap(200);
    const before = mindModelFor(doc, 'channel-stage');
    const old = new Map(linkPaths(before.layout, before.byId).map((path) => [path.key, path]));
    // the first stage of the online side: the online groups below it move down a row
    const edited = addTouchpoint(doc, { id: asId.topic('t-new'), label: 'A new one', channel: 'online', stageId: doc.map.stages[0]!.id });
    const after = mindModelFor(edited, 'channel-stage');
    const inEditedGroup = (key: string) => {
      const first = after.byId.get(key);
      return first?.channel === 'online' && first.stageId === doc.map.stages[0]!.id;
    };
    const pushed = linkPaths(after.layout, after.byId).filter((path) => {
      const was = old.get(path.key);
      return was !== undefined && was.dy !== path.dy && path.key !== 'trunk' && !inEditedGroup(path.key);
    });
    expect(pushed.length).toBeGreaterThan(0);
    for (const path of pushed) expect(path.d).toBe(old.get(path.key)!.d);
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

  it('moves at once, and only as far as the margin, to a node just made; centres one more than a screen away', () => {
    // just off the right edge and inside the top margin: 240 px left, 40 px down, nothing more
    expect(followView({ x: 900, y: 0, width: 100, height: 40 }, view, pane, 'nearest')).toEqual({ x: -240, y: 40, zoom: 1, duration: 0 });
    // the next one below the bottom edge: the view moves up by what it takes to clear the minimap
    // (150 px and its 15 px inset, and 15 px more) and keeps the rest in place
    expect(followView({ x: 100, y: 590, width: 100, height: 40 }, view, pane, 'nearest')).toEqual({ x: 0, y: -210, zoom: 1, duration: 0 });
    expect(followView({ x: 100, y: 400, width: 100, height: 20 }, view, pane, 'nearest')).toBeNull(); // clear of it already
    // in a short pane, to a third of its height from the bottom
    expect(followView({ x: 100, y: 330, width: 100, height: 40 }, view, { width: 800, height: 300 }, 'nearest')).toEqual({ x: 0, y: -170, zoom: 1, duration: 0 });
    // zoomed out: the shift is in screen px
    expect(followView({ x: 100, y: 1150, width: 100, height: 40 }, { x: 0, y: 0, zoom: 0.5 }, pane, 'nearest')).toEqual({ x: 0, y: -175, zoom: 0.5, duration: 0 });
    // more than a screen away: centred, as a glide would
    expect(followView({ x: 100, y: 5000, width: 100, height: 40 }, view, pane, 'nearest')).toEqual({ x: 250, y: 300 - 5020, zoom: 1, duration: 0 });
    // on screen: nothing
    expect(followView({ x: 100, y: 100, width: 100, height: 40 }, view, pane, 'nearest')).toBeNull();
  });

  it('glides fast at first and settles at the end, along a straight line', () => {
    expect(REVEAL_GLIDE.interpolate).toBe('linear');
    expect(REVEAL_GLIDE.ease(0)).toBe(0);
    expect(REVEAL_GLIDE.ease(1)).toBe(1);
    // a tenth of the way in time is over a quarter of the way there (ease-in-out: 0.4 %)
    expect(REVEAL_GLIDE.ease(0.1)).toBeGreaterThan(0.25);
  });

  it('does nothing before the canvas has a size', () => {
    expect(followView({ x: 900, y: 0, width: 100, height: 40 }, view, { width: 0, height: 0 })).toBeNull();
  });

  it('asks the canvas once while a glide is under way to the same place, and again after it', () => {
    const setViewport = vi.fn(async () => true);
    const fake = { getViewport: () => ({ x: 0, y: 0, zoom: 1 }), setViewport, paneSize: () => pane } as unknown as CanvasHandle;
    const unregister = registerCanvas(fake);
    const now = vi.spyOn(performance, 'now').mockReturnValue(1000);
    try {
      const justOff = { x: 900, y: 0, width: 100, height: 40 };
      canvasControl.reveal(justOff); // the action
      canvasControl.reveal(justOff); // the canvas's follow effect, mid-glide
      expect(setViewport).toHaveBeenCalledTimes(1);
      expect(setViewport).toHaveBeenLastCalledWith({ x: -550, y: 280, zoom: 1 }, { duration: 150, ...REVEAL_GLIDE });
      now.mockReturnValue(1200); // the glide is over, but this fake view never moved: asked again
      canvasControl.reveal(justOff);
      expect(setViewport).toHaveBeenCalledTimes(2);
    } finally {
      now.mockRestore();
      unregister();
    }
  });
});
