/**
 * A slide of the selected stage: the framed export shows that stage's group node(s) and their
 * touchpoints, on the sides where it has touchpoints, with only the chain links inside.
 */
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '@shared/templates';
import type { MapDoc } from '@shared/model/types';
import { touchpointsOf } from '@shared/model/selectors';
import { mindModelFor } from '../../../../renderer/src/drawing/mind-model';
import { selectedStage, stageLayout } from '../../../../renderer/src/features/export/visual/stage-scope';
import { DEFAULT_VISUAL_OPTIONS, drawMap } from '../../../../renderer/src/features/export/visual/visual-export';
import { asId } from '../../../builders/ids';

function clinic(): MapDoc {
  let id = 0;
  return buildTemplate('clinic', { locale: 'en', newId: asId.maker((prefix) => `${prefix}-${++id}`), now: '2026-01-01T00:00:00.000Z' });
}

const base = { ...DEFAULT_VISUAL_OPTIONS, format: 'svg' as const, date: '1 January 2026', frame: '16:9' as const };

/** A stage of the map with touchpoints in both channels, and one with touchpoints in one channel only. */
function stages(doc: MapDoc) {
  const touchpoints = touchpointsOf(doc);
  const channelsOf = (stageId: string) => new Set(touchpoints.filter((t) => t.stageId === stageId).map((t) => t.channel));
  const both = doc.map.stages.find((s) => channelsOf(s.id).size === 2);
  const one = doc.map.stages.find((s) => channelsOf(s.id).size === 1);
  if (!both || !one) throw new Error('The clinic template should have a stage in both channels and one in a single channel.');
  return { both: both.id, one: one.id, touchpointsOf: (stageId: string) => touchpoints.filter((t) => t.stageId === stageId) };
}

describe('the selected stage’s slide', () => {
  it('knows a stage group from its id in either grouping, and nothing else', () => {
    expect(selectedStage('group:online:stage:s-aw')).toBe('s-aw');
    expect(selectedStage('group:stage:s-aw')).toBe('s-aw');
    expect(selectedStage('group:online:nostage')).toBeNull();
    expect(selectedStage('group:offline')).toBeNull();
    expect(selectedStage('t-123')).toBeNull();
    expect(selectedStage(null)).toBeNull();
  });

  it('holds the stage’s groups and touchpoints on both sides, bounded tightly, with only inner edges', () => {
    const doc = clinic();
    const { both, touchpointsOf } = stages(doc);
    const layout = mindModelFor(doc, 'channel-stage').layout;
    const part = stageLayout(layout, both);
    expect(part).not.toBeNull();
    const ids = new Set(part!.nodes.map((n) => n.id));
    expect(part!.nodes.filter((n) => n.type === 'stage').map((n) => n.id).sort()).toEqual([`group:offline:stage:${both}`, `group:online:stage:${both}`]);
    for (const t of touchpointsOf(both)) expect(ids.has(t.id), t.label).toBe(true);
    expect(part!.nodes.some((n) => n.type === 'root' || n.type === 'channel')).toBe(false);
    expect(part!.nodes.filter((n) => n.type === 'touchpoint').every((n) => n.stageId === both)).toBe(true);
    for (const e of part!.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    const xs = part!.nodes.flatMap((n) => [n.x, n.x + n.width]);
    const ys = part!.nodes.flatMap((n) => [n.y, n.y + n.height]);
    expect(part!.bounds).toEqual({ x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
    expect(part!.bounds.width).toBeLessThan(layout.bounds.width);
  });

  it('leaves out the side where the stage has no touchpoint', () => {
    const doc = clinic();
    const { one, touchpointsOf } = stages(doc);
    const channel = touchpointsOf(one)[0]!.channel;
    const part = stageLayout(mindModelFor(doc, 'channel-stage').layout, one)!;
    expect(part.nodes.filter((n) => n.type === 'stage').map((n) => n.id)).toEqual([`group:${channel}:stage:${one}`]);
  });

  it('the framed drawing shows that stage alone, 16:9, with the chains that pass through it', () => {
    const doc = clinic();
    const { both, touchpointsOf } = stages(doc);
    const whole = drawMap(doc, base);
    const slide = drawMap(doc, { ...base, frameStage: both });
    expect(slide.width / slide.height).toBeCloseTo(16 / 9, 2);
    const labels = new Set(slide.nodes.map((n) => n.label));
    for (const t of touchpointsOf(both)) expect(labels.has(t.label), t.label).toBe(true);
    expect(slide.nodes.some((n) => n.id === Object.values(doc.topics).find((t) => t.parentId === null)!.id)).toBe(false);
    expect(slide.nodes.length).toBeLessThan(whole.nodes.length);
    const inside = new Set(slide.nodes.map((n) => n.id));
    const drawnChains = doc.chainOrder.filter((id) => doc.chains[id]!.steps.some((step) => inside.has(step))).map((id) => doc.chains[id]!.name);
    const chainLegend = (parts: typeof slide) => doc.chainOrder.map((id) => doc.chains[id]!.name).filter((name) => parts.runs.some((r) => r.text === name));
    expect(chainLegend(slide)).toEqual(drawnChains);
  });

  it('draws the whole map when the slide is not framed or the stage is gone', () => {
    const doc = clinic();
    const { both } = stages(doc);
    const whole = drawMap(doc, base);
    expect(drawMap(doc, { ...base, frameStage: asId.stage('no-such-stage') }).nodes.length).toBe(whole.nodes.length);
    const plain = drawMap(doc, { ...base, frame: 'none' });
    expect(drawMap(doc, { ...base, frame: 'none', frameStage: both }).nodes.length).toBe(plain.nodes.length);
  });
});
