import { describe, expect, it } from 'vitest';
import type { MapDoc } from '@shared/model/types';
import { generateMap } from '../../fixtures/generate-map';
import { layoutMindMap, type LayoutNode, type MapLayout } from '../../../renderer/src/drawing/layout';
import { groupId, projectMindMap, type Grouping } from '../../../renderer/src/drawing/projection';
import { LEVEL_GAP, NODE_GEOMETRY, ROOT_GAP, TOUCHPOINT_GAP } from '../../../renderer/src/drawing/text-metrics';
import { CUSTOMER_JOURNEY, mapDoc, ROOT_ID, stageIdOf, topicIdOf } from '../../builders/map-doc';
import { overlapsAllPairs, overlapsSweep } from './overlaps';
import { asId } from '../../builders/ids';

const lay = (doc: MapDoc, grouping: Grouping = 'channel-stage'): MapLayout => layoutMindMap(projectMindMap(doc, { grouping }));
const byId = (layout: MapLayout) => new Map(layout.nodes.map((n) => [n.id, n]));
const node = (layout: MapLayout, id: string): LayoutNode => {
  const found = layout.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};
const centreY = (n: LayoutNode) => n.y + n.height / 2;
const cell = (channel: 'online' | 'offline' | null, stage: string | null) => groupId({ channel, stageId: stage === null ? null : stageIdOf(stage) });

/** A workshop-sized map: every stage, both channels, details, unsorted touchpoints, long labels. */
function workshopMap() {
  let builder = mapDoc('Clinic', { stages: CUSTOMER_JOURNEY });
  CUSTOMER_JOURNEY.forEach((stage, s) => {
    for (let i = 0; i < (s % 3) + 1; i++) {
      builder = builder.touchpoint(`${stage} online ${i}`, { channel: 'online', stage });
      builder = builder.touchpoint(`${stage} offline ${i} with a label long enough to wrap over two lines`, { channel: 'offline', stage });
    }
  });
  return builder
    .detail('Booking form', { under: 'Awareness online 0' })
    .detail('Callback request from the site, with a very long label that will certainly be clipped at the end of the third line', { under: 'Awareness online 0' })
    .detail('Clickable phone', { under: 'Callback request from the site, with a very long label that will certainly be clipped at the end of the third line' })
    .touchpoint('口コミサイトのレビューを読んで予約する', { id: 't-kuchikomi', channel: 'offline', stage: 'Purchase' })
    .touchpoint('후기 작성 이벤트 쿠폰', { id: 't-hugi', channel: 'online', stage: 'Loyalty' })
    .touchpoint('Отзыв на стороннем сайте', { id: 't-otzyv', channel: 'online' })
    .touchpoint('Word of mouth', { stage: 'Advocacy' })
    .touchpoint('Mystery', {});
}

