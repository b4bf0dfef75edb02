import { describe, expect, it } from 'vitest';
import type { MapDoc, Stage, Topic, TopicId } from '@shared/model/types';
import { addDetail, addTouchpoint, deleteTopics, moveToGroup, renameTopic, setCollapsed, setPosition, setTopicFields } from '@shared/model/commands';
import { mapWords } from '@shared/templates/map-words';
import { generateMap, seededRandom } from '../../fixtures/generate-map';
import { projectMindMap, type Grouping } from '../../../renderer/src/drawing/projection';
import { layoutMindMap } from '../../../renderer/src/drawing/layout';
import { mindModelFor } from '../../../renderer/src/drawing/mind-model';
import { changedCell } from '../../../renderer/src/drawing/changed-cell';
import { relayoutCell } from '../../../renderer/src/drawing/cell-relayout';
import { projectCell } from '../../../renderer/src/drawing/projection';
import { loadJapaneseBreaks } from '../../../renderer/src/drawing/line-breaks';
import { linkPaths } from '../../../renderer/src/drawing/tree-links';
import { shiftsOf, type MapLayout } from '../../../renderer/src/drawing/layout';
import { measureNodeRanges, nodeRangesOf } from '../../../renderer/src/drawing/node-ranges';
import { inWindow, inWindowByRanges, touches } from '../../../renderer/src/features/mindmap/canvas-window';

await loadJapaneseBreaks();

const full = (doc: MapDoc, grouping: Grouping, hideEmptyStages = false) =>
  layoutMindMap(projectMindMap(doc, { grouping, labels: mapWords(doc.map.locale).groups, hideEmptyStages }));

/** The tree links drawn from scratch: a copy of the layout (nothing carried over from an earlier one), fresh link records. */
const linksFromScratch = (layout: MapLayout) => {
  const copy: MapLayout = { nodes: layout.nodes, edges: layout.edges.map((edge) => ({ ...edge })), bounds: layout.bounds };
  return linkPaths(copy, new Map(copy.nodes.map((node) => [node.id, node])));
};

/** Touchpoints and details of a doc, in a stable order, for picking at random. */
const topicsOf = (doc: MapDoc) => Object.values(doc.topics).filter((t) => t.parentId !== null).sort((a, b) => (a.id < b.id ? -1 : 1));

type Edit = (doc: MapDoc, pick: <T>(list: readonly T[]) => T, fresh: () => TopicId) => MapDoc;

/** Edits a person makes on the canvas: most stay inside one cell (a channel within a stage); some reach further. */
const EDITS: Record<string, Edit> = {
  'add a touchpoint': (doc, pick, fresh) => addTouchpoint(doc, { id: fresh(), label: pick(['Booking form', 'クリニックのお知らせメール・SMS', 'Отзыв на сайте', 'A label long enough to wrap over several lines of the node']), channel: pick(['online', 'offline'] as const), stageId: pick(doc.map.stages).id }),
  'add a detail': (doc, pick, fresh) => addDetail(doc, { id: fresh(), parentId: pick(topicsOf(doc).filter((t) => doc.topics[t.parentId as TopicId]?.parentId === null)).id, label: pick(['Chat', '予約フォーム', 'Звонок']) }),
  'rename a topic': (doc, pick) => renameTopic(doc, pick(topicsOf(doc)).id, pick(['Website', 'ウェブサイトの予約ページ', 'x', 'A much longer label that now takes three lines or more'])),
  'rate a touchpoint': (doc, pick) => setTopicFields(doc, [pick(topicsOf(doc).filter((t) => doc.topics[t.parentId as TopicId]?.parentId === null)).id], { score: pick([0, 5, 10]) }),
  'delete a topic': (doc, pick) => deleteTopics(doc, [pick(topicsOf(doc)).id]),
  'fold a touchpoint': (doc, pick) => {
    const topic = pick(topicsOf(doc));
    return setCollapsed(doc, topic.id, topic.collapsed !== true);
  },
  'drag a detail': (doc, pick) => {
    const details = topicsOf(doc).filter((t) => doc.topics[t.parentId as TopicId]?.parentId !== null);
    return details.length === 0 ? doc : setPosition(doc, pick(details).id, { x: 900, y: pick([-300, 40, 700]) });
  },
  'move a touchpoint to another stage': (doc, pick) => {
    const touchpoint: Topic = pick(topicsOf(doc).filter((t) => doc.topics[t.parentId as TopicId]?.parentId === null));
    return moveToGroup(doc, [touchpoint.id], { channel: pick(['online', 'offline'] as const), stageId: pick(doc.map.stages).id });
  },
};

