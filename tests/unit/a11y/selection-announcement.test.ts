/**
 * What the live region says for a selection, and that the arrow keys reach every topic of the mind
 * map from the business, so a keyboard (and a screen reader, through that region) can visit them all.
 */
import { describe, expect, it } from 'vitest';
import { announcementFor } from '../../../renderer/src/features/editor/selection-announcement';
import { mindModelFor, neighbour, type Direction } from '../../../renderer/src/drawing/mind-model';
import { mapDoc } from '../../builders/map-doc';
import { generateMap } from '../../fixtures/generate-map';

const clinic = mapDoc('Clinic', { stages: ['Awareness', 'Purchase'], competitors: ['City Clinic'] })
  .touchpoint('Website', { channel: 'online', stage: 'Awareness', importance: 8, score: 3, competitors: { 'City Clinic': 6 } })
  .detail('Booking form')
  .touchpoint('Reception', { channel: 'offline', stage: 'Purchase', score: 9 })
  .touchpoint('Idea')
  .chain('First visit', ['Website', 'Reception']);
const doc = clinic.build();
const id = (label: string) => clinic.ids.topic(label);

describe('the selection, in words', () => {
  it('a touchpoint: label, channel, stage, importance, our score with its band, each competitor’s score, weak link', () => {
    expect(announcementFor(doc, [id('Website')])).toBe(
      'Website: touchpoint, Online, Awareness. Importance 8. Our score 3, awful. City Clinic 6. Weak link of the chain “First visit”.',
    );
    expect(announcementFor(doc, [id('Reception')])).toBe('Reception: touchpoint, Offline, Purchase. Our score 9, wow.');
  });

  it('a detail names its touchpoint; a touchpoint without channel, stage or score says so', () => {
    expect(announcementFor(doc, [id('Booking form')])).toBe('Booking form: detail of Website, Online, Awareness. Not rated yet.');
    expect(announcementFor(doc, [id('Idea')])).toBe('Idea: touchpoint, no channel, no stage. Not rated yet.');
  });

  it('the business, a stage group with its count, several selected, nothing selected', () => {
    expect(announcementFor(doc, ['t-root'])).toBe('Clinic: the business, at the centre of the map.');
    const awareness = clinic.ids.stage('Awareness');
    expect(announcementFor(doc, [`group:online:stage:${awareness}`])).toBe('Awareness, Online: 1 touchpoint.');
    expect(announcementFor(doc, [id('Website'), id('Reception')])).toBe('Reception: touchpoint, Offline, Purchase. Our score 9, wow. 2 selected.');
    expect(announcementFor(doc, [])).toBe('');
  });
});

describe('the arrow keys on the mind map', () => {
  it('reach every node of a big map from the business', () => {
    const big = generateMap({ seed: 3, topics: 600 });
    const model = mindModelFor(big, 'channel-stage');
    const start = model.layout.nodes[0]?.id as string;
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      const from = queue.shift() as string;
      for (const direction of ['left', 'right', 'up', 'down'] as Direction[]) {
        const to = neighbour(model, from, direction);
        if (to !== undefined && !seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    const unreached = model.layout.nodes.filter((node) => !seen.has(node.id)).map((node) => node.id);
    expect(unreached).toEqual([]);
    expect(seen.size).toBe(model.layout.nodes.length);
  });
});