describe('the mind map layout', () => {
  const doc = workshopMap().build();
  const layout = lay(doc);
  const nodes = byId(layout);
  const root = node(layout, ROOT_ID);

  it('centres the business on (0, 0)', () => {
    expect(root).toMatchObject({ type: 'root', side: 'center', depth: 0, parentId: null });
    // whole px: the centre is off by at most half a pixel
    expect(Math.abs(root.x + root.width / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(root.y + root.height / 2)).toBeLessThanOrEqual(0.5);
  });

  it('puts every online node right of the root and every offline node left of it', () => {
    const rootRight = root.x + root.width;
    for (const n of layout.nodes) {
      if (n.channel === 'online') {
        expect(n.side).toBe('right');
        expect(n.x).toBeGreaterThanOrEqual(rootRight + ROOT_GAP);
      }
      if (n.channel === 'offline') {
        expect(n.side).toBe('left');
        expect(n.x + n.width).toBeLessThanOrEqual(root.x - ROOT_GAP);
      }
    }
    expect(layout.nodes.filter((n) => n.type === 'touchpoint' && n.channel === 'online').length).toBeGreaterThan(5);
  });

  it('stacks the stage groups top to bottom in stage order on both sides, Unsorted last', () => {
    for (const channel of ['online', 'offline'] as const) {
      const groups = [...CUSTOMER_JOURNEY.map((stage) => cell(channel, stage)), cell(channel, null)].map((id) => nodes.get(id)).filter((n) => n !== undefined);
      expect(groups.length).toBeGreaterThanOrEqual(CUSTOMER_JOURNEY.length);
      for (let i = 1; i < groups.length; i++) expect((groups[i] as LayoutNode).y).toBeGreaterThan((groups[i - 1] as LayoutNode).y + (groups[i - 1] as LayoutNode).height);
    }
  });

  it('places the channel-less Unsorted group on the right, below everything online', () => {
    const unsorted = node(layout, 'group:nochannel');
    expect(unsorted).toMatchObject({ side: 'right', type: 'unsorted', count: 2 });
    const online = layout.nodes.filter((n) => n.channel === 'online');
    for (const n of online) expect(unsorted.y).toBeGreaterThan(n.y + n.height);
    expect(node(layout, topicIdOf('Word of mouth')).x).toBeGreaterThan(unsorted.x + unsorted.width);
  });

  it('lets no two nodes overlap (every pair checked)', () => {
    expect(layout.nodes.length).toBeGreaterThan(40);
    expect(overlapsAllPairs(layout.nodes)).toEqual([]);
  });

  it('draws an edge for every tree link, leaving the parent on its child’s side', () => {
    expect(layout.edges).toHaveLength(layout.nodes.length - 1);
    const edgeTo = new Map(layout.edges.map((e) => [e.target, e]));
    for (const n of layout.nodes) {
      if (n.parentId === null) continue;
      const edge = edgeTo.get(n.id);
      expect(edge).toMatchObject({ id: `${n.parentId}->${n.id}`, source: n.parentId, target: n.id, sourceSide: n.side === 'left' ? 'left' : 'right' });
    }
    const tree = projectMindMap(doc, { grouping: 'channel-stage' });
    const links: string[] = [];
    const walk = (m: typeof tree.root) => m.children.forEach((c) => (links.push(`${m.id}->${c.id}`), walk(c)));
    walk(tree.root);
    expect(layout.edges.map((e) => e.id).sort()).toEqual(links.sort());
  });

  it('aligns each depth in a column: left edges on the right side, right edges on the left, the sides mirrored', () => {
    for (const side of ['left', 'right'] as const) {
      const byDepth = new Map<number, Set<number>>();
      for (const n of layout.nodes.filter((m) => m.side === side)) {
        const edge = side === 'right' ? n.x : n.x + n.width;
        byDepth.set(n.depth, (byDepth.get(n.depth) ?? new Set()).add(edge));
      }
      for (const edges of byDepth.values()) expect(edges.size).toBe(1);
    }
    const firstRight = layout.nodes.find((n) => n.side === 'right' && n.depth === 1) as LayoutNode;
    const firstLeft = layout.nodes.find((n) => n.side === 'left' && n.depth === 1) as LayoutNode;
    expect(firstRight.x - (root.x + root.width)).toBe(ROOT_GAP);
    expect(root.x - (firstLeft.x + firstLeft.width)).toBe(ROOT_GAP);
    // columns are as wide as their widest node, then LEVEL_GAP
    const widest = Math.max(...layout.nodes.filter((n) => n.side === 'right' && n.depth === 2).map((n) => n.width));
    const column3 = layout.nodes.find((n) => n.side === 'right' && n.depth === 3) as LayoutNode;
    const column2 = layout.nodes.find((n) => n.side === 'right' && n.depth === 2) as LayoutNode;
    expect(column3.x - column2.x).toBe(widest + LEVEL_GAP);
  });

  it('centres a parent on its children and keeps siblings TOUCHPOINT_GAP apart', () => {
    const group = node(layout, cell('online', 'Purchase'));
    const kids = layout.nodes.filter((n) => n.parentId === group.id);
    expect(kids).toHaveLength(3);
    expect(Math.abs(centreY(group) - (centreY(kids[0] as LayoutNode) + centreY(kids[2] as LayoutNode)) / 2)).toBeLessThanOrEqual(1);
    expect((kids[1] as LayoutNode).y - ((kids[0] as LayoutNode).y + (kids[0] as LayoutNode).height)).toBeGreaterThanOrEqual(TOUCHPOINT_GAP - 1);
  });

  it('wraps labels within each type’s width and line limits, clipping the very long ones', () => {
    for (const n of layout.nodes) {
      const g = NODE_GEOMETRY[n.type];
      expect(n.lines.length).toBeLessThanOrEqual(g.maxLines);
      expect(n.width).toBeLessThanOrEqual(g.maxWidth);
      expect(n.width).toBeGreaterThanOrEqual(g.minWidth);
      expect(n.height).toBe(Math.ceil(n.lines.length * g.lineHeight + 2 * g.paddingY + g.borderY));
    }
    const long = layout.nodes.find((n) => n.label.startsWith('Callback request')) as LayoutNode;
    expect(long.clipped).toBe(true);
    expect(long.lines).toHaveLength(NODE_GEOMETRY.detail.maxLines);
    expect(long.lines.at(-1)?.endsWith('…')).toBe(true);
    expect(node(layout, topicIdOf('Awareness online 0')).lines).toEqual(['Awareness online 0']);
  });

  it('reports counts and the group’s channel and stage on group nodes', () => {
    expect(node(layout, 'group:online')).toMatchObject({ type: 'channel', count: 14, channel: 'online' });
    expect(node(layout, cell('offline', 'Purchase'))).toMatchObject({ type: 'stage', channel: 'offline', stageId: stageIdOf('Purchase'), count: 4 });
    expect(root.count).toBe(29);
  });

  it('keeps every node inside the bounds', () => {
    const { x, y, width, height } = layout.bounds;
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(x);
      expect(n.y).toBeGreaterThanOrEqual(y);
      expect(n.x + n.width).toBeLessThanOrEqual(x + width);
      expect(n.y + n.height).toBeLessThanOrEqual(y + height);
    }
    expect(layout.nodes.some((n) => n.x === x)).toBe(true);
    expect(layout.nodes.some((n) => n.y + n.height === y + height)).toBe(true);
  });
});

