/**
 * "Hide empty stages": a view option that drops the stage groups (mind map) and stage columns
 * (grid) no touchpoint is in, so a sparse map reads at a glance. Off by default: an empty stage is
 * where Tab adds the next touchpoint.
 */
import { describe, expect, it } from 'vitest';
import { projectMindMap, type MindNode } from '../../../renderer/src/drawing/projection';
import { mindModelFor } from '../../../renderer/src/drawing/mind-model';
import { projectGrid } from '../../../renderer/src/drawing/grid-projection';
import { mapDoc } from '../../builders/map-doc';

const labels = (node: MindNode | undefined) => node?.children.map((c) => c.label);

function sparse() {
  return mapDoc('Clinic', { stages: ['Awareness', 'Consideration', 'Purchase', 'Loyalty'] })
    .touchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .touchpoint('Reception desk', { channel: 'offline', stage: 'Purchase' })
    .touchpoint('Flyer', { channel: 'offline', stage: 'Awareness' }).build();
}

describe('hiding empty stages on the mind map', () => {
  it('keeps every stage group by default', () => {
    const tree = projectMindMap(sparse(), { grouping: 'channel-stage' });
    expect(labels(tree.root.children[0])).toEqual(['Awareness', 'Consideration', 'Purchase', 'Loyalty']);
  });

  it('drops the stage groups of a channel that hold no touchpoint', () => {
    const tree = projectMindMap(sparse(), { grouping: 'channel-stage', hideEmptyStages: true });
    expect(labels(tree.root.children[0])).toEqual(['Awareness']);
    expect(labels(tree.root.children[1])).toEqual(['Awareness', 'Purchase']);
  });

  it('drops empty stages, and their empty channel groups, when stages come first', () => {
    const tree = projectMindMap(sparse(), { grouping: 'stage-channel', hideEmptyStages: true });
    expect(tree.root.children.map((g) => g.label)).toEqual(['Awareness', 'Purchase']);
    expect(labels(tree.root.children[1])).toEqual(['Offline']);
  });

  it('lays out the map without them, and keeps the full layout for the other setting', () => {
    const doc = sparse();
    const hidden = mindModelFor(doc, 'channel-stage', true).layout.nodes.filter((n) => n.type === 'stage');
    expect(hidden.map((n) => n.label)).toEqual(['Awareness', 'Awareness', 'Purchase']);
    expect(mindModelFor(doc, 'channel-stage').layout.nodes.filter((n) => n.type === 'stage')).toHaveLength(8);
  });
});

describe('hiding empty stages in the grid', () => {
  it('drops the stage columns no touchpoint is in, in either row mode', () => {
    const doc = sparse();
    expect(projectGrid(doc, { mode: 'channel' }).columns.map((c) => c.label)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Loyalty']);
    const grid = projectGrid(doc, { mode: 'channel', hideEmptyStages: true });
    expect(grid.columns.map((c) => c.label)).toEqual(['Awareness', 'Purchase']);
    expect(grid.cells[1]?.map((c) => c.topicIds.length)).toEqual([1, 1]);
    expect(projectGrid(doc, { mode: 'segment', hideEmptyStages: true }).columns.map((c) => c.label)).toEqual(['Awareness', 'Purchase']);
  });
});
