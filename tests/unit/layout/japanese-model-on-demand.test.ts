import { describe, expect, it } from 'vitest';
import { mapDoc } from '../../builders/map-doc';
import { breaksVersion, japaneseBreaksReady, loadJapaneseBreaks, onBreaksChange } from '../../../renderer/src/drawing/line-breaks';
import { mindModelFor } from '../../../renderer/src/drawing/mind-model';

// This file runs in a module context of its own: BudouX's model is not loaded when it starts.
const clothing = mapDoc('イベント', { stages: ['Awareness'] })
  .touchpoint('イベントでのロゴ入りウェア', { channel: 'offline', stage: 'Awareness' })
  .build();
const linesOf = (label: string) => {
  const node = mindModelFor(clothing, 'channel-stage').layout.nodes.find((n) => n.label === label);
  if (!node) throw new Error(`no node labelled ${label}`);
  return node.lines;
};

describe("BudouX's Japanese model, loaded on demand", () => {
  it('lays a Japanese label out at once without it, then again between phrases when it lands', async () => {
    expect(japaneseBreaksReady()).toBe(false);
    const before = breaksVersion();
    const provisional = linesOf('イベントでのロゴ入りウェア');
    expect(provisional.join('')).toBe('イベントでのロゴ入りウェア'); // nothing lost meanwhile
    expect(provisional).not.toEqual(['イベントでの', 'ロゴ入りウェア']); // the wrapper's own breaks, for now

    let told = 0;
    const stop = onBreaksChange(() => (told += 1));
    await loadJapaneseBreaks(); // the first Japanese label started the load; this is the same promise
    stop();

    expect(japaneseBreaksReady()).toBe(true);
    expect(told).toBe(1);
    expect(breaksVersion()).toBe(before + 1);
    // the same doc is laid out again (the model's cache and the label boxes were keyed on the version)
    expect(linesOf('イベントでのロゴ入りウェア')).toEqual(['イベントでの', 'ロゴ入りウェア']);
  });
});
