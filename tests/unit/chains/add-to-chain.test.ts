/**
 * "Add to chain…" by keyboard: the selected touchpoints become a chain's next steps, in the order
 * they were selected, in one document change.
 */
import { describe, expect, it } from 'vitest';
import { mapDoc } from '../../builders/map-doc';
import { addStepsToChain, touchpointSteps } from '../../../renderer/src/features/chains/add-to-chain';
import { asId } from '../../builders/ids';

function clinic() {
  return mapDoc('Clinic', { preset: 'customer-journey' })
    .touchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .touchpoint('Site page', { channel: 'online', stage: 'Consideration' })
    .detail('Booking form', { under: 'Site page' })
    .touchpoint('Reception desk', { channel: 'offline', stage: 'Purchase' })
    .chain('First visit', ['Context ad']);
}

describe('the steps a selection adds', () => {
  it('keeps the selection order, turns a detail into its touchpoint and skips groups, the business and repeats', () => {
    const map = clinic();
    const selected = ['group:online', map.ids.topic('Reception desk'), map.ids.topic('Booking form'), map.ids.topic('Clinic'), map.ids.topic('Site page')];
    expect(touchpointSteps(map.build(), selected)).toEqual([map.ids.topic('Reception desk'), map.ids.topic('Site page')]);
  });
});

describe('adding steps to a chain', () => {
  it('appends them after the chain’s last step', () => {
    const map = clinic();
    const chainId = map.ids.chain('First visit');
    const doc = addStepsToChain(map.build(), { chainId }, [map.ids.topic('Site page'), map.ids.topic('Reception desk')]);
    expect(doc.chains[chainId]?.steps).toEqual([map.ids.topic('Context ad'), map.ids.topic('Site page'), map.ids.topic('Reception desk')]);
  });

  it('creates a new chain with them as its steps', () => {
    const map = clinic();
    const doc = addStepsToChain(map.build(), { newChain: 'Repeat visit', id: asId.chain('j-repeat') }, [map.ids.topic('Reception desk')]);
    expect(doc.chains[asId.chain('j-repeat')]).toMatchObject({ name: 'Repeat visit', steps: [map.ids.topic('Reception desk')] });
    expect(doc.chainOrder.at(-1)).toBe('j-repeat');
  });

  it('refuses a new chain without a name, and leaves the map as it was', () => {
    const map = clinic();
    expect(() => addStepsToChain(map.build(), { newChain: '  ', id: asId.chain('j-x') }, [map.ids.topic('Reception desk')])).toThrow(/name/i);
    expect(map.build().chains[asId.chain('j-x')]).toBeUndefined();
  });
});