describe('stable layout', () => {
  it('gives the same layout for the same map, whatever order its records are in', () => {
    const doc = generateMap({ seed: 11, topics: 600, unsortedShare: 0.05 });
    const shuffled = { ...doc, topics: Object.fromEntries(Object.entries(doc.topics).reverse()) };
    const first = lay(doc);
    expect(lay(doc)).toEqual(first);
    expect(lay(shuffled)).toEqual(first);
    expect(layoutMindMap(projectMindMap(structuredClone(doc), { grouping: 'channel-stage' }))).toEqual(first);
  });

  it('does not reorder the other nodes when a touchpoint is added', () => {
    const before = workshopMap();
    const after = workshopMap().touchpoint('New touchpoint', { channel: 'online', stage: 'Consideration', order: 3.5 });
    const a = lay(before.build());
    const b = lay(after.build());
    const kept = b.nodes.filter((n) => n.id !== topicIdOf('New touchpoint'));
    expect(kept.map((n) => n.id)).toEqual(a.nodes.map((n) => n.id));
    // within every column, the top-to-bottom order is unchanged
    const columnOrder = (l: MapLayout) => {
      const columns = new Map<string, string[]>();
      for (const n of [...l.nodes].sort((p, q) => p.y - q.y)) {
        if (n.id === topicIdOf('New touchpoint')) continue;
        const key = `${n.side}:${n.depth}`;
        columns.set(key, [...(columns.get(key) ?? []), n.id]);
      }
      return columns;
    };
    expect(columnOrder(b)).toEqual(columnOrder(a));
    // the offline side does not move at all
    const offline = (l: MapLayout) => l.nodes.filter((n) => n.side === 'left').map((n) => [n.id, n.x, n.y]);
    expect(offline(b)).toEqual(offline(a));
  });
});

describe('collapsing', () => {
  it('lays out a collapsed topic without its descendants, reporting how many it hides', () => {
    const builder = mapDoc('Clinic', { stages: ['Awareness'] })
      .touchpoint('Website', { channel: 'online', stage: 'Awareness', collapsed: true })
      .detail('Booking form', { under: 'Website' })
      .detail('Chat', { under: 'Website' })
      .touchpoint('Phone', { channel: 'online', stage: 'Awareness' });
    const layout = lay(builder.build());
    expect(node(layout, topicIdOf('Website'))).toMatchObject({ collapsed: true, hiddenCount: 2 });
    expect(layout.nodes.some((n) => n.id === topicIdOf('Chat'))).toBe(false);
    expect(layout.edges.some((e) => e.source === topicIdOf('Website'))).toBe(false);
    const open = lay(builder.set('Website', { collapsed: false }).build());
    expect(node(open, topicIdOf('Website'))).toMatchObject({ collapsed: false, hiddenCount: 0 });
    expect(open.nodes.length).toBe(layout.nodes.length + 2);
  });
});

