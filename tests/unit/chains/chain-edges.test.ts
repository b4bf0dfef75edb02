import { describe, expect, it } from 'vitest';
import { keepSameEdges, type ChainFlowEdge } from '../../../renderer/src/features/chains/ChainEdge';

const edge = (id: string, patch: Partial<ChainFlowEdge> = {}, data: Partial<NonNullable<ChainFlowEdge['data']>> = {}): ChainFlowEdge => ({
  id,
  type: 'chain',
  source: `${id}-a`,
  target: `${id}-b`,
  sourceHandle: 'right-out',
  targetHandle: 'left-in',
  selectable: false,
  focusable: false,
  data: { number: 1, colourIndex: 0, lane: 0, chainName: 'Visit', loop: 0, ...data },
  ...patch,
});

describe('chain edges across edits', () => {
  it('hands back the very same list when no link changed, so React Flow re-renders none of them', () => {
    const before = [edge('c:1'), edge('c:2')];
    expect(keepSameEdges(before, [edge('c:1'), edge('c:2')])).toBe(before);
  });

  it('keeps the unchanged links’ objects and takes the changed ones', () => {
    const before = [edge('c:1'), edge('c:2'), edge('c:3')];
    const after = keepSameEdges(before, [edge('c:1'), edge('c:2', { sourceHandle: 'left-out' }), edge('c:3', {}, { chainName: 'Return' })]);
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]?.sourceHandle).toBe('left-out');
    expect(after[2]?.data?.chainName).toBe('Return');
  });

  it('notices links added, removed and re-ordered', () => {
    const before = [edge('c:1'), edge('c:2')];
    expect(keepSameEdges(before, [edge('c:1')])).toHaveLength(1);
    const grown = keepSameEdges(before, [edge('c:1'), edge('c:2'), edge('c:3')]);
    expect(grown.map((e) => e.id)).toEqual(['c:1', 'c:2', 'c:3']);
    const swapped = keepSameEdges(before, [edge('c:2'), edge('c:1')]);
    expect(swapped).not.toBe(before);
    expect(swapped.map((e) => e.id)).toEqual(['c:2', 'c:1']);
    expect(swapped[0]).toBe(before[1]);
    expect(keepSameEdges([], [])).toEqual([]);
  });
});
