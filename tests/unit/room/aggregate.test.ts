import { describe, expect, it } from 'vitest';
import { applyRound, tallyRound, type Rating } from '../../../shared/room';
import { mapDoc } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

const ratings = (byParticipant: Record<string, Record<string, Rating>>) =>
  new Map(Object.entries(byParticipant).map(([p, own]) => [p, new Map(Object.entries(own).map(([topic, rating]) => [asId.topic(topic), rating]))]));

describe('tallyRound', () => {
  it('counts, averages, spreads and histograms the scores of each topic of the round', () => {
    const [website, kiosk, empty] = tallyRound([asId.topic('web'), asId.topic('kiosk'), asId.topic('none')], ratings({
      a: { web: { score: 8, importance: 5 }, kiosk: { score: 2 } },
      b: { web: { score: 6 }, kiosk: { importance: 9 } },
      c: { web: { score: 10, importance: 7 } },
    }));
    expect(website).toMatchObject({ topicId: 'web', count: 3, mean: 8, min: 6, max: 10, importanceCount: 2, importanceMean: 6 });
    expect(website!.spread).toBeCloseTo(Math.sqrt(8 / 3), 10);
    expect(website!.histogram).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1]);
    expect(kiosk).toMatchObject({ count: 1, mean: 2, spread: 0, min: 2, max: 2, importanceCount: 1, importanceMean: 9 });
    expect(empty).toEqual({ topicId: 'none', count: 0, histogram: Array(11).fill(0), importanceCount: 0 });
  });

  it('ignores ratings of topics outside the round', () => {
    const [only] = tallyRound([asId.topic('web')], ratings({ a: { web: { score: 1 }, other: { score: 9 } } }));
    expect(only).toMatchObject({ count: 1, mean: 1 });
  });
});

describe('applyRound', () => {
  const clinic = mapDoc('Clinic', { stages: ['Awareness'] })
    .touchpoint('Website', { channel: 'online', stage: 'Awareness', score: 2 })
    .touchpoint('Kiosk', { channel: 'offline', stage: 'Awareness', importance: 4 });
  const doc = clinic.build();
  const web = clinic.ids.topic('Website');
  const kiosk = clinic.ids.topic('Kiosk');

  it('writes the rounded means as scores and the importance where rated, leaving unrated topics alone', () => {
    const tallies = tallyRound([web, kiosk, asId.topic('gone')], ratings({
      a: { [web]: { score: 7, importance: 3 }, gone: { score: 1 } },
      b: { [web]: { score: 8, importance: 4 } },
    }));
    const next = applyRound(tallies)(doc);
    expect(next.topics[web]).toMatchObject({ score: 8, importance: 4 });
    expect(next.topics[kiosk]).toBe(doc.topics[kiosk]);
    expect(doc.topics[web]!.score).toBe(2);
  });

  it('returns the same document when nothing was rated', () => {
    expect(applyRound(tallyRound([web], new Map()))(doc)).toBe(doc);
  });
});