describe('manual positions', () => {
  const builder = () =>
    mapDoc('Clinic', { stages: ['Awareness', 'Purchase'] })
      .touchpoint('Website', { channel: 'online', stage: 'Awareness' })
      .detail('Booking form', { under: 'Website' })
      .detail('Chat', { under: 'Website' })
      .touchpoint('Phone', { channel: 'online', stage: 'Awareness' })
      .touchpoint('Shop', { channel: 'offline', stage: 'Purchase' });

  it('puts a dragged topic where it was dropped and moves its subtree with it', () => {
    const auto = lay(builder().build());
    const moved = lay(builder().set('Website', { position: { x: 900, y: -400 } }).build());
    const website = node(moved, topicIdOf('Website'));
    expect(website).toMatchObject({ x: 900, y: -400, manual: true });
    const dx = 900 - node(auto, topicIdOf('Website')).x;
    const dy = -400 - node(auto, topicIdOf('Website')).y;
    for (const id of [topicIdOf('Booking form'), topicIdOf('Chat')]) {
      expect(node(moved, id).x).toBe(node(auto, id).x + dx);
      expect(node(moved, id).y).toBe(node(auto, id).y + dy);
      expect(node(moved, id).manual).toBe(false);
    }
    for (const id of [ROOT_ID, topicIdOf('Phone'), topicIdOf('Shop'), 'group:online']) {
      expect(node(moved, id)).toMatchObject({ x: node(auto, id).x, y: node(auto, id).y, manual: false });
    }
    expect(moved.bounds.x + moved.bounds.width).toBeGreaterThanOrEqual(900 + website.width);
    expect(moved.bounds.y).toBeLessThanOrEqual(-400);
  });

  it('lets a detail’s own position win inside a moved subtree', () => {
    const layout = lay(builder().set('Website', { position: { x: 900, y: -400 } }).set('Chat', { position: { x: -50, y: 600 } }).build());
    expect(node(layout, topicIdOf('Chat'))).toMatchObject({ x: -50, y: 600, manual: true });
  });

  it('turns the edge to a topic dragged across its parent', () => {
    const layout = lay(builder().set('Booking form', { position: { x: -2000, y: 0 } }).build());
    expect(layout.edges.find((e) => e.target === topicIdOf('Booking form'))?.sourceSide).toBe('left');
  });
});

describe('stage → channel grouping', () => {
  it('balances the stages over both sides, each in stage order, with nothing overlapping', () => {
    const doc = generateMap({ seed: 5, topics: 400, unsortedShare: 0.1 });
    const layout = lay(doc, 'stage-channel');
    const stages = doc.map.stages.map((s) => node(layout, groupId({ stageId: s.id })));
    expect(stages.map((s) => s.side)).toEqual(['right', 'right', 'right', 'left', 'left', 'left']);
    for (const side of ['right', 'left']) {
      const column = stages.filter((s) => s.side === side);
      for (let i = 1; i < column.length; i++) expect((column[i] as LayoutNode).y).toBeGreaterThan((column[i - 1] as LayoutNode).y);
    }
    const unsorted = node(layout, 'group:nostage');
    expect(unsorted.side).toBe('left');
    expect(unsorted.y).toBeGreaterThan(Math.max(...stages.filter((s) => s.side === 'left').map((s) => s.y)));
    expect(overlapsSweep(layout.nodes)).toEqual([]);
    const right = layout.nodes.filter((n) => n.side === 'right').length;
    const left = layout.nodes.filter((n) => n.side === 'left').length;
    expect(Math.abs(right - left) / (right + left)).toBeLessThan(0.25);
  });
});

describe('big maps', () => {
  it('lays out 5,000 topics in both groupings with nothing overlapping (sweep line)', () => {
    const doc = generateMap({ seed: 42, topics: 5000, unsortedShare: 0.02 });
    expect(Object.keys(doc.topics)).toHaveLength(5000);
    for (const grouping of ['channel-stage', 'stage-channel'] as const) {
      const layout = lay(doc, grouping);
      const groups = layout.nodes.filter((n) => n.topicId === undefined).length;
      expect(layout.nodes.length - groups).toBe(5000);
      expect(layout.edges).toHaveLength(layout.nodes.length - 1);
      expect(overlapsSweep(layout.nodes)).toEqual([]);
      expect(Number.isFinite(layout.bounds.width) && Number.isFinite(layout.bounds.height)).toBe(true);
    }
  });

  it('finds overlaps when there are some (the check itself works)', () => {
    const boxes = [
      { id: 'a', x: 0, y: 0, width: 10, height: 10 },
      { id: 'b', x: 20, y: 0, width: 10, height: 10 },
      { id: 'c', x: 5, y: 9, width: 10, height: 10 },
    ];
    expect(overlapsSweep(boxes)).toEqual([['a', 'c']]);
    expect(overlapsAllPairs(boxes)).toEqual([['a', 'c']]);
  });

  it('lays out a chain of details thousands deep', () => {
    const base = mapDoc('Clinic', { stages: ['Awareness'] }).touchpoint('Deep', { channel: 'online', stage: 'Awareness' }).build();
    const topics = { ...base.topics };
    let parent = topicIdOf('Deep');
    for (let i = 0; i < 2000; i++) {
      topics[asId.topic(`t-d${i}`)] = { id: asId.topic(`t-d${i}`), parentId: parent, order: 0, label: `d${i}` };
      parent = asId.topic(`t-d${i}`);
    }
    const layout = lay({ ...base, topics });
    expect(node(layout, 't-d1999').depth).toBe(2003);
    expect(overlapsSweep(layout.nodes)).toEqual([]);
  });
});
