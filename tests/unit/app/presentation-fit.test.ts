import { describe, expect, it } from 'vitest';
import { presentationViewport } from '../../../renderer/src/features/present/presentation-fit';

const PROJECTOR = { width: 1280, height: 720 };

describe('the view while presenting', () => {
  it('fills the screen in one dimension, with a thin margin', () => {
    const map = { x: -600, y: -200, width: 1600, height: 500 };
    const to = presentationViewport(map, PROJECTOR);
    expect(to).not.toBeNull();
    const shown = map.width * to!.zoom;
    expect(shown / PROJECTOR.width).toBeGreaterThan(0.9);
    expect(shown).toBeLessThanOrEqual(PROJECTOR.width);
  });

  it('enlarges a small map, up to twice its size', () => {
    const to = presentationViewport({ x: 0, y: 0, width: 300, height: 120 }, PROJECTOR);
    expect(to!.zoom).toBe(2);
  });

  it('has nothing to fit without a map or a pane', () => {
    expect(presentationViewport(null, PROJECTOR)).toBeNull();
    expect(presentationViewport({ x: 0, y: 0, width: 100, height: 100 }, { width: 0, height: 0 })).toBeNull();
  });
});
