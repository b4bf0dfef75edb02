/** The geometric checks the layout tests share: which laid-out boxes overlap. */
import type { LayoutNode } from '../../../renderer/src/drawing/layout';

type Box = Pick<LayoutNode, 'id' | 'x' | 'y' | 'width' | 'height'>;

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every pair of boxes that overlap, checking all pairs (small maps). */
export function overlapsAllPairs(boxes: readonly Box[]): [string, string][] {
  const found: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as Box;
      const b = boxes[j] as Box;
      if (overlaps(a, b)) found.push([a.id, b.id]);
    }
  }
  return found;
}

/** The same with a sweep line over y (large maps): boxes sorted by top, an active list of those still open. */
export function overlapsSweep(boxes: readonly Box[]): [string, string][] {
  const sorted = [...boxes].sort((a, b) => a.y - b.y);
  const found: [string, string][] = [];
  let active: Box[] = [];
  for (const box of sorted) {
    active = active.filter((a) => a.y + a.height > box.y);
    for (const a of active) if (overlaps(a, box)) found.push([a.id, box.id]);
    active.push(box);
  }
  return found;
}
