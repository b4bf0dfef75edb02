import { describe, expect, it } from 'vitest';
import type { Topic } from '@shared/model/types';
import { groupId, isGroupId, parseGroupId, projectMindMap, type GroupTarget, type MindNode } from '../../../renderer/src/drawing/projection';
import { mindModelFor } from '../../../renderer/src/drawing/mind-model';
import { CUSTOMER_JOURNEY, mapDoc, ROOT_ID, stageIdOf, topicIdOf } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

const ids = (node: MindNode) => node.children.map((c) => c.id);
const find = (node: MindNode, id: string): MindNode | undefined => {
  if (node.id === id) return node;
  for (const c of node.children) {
    const hit = find(c, id);
    if (hit) return hit;
  }
  return undefined;
};
const all = (node: MindNode): MindNode[] => [node, ...node.children.flatMap(all)];
const cell = (channel: 'online' | 'offline' | null, stage: string | null) => groupId({ channel, stageId: stage === null ? null : stageIdOf(stage) });

describe('group ids say which channel and stage a group stands for', () => {
  it('round-trips every kind of group, whatever characters a stage id holds', () => {
    const targets: GroupTarget[] = [
      { channel: 'online' as const },
      { channel: 'offline' as const },
      { channel: null },
      { stageId: asId.stage('s-aw') },
      { stageId: null },
      { channel: 'online' as const, stageId: asId.stage('s-aw') },
      { channel: 'offline' as const, stageId: null },
      { channel: null, stageId: asId.stage('s-aw') },
      { channel: null, stageId: null },
      { channel: 'online' as const, stageId: asId.stage('odd:stage:id') },
      { stageId: asId.stage('stage:nostage') },
    ];
    for (const target of targets) expect(parseGroupId(groupId(target))).toEqual(target);
    expect(new Set(targets.map(groupId)).size).toBe(targets.length);
  });

  it('reads as the group it is', () => {
    expect(groupId({ channel: 'online' })).toBe('group:online');
    expect(groupId({ channel: 'online', stageId: asId.stage('s-aw') })).toBe('group:online:stage:s-aw');
    expect(groupId({ channel: null })).toBe('group:nochannel');
    expect(groupId({ channel: 'offline', stageId: null })).toBe('group:offline:nostage');
    expect(groupId({ stageId: asId.stage('s-aw') })).toBe('group:stage:s-aw');
    expect(() => groupId({})).toThrow(/channel, a stage or both/);
  });

  it('is not fooled by topic ids or near misses', () => {
    for (const id of ['t-root', 'group:', 'group:stage:', 'group:nowhere', 'group:online:', 'group:online:s-aw', 'group:root', 'xgroup:online']) {
      expect(parseGroupId(id)).toBeNull();
      expect(isGroupId(id)).toBe(false);
    }
    expect(isGroupId('group:offline:stage:s-co')).toBe(true);
  });
});

