/**
 * "Add to chain…" by keyboard: the selected touchpoints become a chain's next steps, in the order
 * they were selected, in one document change.
 */
import { describe, expect, it } from 'vitest';
import { createTestMap } from '../model/driver';
import { addStepsToChain, touchpointSteps } from '../../../renderer/src/features/chains/add-to-chain';

function clinic() {
  return createTestMap({ title: 'Clinic' })
    .addTouchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .addTouchpoint('Site page', { channel: 'online', stage: 'Consideration' })
    .addDetail('Booking form', { under: 'Site page' })
    .addTouchpoint('Reception desk', { channel: 'offline', stage: 'Purchase' })
    .addChain('First visit', ['Context ad']);
}

describe('the steps a selection adds', () => {
  it('keeps the selection order, turns a detail into its touchpoint and skips groups, the business and repeats', () => {
    const map = clinic();
    const selected = ['group:online', map.id('Reception desk'), map.id('Booking form'), map.id('Clinic'), map.id('Site page')];
    expect(touchpointSteps(map.doc, selected)).toEqual([map.id('Reception desk'), map.id('Site page')]);
  });
});

describe('adding steps to a chain', () => {
  it('appends them after the chain’s last step', () => {
    const map = clinic();
    const chainId = map.chainId('First visit');
    const doc = addStepsToChain(map.doc, { chainId }, [map.id('Site page'), map.id('Reception desk')]);
    expect(doc.chains[chainId]?.steps).toEqual([map.id('Context ad'), map.id('Site page'), map.id('Reception desk')]);
  });

  it('creates a new chain with them as its steps', () => {
    const map = clinic();
    const doc = addStepsToChain(map.doc, { newChain: 'Repeat visit', id: 'j-repeat' }, [map.id('Reception desk')]);
    expect(doc.chains['j-repeat']).toMatchObject({ name: 'Repeat visit', steps: [map.id('Reception desk')] });
    expect(doc.chainOrder.at(-1)).toBe('j-repeat');
  });

  it('refuses a new chain without a name, and leaves the map as it was', () => {
    const map = clinic();
    expect(() => addStepsToChain(map.doc, { newChain: '  ', id: 'j-x' }, [map.id('Reception desk')])).toThrow(/name/i);
    expect(map.doc.chains['j-x']).toBeUndefined();
  });
});
