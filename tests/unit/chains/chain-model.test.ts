/**
 * What the views show of the chains: steps with scores, the weak link (lowest score, earliest on
 * a tie), unscored steps, the numbered links of shown chains, and the link curves.
 */
import { describe, expect, it } from 'vitest';
import { deleteTopics } from '@shared/model/commands';
import { mapDoc } from '../../builders/map-doc';
import { chainLinks, chainStepIds, nextChainName, summarizeChains, weakLinkIds } from '../../../renderer/src/features/chains/chain-model';
import { loopLink, sideLink, verticalLink } from '../../../renderer/src/drawing/chain-geometry';
import { CHAIN_TOKENS, DARK, LIGHT, chainColour, chainColourVar } from '../../../renderer/src/drawing/theme';
import type { ChainId } from '@shared/model/types';

/** The clinic's chain of DOMAIN.md §4, four steps of it, rated. */
function clinic() {
  return mapDoc('Clinic', { preset: 'customer-journey' })
    .touchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .touchpoint('Site page', { channel: 'online', stage: 'Consideration' })
    .touchpoint('Booking by phone', { channel: 'offline', stage: 'Purchase' })
    .touchpoint('Reception', { channel: 'offline', stage: 'Purchase' })
    .set('Context ad', { score: 6 })
    .set('Site page', { score: 3 })
    .set('Booking by phone', { score: 3 })
    .chain('First visit', ['Context ad', 'Site page', 'Booking by phone', 'Reception']);
}

describe('summarizeChains', () => {
  it('lists the steps with labels and scores, the weak link and the unscored steps', () => {
    const [summary] = summarizeChains(clinic().build());
    expect(summary!.steps.map((s) => [s.label, s.score])).toEqual([
      ['Context ad', 6],
      ['Site page', 3],
      ['Booking by phone', 3],
      ['Reception', undefined],
    ]);
    // two steps score 3: the earliest is the weak link
    expect(summary!.weak).toMatchObject({ index: 1, label: 'Site page', score: 3, band: 'awful' });
    expect(summary!.steps.filter((s) => s.weak).map((s) => s.label)).toEqual(['Site page']);
    expect(summary!.unscored.map((s) => s.label)).toEqual(['Reception']);
  });

  it('has no weak link until a step is scored, and follows a new score', () => {
    const map = mapDoc('Clinic', { preset: 'customer-journey' }).touchpoint('Ad').touchpoint('Site').chain('Walk', ['Ad', 'Site']);
    expect(summarizeChains(map.build())[0]!.weak).toBeUndefined();
    expect(summarizeChains(map.build())[0]!.unscored).toHaveLength(2);
    map.set('Site', { score: 9 });
    expect(summarizeChains(map.build())[0]!.weak?.label).toBe('Site');
    map.set('Ad', { score: 2 });
    expect(summarizeChains(map.build())[0]!.weak?.label).toBe('Ad');
  });

  it('gives each chain its place in the chain list as its colour', () => {
    const map = clinic().chain('Return visit', ['Reception', 'Context ad']);
    expect(summarizeChains(map.build()).map((s) => [s.chain.name, s.colourIndex])).toEqual([
      ['First visit', 0],
      ['Return visit', 1],
    ]);
  });
});

describe('chainLinks', () => {
  it('links consecutive steps, numbered from 1, for every shown chain', () => {
    const map = clinic().chain('Return visit', ['Reception', 'Context ad']);
    const links = chainLinks(map.build(), new Set());
    expect(links.map((l) => [l.chainName, l.number, map.build().topics[l.from]?.label, map.build().topics[l.to]?.label, l.lane])).toEqual([
      ['First visit', 1, 'Context ad', 'Site page', 0],
      ['First visit', 2, 'Site page', 'Booking by phone', 0],
      ['First visit', 3, 'Booking by phone', 'Reception', 0],
      ['Return visit', 1, 'Reception', 'Context ad', 1],
    ]);
    expect(new Set(links.map((l) => l.id)).size).toBe(links.length);
  });

  it('leaves out hidden chains, and a one-step chain has no link', () => {
    const map = clinic().chain('Alone', ['Reception']);
    expect(chainLinks(map.build(), new Set([map.ids.chain('First visit')]))).toEqual([]);
  });

  it('joins the steps either side of a deleted touchpoint', () => {
    const map = clinic();
    const doc = deleteTopics(map.build(), [map.ids.topic('Site page')]);
    expect(chainLinks(doc, new Set()).map((l) => doc.topics[l.to]?.label)).toEqual(['Booking by phone', 'Reception']);
  });
});