describe('channel → stage grouping (the default)', () => {
  const doc = mapDoc('Clinic', { stages: ['Awareness', 'Consideration', 'Purchase'] })
    .touchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .touchpoint('Website', { channel: 'online', stage: 'Consideration' })
    .detail('Booking form', { under: 'Website' })
    .detail('Chat', { under: 'Website' })
    .touchpoint('Shop window', { channel: 'offline', stage: 'Awareness' })
    .touchpoint('Flyer', { channel: 'offline' })
    .touchpoint('Word of mouth', { stage: 'Awareness' })
    .touchpoint('Mystery', {})
    .touchpoint('Old stage', { channel: 'online', stageId: asId.stage('s-removed') }).build();
  const tree = projectMindMap(doc, { grouping: 'channel-stage' });

  it('puts the business at the root, then Online (right), Offline (left) and the channel-less Unsorted (right, last)', () => {
    expect(tree.root).toMatchObject({ id: ROOT_ID, type: 'root', topicId: ROOT_ID, label: 'Clinic', side: 'center', depth: 0, count: 7 });
    expect(ids(tree.root)).toEqual(['group:online', 'group:offline', 'group:nochannel']);
    expect(tree.root.children.map((g) => [g.type, g.side, g.label])).toEqual([
      ['channel', 'right', 'Online'],
      ['channel', 'left', 'Offline'],
      ['unsorted', 'right', 'Unsorted'],
    ]);
  });

  it('gives each channel one group per stage in stage order, empty stages included, then Unsorted when used', () => {
    const online = find(tree.root, 'group:online') as MindNode;
    expect(ids(online)).toEqual([cell('online', 'Awareness'), cell('online', 'Consideration'), cell('online', 'Purchase'), cell('online', null)]);
    expect(online.children.map((g) => g.label)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Unsorted']);
    expect(online.children.map((g) => g.type)).toEqual(['stage', 'stage', 'stage', 'unsorted']);
    expect(find(tree.root, cell('online', 'Purchase'))?.children).toEqual([]);
    // a stage id that is not one of the map's stages counts as no stage
    expect(ids(find(tree.root, cell('online', null)) as MindNode)).toEqual([topicIdOf('Old stage')]);
    const offline = find(tree.root, 'group:offline') as MindNode;
    expect(ids(offline)).toEqual([cell('offline', 'Awareness'), cell('offline', 'Consideration'), cell('offline', 'Purchase'), cell('offline', null)]);
    expect(ids(find(tree.root, cell('offline', null)) as MindNode)).toEqual([topicIdOf('Flyer')]);
  });

  it('collects touchpoints without a channel, with or without a stage, in the Unsorted group', () => {
    expect(ids(find(tree.root, 'group:nochannel') as MindNode)).toEqual([topicIdOf('Word of mouth'), topicIdOf('Mystery')]);
    expect(find(tree.root, topicIdOf('Word of mouth'))).toMatchObject({ channel: null, stageId: null, side: 'right', depth: 2 });
  });

  it('nests details under their touchpoint, with its channel, stage and side', () => {
    const website = find(tree.root, topicIdOf('Website')) as MindNode;
    expect(website).toMatchObject({ type: 'touchpoint', topicId: topicIdOf('Website'), depth: 3, side: 'right', channel: 'online', stageId: stageIdOf('Consideration') });
    expect(ids(website)).toEqual([topicIdOf('Booking form'), topicIdOf('Chat')]);
    expect(website.children[0]).toMatchObject({ type: 'detail', depth: 4, side: 'right', channel: 'online', stageId: stageIdOf('Consideration') });
  });

  it('counts the touchpoints in every group', () => {
    expect(find(tree.root, 'group:online')?.count).toBe(3);
    expect(find(tree.root, 'group:offline')?.count).toBe(2);
    expect(find(tree.root, 'group:nochannel')?.count).toBe(2);
    expect(find(tree.root, cell('online', 'Awareness'))?.count).toBe(1);
    expect(find(tree.root, cell('online', 'Purchase'))?.count).toBe(0);
  });

  it('hides no group when the map has no touchpoints: every stage stays a place to add one', () => {
    const empty = projectMindMap(mapDoc('Clinic', { stages: ['Before', 'During', 'After'] }).build(), { grouping: 'channel-stage' });
    expect(ids(empty.root)).toEqual(['group:online', 'group:offline']);
    expect(empty.root.children.map((g) => g.children.length)).toEqual([3, 3]);
  });

  it('names groups in the map’s language: a Korean map’s channel groups are Korean', () => {
    const ko = { ...doc, map: { ...doc.map, locale: 'ko' as const } };
    const tree = projectMindMap(ko, { grouping: 'channel-stage' });
    expect(tree.root.children.map((g) => g.label)).toEqual(['온라인', '오프라인', '미분류']);
    const byStage = projectMindMap(ko, { grouping: 'stage-channel' });
    expect(byStage.root.children.flatMap((g) => g.children.map((c) => c.label))).toEqual(expect.arrayContaining(['온라인', '오프라인']));
    expect(JSON.stringify(byStage)).not.toMatch(/"label":"(Online|Offline|Unsorted|No channel)"/);
    // The canvas's shared model (mind-model.ts) passes the same words.
    expect(mindModelFor(ko, 'channel-stage').layout.nodes.filter((n) => n.depth === 1).map((n) => n.label).sort()).toEqual(['미분류', '오프라인', '온라인']);
  });

  it('takes overriding group labels', () => {
    const ru = projectMindMap(doc, { grouping: 'channel-stage', labels: { online: 'Онлайн', offline: 'Офлайн', unsorted: 'Без группы' } });
    expect(ru.root.children.map((g) => g.label)).toEqual(['Онлайн', 'Офлайн', 'Без группы']);
  });
});

describe('sibling order', () => {
  it('sorts touchpoints and details by order, then by id, whatever order the records come in', () => {
    const doc = mapDoc('Clinic', { stages: ['Awareness'] })
      .touchpoint('B', { channel: 'online', stage: 'Awareness', order: 2 })
      .touchpoint('A', { channel: 'online', stage: 'Awareness', order: 2 })
      .touchpoint('C', { channel: 'online', stage: 'Awareness', order: 0.5 })
      .detail('Z', { under: 'C', order: 1 })
      .detail('Y', { under: 'C', order: -1 }).build();
    const reversed = { ...doc, topics: Object.fromEntries(Object.entries(doc.topics).reverse()) };
    for (const d of [doc, reversed]) {
      const tree = projectMindMap(d, { grouping: 'channel-stage' });
      expect(ids(find(tree.root, cell('online', 'Awareness')) as MindNode)).toEqual([topicIdOf('C'), topicIdOf('A'), topicIdOf('B')]);
      expect(ids(find(tree.root, topicIdOf('C')) as MindNode)).toEqual([topicIdOf('Y'), topicIdOf('Z')]);
    }
  });
});

describe('collapsing', () => {
  const doc = mapDoc('Clinic', { stages: ['Awareness'] })
    .touchpoint('Website', { channel: 'online', stage: 'Awareness', collapsed: true })
    .detail('Booking form', { under: 'Website' })
    .detail('Callback', { under: 'Booking form' })
    .detail('Chat', { under: 'Website' })
    .touchpoint('Phone', { channel: 'online', stage: 'Awareness' })
    .detail('Hold music', { under: 'Phone', collapsed: true })
    .touchpoint('Shop', { channel: 'offline', stage: 'Awareness' }).build();

  it('hides a collapsed topic’s descendants and says how many', () => {
    const tree = projectMindMap(doc, { grouping: 'channel-stage' });
    expect(find(tree.root, topicIdOf('Website'))).toMatchObject({ collapsed: true, hiddenCount: 3, children: [] });
    expect(find(tree.root, topicIdOf('Callback'))).toBeUndefined();
    // collapsed but with nothing under it: nothing hidden
    expect(find(tree.root, topicIdOf('Hold music'))).toMatchObject({ collapsed: true, hiddenCount: 0 });
    expect(find(tree.root, topicIdOf('Phone'))).toMatchObject({ collapsed: false, hiddenCount: 0 });
  });

  it('folds groups the user collapsed (UI state), counting the topics they hide', () => {
    const tree = projectMindMap(doc, { grouping: 'channel-stage', collapsedGroups: new Set(['group:online', cell('offline', 'Awareness')]) });
    expect(find(tree.root, 'group:online')).toMatchObject({ collapsed: true, count: 2, hiddenCount: 6, children: [] });
    expect(find(tree.root, cell('offline', 'Awareness'))).toMatchObject({ collapsed: true, count: 1, hiddenCount: 1, children: [] });
    expect(find(tree.root, topicIdOf('Phone'))).toBeUndefined();
  });
});

describe('stage → channel grouping', () => {
  const stages = ['Awareness', 'Consideration', 'Purchase', 'Experience', 'Loyalty'];
  const doc = mapDoc('Clinic', { stages })
    .touchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .touchpoint('Billboard', { channel: 'offline', stage: 'Awareness' })
    .touchpoint('Word of mouth', { stage: 'Awareness' })
    .touchpoint('Receipt', { channel: 'offline', stage: 'Purchase' })
    .touchpoint('Survey', { channel: 'online' })
    .touchpoint('Mystery', {}).build();
  const tree = projectMindMap(doc, { grouping: 'stage-channel' });

  it('makes the stages the first level, the first half (rounded up) on the right, the rest on the left, then Unsorted', () => {
    expect(tree.grouping).toBe('stage-channel');
    expect(ids(tree.root)).toEqual([...stages.map((s) => groupId({ stageId: stageIdOf(s) })), 'group:nostage']);
    expect(tree.root.children.map((g) => g.side)).toEqual(['right', 'right', 'right', 'left', 'left', 'left']);
    expect(tree.root.children.map((g) => g.type)).toEqual(['stage', 'stage', 'stage', 'stage', 'stage', 'unsorted']);
  });

  it('gives every stage an Online and an Offline group (always), and No channel for touchpoints without one (when used)', () => {
    const awareness = find(tree.root, groupId({ stageId: stageIdOf('Awareness') })) as MindNode;
    expect(ids(awareness)).toEqual([cell('online', 'Awareness'), cell('offline', 'Awareness'), cell(null, 'Awareness')]);
    expect(awareness.children.map((g) => [g.type, g.label, g.count])).toEqual([
      ['channel', 'Online', 1],
      ['channel', 'Offline', 1],
      ['unsorted', 'No channel', 1],
    ]);
    expect(awareness.count).toBe(3);
    const loyalty = find(tree.root, groupId({ stageId: stageIdOf('Loyalty') })) as MindNode;
    expect(ids(loyalty)).toEqual([cell('online', 'Loyalty'), cell('offline', 'Loyalty')]);
  });

  it('uses the same id for the same channel + stage in both groupings', () => {
    const other = projectMindMap(doc, { grouping: 'channel-stage' });
    const cellIds = (t: typeof tree) => new Set(all(t.root).filter((n) => { const g = parseGroupId(n.id); return g?.channel !== undefined && g.stageId !== undefined; }).map((n) => n.id));
    expect(cellIds(tree).has(cell('offline', 'Purchase'))).toBe(true);
    expect(cellIds(other).has(cell('offline', 'Purchase'))).toBe(true);
    expect(find(tree.root, cell('offline', 'Purchase'))?.children.map((c) => c.id)).toEqual([topicIdOf('Receipt')]);
    expect(find(other.root, cell('offline', 'Purchase'))?.children.map((c) => c.id)).toEqual([topicIdOf('Receipt')]);
  });

  it('groups touchpoints without a stage by channel under Unsorted, on the left', () => {
    const unsorted = find(tree.root, 'group:nostage') as MindNode;
    expect(ids(unsorted)).toEqual([cell('online', null), cell(null, null)]);
    expect(unsorted.children.map((g) => g.side)).toEqual(['left', 'left']);
    expect(ids(unsorted.children[0] as MindNode)).toEqual([topicIdOf('Survey')]);
    expect(ids(unsorted.children[1] as MindNode)).toEqual([topicIdOf('Mystery')]);
    expect(unsorted.children.map((g) => g.label)).toEqual(['Online', 'No channel']);
  });

  it('balances an even number of stages three and three', () => {
    const six = projectMindMap(mapDoc('Clinic', { stages: CUSTOMER_JOURNEY }).build(), { grouping: 'stage-channel' });
    expect(six.root.children.map((g) => g.side)).toEqual(['right', 'right', 'right', 'left', 'left', 'left']);
  });
});

describe('damaged maps', () => {
  it('stands in for a missing root with the map title', () => {
    const doc = mapDoc('Test map', { root: 'Clinic', stages: ['Awareness'] }).build();
    const tree = projectMindMap({ ...doc, topics: {} }, { grouping: 'channel-stage' });
    expect(tree.root).toMatchObject({ id: 'group:root', type: 'root', label: 'Test map', count: 0 });
    expect(tree.root.topicId).toBeUndefined();
  });

  it('survives a chain of details thousands deep', () => {
    const base = mapDoc('Clinic', { stages: ['Awareness'] }).touchpoint('Deep', { channel: 'online', stage: 'Awareness' }).build();
    const topics: Record<string, Topic> = { ...base.topics };
    let parent = topicIdOf('Deep');
    for (let i = 0; i < 20_000; i++) {
      topics[`t-d${i}`] = { id: asId.topic(`t-d${i}`), parentId: parent, order: 0, label: `d${i}` };
      parent = asId.topic(`t-d${i}`);
    }
    const tree = projectMindMap({ ...base, topics }, { grouping: 'channel-stage' });
    let depth = 0;
    let node = find(tree.root, topicIdOf('Deep')) as MindNode;
    while (node.children.length > 0) {
      node = node.children[0] as MindNode;
      depth++;
    }
    expect(depth).toBe(20_000);
  });
});
