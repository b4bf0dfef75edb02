import { describe, expect, it } from 'vitest';
import {
  addCompetitor,
  addSegment,
  removeCompetitor,
  removeSegment,
  renameCompetitor,
  renameSegment,
  setCompetitorScore,
} from '@shared/model';
import { changedTopicIds, driveCommands } from './driver';
import { asId } from '../../builders/ids';

describe('segments', () => {
  const withSegments = () =>
    driveCommands()
      .addSegment('New patients')
      .addSegment('Returning patients')
      .addTouchpoint('Context ad')
      .addTouchpoint('Reception')
      .addTouchpoint('Lab results')
      .addChain('First visit', ['Context ad', 'Reception'], { segment: 'New patients' })
      .addChain('Check-up', ['Reception', 'Lab results'], { segment: 'Returning patients' });

  it('adds and renames segments', () => {
    const map = withSegments();
    map.apply((doc) => renameSegment(doc, map.segmentId('New patients'), 'First-time patients'));
    expect(map.doc.map.segments.map((segment) => segment.name)).toEqual(['First-time patients', 'Returning patients']);
    expect(renameSegment(map.doc, map.segmentId('New patients'), 'First-time patients')).toBe(map.doc);
    map.refuses((doc) => addSegment(doc, { id: map.segmentId('New patients'), name: 'X' }), /is already a segment of this map/);
    map.refuses((doc) => addSegment(doc, { id: asId.segment('g-new'), name: '' }), 'name: must not be empty');
    map.refuses((doc) => renameSegment(doc, asId.segment('g-x'), 'X'), 'id: "g-x" is not a segment of this map');
  });

  it('removes a segment from every topic and chain that named it', () => {
    const map = withSegments();
    const fresh = map.segmentId('New patients');
    const back = map.segmentId('Returning patients');
    map.set('Context ad', { segmentIds: [fresh] }).set('Reception', { segmentIds: [fresh, back] });
    const before = map.doc;
    map.apply((doc) => removeSegment(doc, fresh));
    expect(map.doc.map.segments.map((segment) => segment.id)).toEqual([back]);
    expect(map.topic('Context ad')).not.toHaveProperty('segmentIds');
    expect(map.topic('Reception').segmentIds).toEqual([back]);
    expect(map.chain('First visit')).not.toHaveProperty('segmentId');
    expect(map.chain('Check-up')).toBe(before.chains[map.chainId('Check-up')]);
    expect(changedTopicIds(before, map.doc)).toEqual([map.id('Context ad'), map.id('Reception')].sort());
    map.refuses((doc) => removeSegment(doc, fresh), `id: "${fresh}" is not a segment of this map`);
  });
});

describe('competitors', () => {
  it('adds, renames and removes a competitor with every score given to it', () => {
    const map = driveCommands().addCompetitor('City Clinic').addCompetitor('Med Plus').addTouchpoint('Website').addTouchpoint('Reception').addTouchpoint('Parking');
    const city = map.competitorId('City Clinic');
    const med = map.competitorId('Med Plus');
    map
      .apply((doc) => setCompetitorScore(doc, [map.id('Website'), map.id('Reception')], city, 7))
      .apply((doc) => setCompetitorScore(doc, [map.id('Website')], med, 3))
      .apply((doc) => renameCompetitor(doc, city, 'City Clinic Group'));
    expect(map.doc.map.competitors).toEqual([
      { id: city, name: 'City Clinic Group' },
      { id: med, name: 'Med Plus' },
    ]);
    const before = map.doc;
    map.apply((doc) => removeCompetitor(doc, city));
    expect(map.doc.map.competitors.map((competitor) => competitor.id)).toEqual([med]);
    expect(map.topic('Website').competitorScores).toEqual({ [med]: 3 });
    expect(map.topic('Reception')).not.toHaveProperty('competitorScores');
    expect(map.topic('Parking')).toBe(before.topics[map.id('Parking')]);
    map.refuses((doc) => addCompetitor(doc, { id: asId.competitor('c-new'), name: '  ' }), 'name: must not be empty');
    map.refuses((doc) => removeCompetitor(doc, city), `id: "${city}" is not a competitor of this map`);
    map.refuses((doc) => renameCompetitor(doc, med, ''), 'name: must not be empty');
  });
});