describe('weakLinkIds', () => {
  it('holds the weak link of every shown chain, and is the same set for the same inputs', () => {
    const map = clinic().chain('Return visit', ['Reception', 'Context ad']);
    const shown = new Set<ChainId>();
    const ids = weakLinkIds(map.build(), shown);
    expect([...ids].map((id) => map.build().topics[id]?.label).sort()).toEqual(['Context ad', 'Site page']);
    expect(weakLinkIds(map.build(), shown)).toBe(ids);
    const hidden = new Set([map.ids.chain('First visit')]);
    expect([...weakLinkIds(map.build(), hidden)].map((id) => map.build().topics[id]?.label)).toEqual(['Context ad']);
  });
});

describe('chainStepIds', () => {
  it('holds every step of every chain, shown or hidden (the nodes that carry side handles), one set per chains record', () => {
    const map = clinic().touchpoint('Shop window', { channel: 'offline' });
    const ids = chainStepIds(map.build());
    expect([...ids].map((id) => map.build().topics[id]?.label).sort()).toEqual(['Booking by phone', 'Context ad', 'Reception', 'Site page']);
    expect(chainStepIds({ ...map.build() })).toBe(ids); // same chains record
    map.chain('Walk-in', ['Shop window']);
    expect(chainStepIds(map.build()).has(map.ids.topic('Shop window'))).toBe(true);
  });
});

describe('nextChainName', () => {
  it('numbers new chains without repeating a name', () => {
    const map = mapDoc('Clinic', { preset: 'customer-journey' }).touchpoint('Ad');
    expect(nextChainName(map.build(), 'Chain')).toBe('Chain 1');
    map.chain('Chain 2', []);
    expect(nextChainName(map.build(), 'Chain')).toBe('Chain 3');
  });
});

describe('chain colours and curves', () => {
  it('has a fixed palette in both themes, distinct from the channel and score colours', () => {
    for (const theme of [LIGHT, DARK]) {
      const palette = CHAIN_TOKENS.map((_, i) => chainColour(theme, i));
      expect(new Set(palette).size).toBe(CHAIN_TOKENS.length);
      for (const reserved of [theme.online, theme.offline, theme.awful, theme.wow, theme.ok, theme.danger]) expect(palette).not.toContain(reserved);
    }
    expect(chainColour(LIGHT, CHAIN_TOKENS.length)).toBe(chainColour(LIGHT, 0));
    expect(chainColourVar(1)).toBe('var(--tm-chain2)');
  });

  it('bows a side link up by lane, and puts the number halfway', () => {
    expect(sideLink({ x: 0, y: 0 }, { x: 200, y: 0 }, 0)).toEqual({ path: 'M0,0 C100,-24 100,-24 200,0', mid: { x: 100, y: -18 } });
    expect(sideLink({ x: 0, y: 0 }, { x: 200, y: 0 }, 1).mid.y).toBeLessThan(-18);
    expect(loopLink({ x: 100, y: 0 }, { x: 100, y: 60 }, 1, 0).mid).toEqual({ x: 137.5, y: 30 });
    expect(loopLink({ x: 100, y: 0 }, { x: 100, y: 60 }, -1, 0).mid.x).toBeLessThan(100);
    expect(verticalLink({ x: 50, y: 0 }, { x: 50, y: 100 }, 0).mid).toEqual({ x: 63.5, y: 50 });
  });
});
