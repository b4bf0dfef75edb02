import { describe, expect, it } from 'vitest';
import { requestNewMap, takeNewMapRequest, useNewMapRequestStore } from '../../../renderer/src/features/library/new-map-request-store';

describe('the New map request (Ctrl/Cmd+N from anywhere)', () => {
  it('is taken once: coming back to the library later finds nothing pending', () => {
    requestNewMap();
    expect(takeNewMapRequest()).toBe(true);
    expect(takeNewMapRequest()).toBe(false);
    expect(useNewMapRequestStore.getState().pending).toBe(false);
  });

  it('asked again after being taken, is pending again', () => {
    requestNewMap();
    takeNewMapRequest();
    requestNewMap();
    expect(useNewMapRequestStore.getState().pending).toBe(true);
    expect(takeNewMapRequest()).toBe(true);
  });
});