describe('re-laying only the cell an edit changed', () => {
  for (const grouping of ['channel-stage', 'stage-channel'] as const) {
    for (const hideEmptyStages of [false, true]) {
      it(`equals the full layout after each of 150 random edits (${grouping}${hideEmptyStages ? ', empty stages hidden' : ''})`, () => {
        const random = seededRandom(grouping.length * 7 + (hideEmptyStages ? 1 : 0));
        const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
        let made = 0;
        const fresh = () => `t-edit-${made++}` as TopicId;
        let doc = generateMap({ seed: 11, topics: 400, stages: 5 });
        let model = mindModelFor(doc, grouping, hideEmptyStages);
        linkPaths(model.layout, model.byId);
        let withinOneCell = 0;
        const names = Object.keys(EDITS);
        for (let step = 0; step < 150; step++) {
          const name = pick(names);
          let next: MapDoc;
          try {
            next = (EDITS[name] as Edit)(doc, pick, fresh);
          } catch {
            continue; // a refused edit (say, a stage with no touchpoint to pick) changes nothing
          }
          const cellId = changedCell(doc, next);
          // the ids the command noted give the same cell as comparing every record (a copy carries no note)
          expect(cellId, `the changed cell after step ${step}: ${name}`).toBe(changedCell(doc, { ...next, topics: { ...next.topics } }));
          if (cellId !== null) {
            // the cell alone, re-projected and re-laid on the previous layout (itself often re-laid by cell)
            const previous = model.layout;
            const place = previous.nodes.find((n) => n.id === cellId);
            const cell = place ? projectCell(next, cellId, place) : null;
            const relaid = cell && !(hideEmptyStages && cell.count === 0) ? relayoutCell(previous, cell) : null;
            if (relaid) {
              withinOneCell++;
              expect(relaid.layout, `the cell re-laid after step ${step}: ${name}`).toEqual(full(next, grouping, hideEmptyStages));
            }
          }
          model = mindModelFor(next, grouping, hideEmptyStages);
          const expected = full(next, grouping, hideEmptyStages);
          expect(model.layout.nodes, `nodes after step ${step}: ${name}`).toEqual(expected.nodes);
          expect(model.layout.edges, `links after step ${step}: ${name}`).toEqual(expected.edges);
          expect(model.layout.bounds, `bounds after step ${step}: ${name}`).toEqual(expected.bounds);
          expect([...model.byId.keys()].sort(), `index after step ${step}: ${name}`).toEqual(expected.nodes.map((n) => n.id).sort());
          for (const node of model.layout.nodes) expect(model.byId.get(node.id)).toBe(node);
          // the tree links, carried over from the previous layout's where a group only moved
          expect(linkPaths(model.layout, model.byId), `tree links after step ${step}: ${name}`).toEqual(linksFromScratch(model.layout));
          // the runs of nodes (boxes, columns), carried over where a group only moved, equal runs measured anew
          const ranges = nodeRangesOf(model.layout);
          expect(ranges, `node runs after step ${step}: ${name}`).toEqual(measureNodeRanges(model.layout));
          // and the canvas's window picked through them holds the nodes a walk of every node finds
          const rect = { x: pick([-2400, -900, 0, 300]), y: pick([-3000, -800, -100, 600, 2500]), width: pick([600, 1800]), height: pick([400, 1500]) };
          const keep = new Set([model.layout.nodes[0]!.id, pick(model.layout.nodes).id, pick(model.layout.nodes).id]);
          const byWalk = inWindow(model.layout.nodes, rect, keep);
          const byRuns = inWindowByRanges(model.layout.nodes, ranges!, rect, keep, model.byId);
          expect(byRuns.filter((n) => touches(n, rect)), `the window's nodes after step ${step}: ${name}`).toEqual(byWalk.filter((n) => touches(n, rect)));
          expect(new Set(byRuns), `the window's and the kept nodes after step ${step}: ${name}`).toEqual(new Set(byWalk));
          expect(byRuns.length).toBe(byWalk.length);
          doc = next;
        }
        // the incremental path was taken, not only the full one
        expect(withinOneCell).toBeGreaterThan(50);
        // 150 layouts in full as the yardstick: seconds on a busy machine
      }, 60_000);
    }
  }

  it('keeps the records of the other side and of the other channel untouched when a touchpoint is added', () => {
    let doc = generateMap({ seed: 5, topics: 2000 });
    const before = mindModelFor(doc, 'channel-stage');
    doc = addTouchpoint(doc, { id: 't-added' as TopicId, label: 'Booking form', channel: 'online', stageId: (doc.map.stages[2] as Stage).id });
    const after = mindModelFor(doc, 'channel-stage');
    expect(after.layout.nodes).toEqual(full(doc, 'channel-stage').nodes);
    const offline = before.layout.nodes.filter((n) => n.side === 'left');
    expect(offline.length).toBeGreaterThan(100);
    for (const node of offline) expect(after.byId.get(node.id)).toBe(node);
  });

  it('draws the tree links of the groups a Tab only moved from the previous drawing: it looks up the links of the changed group, not all of them', () => {
    let doc = generateMap({ seed: 5, topics: 2000 });
    const before = mindModelFor(doc, 'channel-stage');
    linkPaths(before.layout, before.byId);
    doc = addTouchpoint(doc, { id: 't-added' as TopicId, label: 'Booking form', channel: 'online', stageId: (doc.map.stages[2] as Stage).id });
    const after = mindModelFor(doc, 'channel-stage');
    let lookUps = 0;
    const counting = { get: (id: string) => (lookUps++, after.byId.get(id)) } as ReadonlyMap<string, (typeof after.layout.nodes)[number]>;
    const paths = linkPaths(after.layout, counting);
    expect(paths).toEqual(linksFromScratch(after.layout));
    // two look-ups a link walked: the trunk's few dozen and the changed cell's, of ~2,000 links
    expect(after.layout.edges.length).toBeGreaterThan(1900);
    expect(lookUps).toBeLessThan(after.layout.edges.length / 4);
  });

  it('a re-laid layout remembers the one it was made from, and that one forgets its own: no chain of old layouts is kept alive', () => {
    let doc = generateMap({ seed: 5, topics: 300 });
    const stageId = (doc.map.stages[1] as Stage).id;
    const layouts = [mindModelFor(doc, 'channel-stage').layout];
    for (let i = 0; i < 3; i++) {
      doc = addTouchpoint(doc, { id: `t-added-${i}` as TopicId, label: 'Booking form', channel: 'offline', stageId });
      layouts.push(mindModelFor(doc, 'channel-stage').layout);
    }
    expect(shiftsOf(layouts[3]!)?.previous).toBe(layouts[2]);
    for (const earlier of layouts.slice(0, 3)) expect(shiftsOf(earlier)).toBeUndefined();
  });
});
