/**
 * The touchpoint grid as data: stages across in map order (+ Unsorted), Online / Offline (or
 * segments) down, touchpoints in map order in their cells; and the arrow keys' walk over it.
 */
import { describe, expect, it } from 'vitest';
import { reorderTopic } from '@shared/model/commands';
import { mapDoc } from '../../builders/map-doc';
import { gridNeighbour, projectGrid } from '../../../renderer/src/drawing/grid-projection';
import type { MapDoc } from '@shared/model';
import { asId } from '../../builders/ids';
import type { TopicId } from '@shared/model/types';

const labelsIn = (doc: MapDoc, ids: readonly TopicId[]) => ids.map((id) => doc.topics[id]?.label);

function clinic() {
  return mapDoc('Clinic', { preset: 'customer-journey' })
    .touchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .touchpoint('Search result', { channel: 'online', stage: 'Awareness' })
    .touchpoint('Site page', { channel: 'online', stage: 'Consideration' })
    .touchpoint('Reception desk', { channel: 'offline', stage: 'Purchase' })
    .touchpoint('Booking by phone', { channel: 'offline', stage: 'Purchase' })
    .detail('Hold music', { under: 'Booking by phone' });
}

describe('projectGrid — channel rows', () => {
  it('has a column per stage in the map order and the rows Online, Offline', () => {
    const map = clinic();
    const grid = projectGrid(map.build(), { mode: 'channel' });
    expect(grid.columns.map((c) => c.label)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Experience', 'Loyalty', 'Advocacy']);
    expect(grid.rows.map((r) => r.label)).toEqual(['Online', 'Offline']);
    expect(grid.cells).toHaveLength(2);
    expect(grid.cells[0]).toHaveLength(6);
  });

  it('puts each touchpoint in the cell of its channel and stage, in map order, and details nowhere', () => {
    const map = clinic();
    const grid = projectGrid(map.build(), { mode: 'channel' });
    expect(labelsIn(map.build(), grid.cells[0]![0]!.topicIds)).toEqual(['Context ad', 'Search result']);
    expect(labelsIn(map.build(), grid.cells[0]![1]!.topicIds)).toEqual(['Site page']);
    expect(labelsIn(map.build(), grid.cells[1]![2]!.topicIds)).toEqual(['Reception desk', 'Booking by phone']);
    expect(grid.cellsOf.has(map.ids.topic('Hold music'))).toBe(false);
    expect(grid.cellsOf.size).toBe(5);
  });

  it('follows a reorder of the touchpoints and of the stages', () => {
    const map = clinic();
    const doc = reorderTopic(map.build(), map.ids.topic('Search result'), 0);
    let grid = projectGrid(doc, { mode: 'channel' });
    expect(labelsIn(doc, grid.cells[0]![0]!.topicIds)).toEqual(['Search result', 'Context ad']);
    const stages = doc.map.stages;
    const reversed: MapDoc = { ...doc, map: { ...doc.map, stages: [...stages].reverse() } };
    grid = projectGrid(reversed, { mode: 'channel' });
    expect(grid.columns[0]!.label).toBe('Advocacy');
    expect(labelsIn(reversed, grid.cells[1]![3]!.topicIds)).toEqual(['Reception desk', 'Booking by phone']);
  });

  it('adds an Unsorted column and a No channel row only while a touchpoint needs them', () => {
    const map = clinic();
    expect(projectGrid(map.build(), { mode: 'channel' }).columns.some((c) => c.stageId === null)).toBe(false);
    map.touchpoint('Word of mouth', {}).touchpoint('Flyer', { channel: 'offline' });
    const grid = projectGrid(map.build(), { mode: 'channel', labels: { unsorted: 'Unsorted', noChannel: 'No channel' } });
    expect(grid.columns.at(-1)).toMatchObject({ key: 'nostage', stageId: null, label: 'Unsorted' });
    expect(grid.rows.map((r) => r.label)).toEqual(['Online', 'Offline', 'No channel']);
    expect(labelsIn(map.build(), grid.cells[2]![6]!.topicIds)).toEqual(['Word of mouth']);
    expect(labelsIn(map.build(), grid.cells[1]![6]!.topicIds)).toEqual(['Flyer']);
  });

  it('counts a stage id that is not one of the map\'s stages as unsorted', () => {
    const map = clinic().set('Site page', { stageId: asId.stage('s-gone') });
    const id = map.ids.topic('Site page');
    const doc = map.build();
    const grid = projectGrid(doc, { mode: 'channel' });
    expect(grid.columns.at(-1)!.stageId).toBeNull();
    expect(grid.cellsOf.get(id)).toEqual(['channel:online|nostage']);
  });
});

describe('projectGrid — segment rows', () => {
  it('has a row per segment, a touchpoint of two segments in both, and No segment for the rest', () => {
    const map = clinic().segment('New patients').segment('Returning patients');
    const fresh = map.ids.segment('New patients');
    const back = map.ids.segment('Returning patients');
    map.set('Context ad', { segmentIds: [fresh] }).set('Reception desk', { segmentIds: [back, fresh] });
    const grid = projectGrid(map.build(), { mode: 'segment', labels: { noSegment: 'No segment' } });
    expect(grid.rows.map((r) => r.label)).toEqual(['New patients', 'Returning patients', 'No segment']);
    expect(labelsIn(map.build(), grid.cells[0]![0]!.topicIds)).toEqual(['Context ad']);
    expect(grid.cellsOf.get(map.ids.topic('Reception desk'))).toEqual([`segment:${fresh}|stage:${map.ids.stage('Purchase')}`, `segment:${back}|stage:${map.ids.stage('Purchase')}`]);
    expect(labelsIn(map.build(), grid.cells[2]![0]!.topicIds)).toEqual(['Search result']);
  });

  it('shows every touchpoint under No segment when the map has no segments', () => {
    const map = clinic();
    const grid = projectGrid(map.build(), { mode: 'segment' });
    expect(grid.rows).toHaveLength(1);
    expect(grid.rows[0]).toMatchObject({ key: 'nosegment', segmentId: null });
    expect(grid.cellsOf.size).toBe(5);
  });
});

describe('gridNeighbour — the arrow keys', () => {
  const map = clinic();
  const grid = projectGrid(map.build(), { mode: 'channel' });
  const at = (label: string) => ({ cellKey: grid.cellsOf.get(map.ids.topic(label))![0]!, topicId: map.ids.topic(label) });
  const label = (pos: ReturnType<typeof gridNeighbour>) => (pos ? map.build().topics[pos.topicId]?.label : undefined);

  it('walks up and down a cell, then into the nearest filled cell of the column', () => {
    expect(label(gridNeighbour(grid, at('Context ad'), 'down'))).toBe('Search result');
    expect(label(gridNeighbour(grid, at('Search result'), 'up'))).toBe('Context ad');
    expect(gridNeighbour(grid, at('Search result'), 'down')).toBeUndefined(); // Offline · Awareness is empty
    expect(label(gridNeighbour(grid, at('Reception desk'), 'up'))).toBeUndefined();
  });

  it('walks left and right to the nearest filled cell of the row, at the same place as far as it goes', () => {
    expect(label(gridNeighbour(grid, at('Search result'), 'right'))).toBe('Site page');
    expect(label(gridNeighbour(grid, at('Site page'), 'left'))).toBe('Context ad');
    expect(gridNeighbour(grid, at('Site page'), 'right')).toBeUndefined();
    expect(gridNeighbour(grid, at('Context ad'), 'left')).toBeUndefined();
  });

  it('crosses rows when the column has cards in the other row', () => {
    const more = clinic().touchpoint('Shop window', { channel: 'offline', stage: 'Awareness' });
    const g = projectGrid(more.build(), { mode: 'channel' });
    const from = { cellKey: g.cellsOf.get(more.ids.topic('Search result'))![0]!, topicId: more.ids.topic('Search result') };
    expect(more.build().topics[gridNeighbour(g, from, 'down')!.topicId]?.label).toBe('Shop window');
  });
});

describe('projectGrid — a big map', () => {
  it('projects 3,000 touchpoints quickly', () => {
    const map = mapDoc('Clinic', { preset: 'customer-journey' });
    const stages = map.build().map.stages;
    const root = map.ids.root;
    const topics = { ...map.build().topics };
    for (let i = 0; i < 3000; i += 1) {
      const id = asId.topic(`t-big-${i}`);
      topics[id] = { id, parentId: root, order: i, label: `Touchpoint ${i}`, channel: i % 2 ? 'online' : 'offline', stageId: stages[i % stages.length]!.id };
    }
    const doc: MapDoc = { ...map.build(), topics };
    const started = performance.now();
    const grid = projectGrid(doc, { mode: 'channel' });
    expect(performance.now() - started).toBeLessThan(250);
    expect(grid.cellsOf.size).toBe(3000);
    expect(grid.cells.flat().reduce((n, cell) => n + cell.topicIds.length, 0)).toBe(3000);
  });
});
