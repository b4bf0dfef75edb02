import { describe, expect, it } from 'vitest';
import {
  addDetail,
  addTouchpoint,
  childrenOf,
  renameTopic,
  setCollapsed,
  setCompetitorScore,
  setPosition,
  setTopicFields,
  type TopicFields,
} from '@shared/model';
import { changedTopicIds, driveCommands } from './driver';
import { asId } from '../../builders/ids';

describe('addTouchpoint', () => {
  it('adds touchpoints under the root, last by default, straight into a group', () => {
    const map = driveCommands()
      .addTouchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
      .addTouchpoint('Reception')
      .addTouchpoint('Website', { channel: 'online', stage: 1 });
    expect(map.childLabels()).toEqual(['Context ad', 'Reception', 'Website']);
    expect(map.topic('Context ad')).toEqual({ id: map.id('Context ad'), parentId: 't-root', order: 0, label: 'Context ad', channel: 'online', stageId: 's-1' });
    expect(map.topic('Reception')).not.toHaveProperty('channel');
    expect(map.topic('Website').stageId).toBe(map.stageId('Consideration'));
  });

  it('inserts right after a sibling, between it and the next one', () => {
    const map = driveCommands().addTouchpoint('Ad').addTouchpoint('Chat').addTouchpoint('Site', { after: 'Ad' });
    expect(map.childLabels()).toEqual(['Ad', 'Site', 'Chat']);
    const before = map.doc;
    map.addTouchpoint('Phone', { after: 'Chat' });
    expect(map.childLabels()).toEqual(['Ad', 'Site', 'Chat', 'Phone']);
    expect(changedTopicIds(before, map.doc)).toEqual([map.id('Phone')]);
  });

  it('keeps inserting at one spot long after halving runs out of precision', () => {
    const map = driveCommands().addTouchpoint('First').addTouchpoint('Last');
    const labels = ['First'];
    for (let i = 0; i < 80; i += 1) {
      map.addTouchpoint(`Between ${i}`, { after: labels[labels.length - 1] });
      labels.push(`Between ${i}`);
    }
    expect(map.childLabels()).toEqual([...labels, 'Last']);
  });

  it('allows an empty label while a new node is being typed into', () => {
    const map = driveCommands().addTouchpoint('');
    expect(map.topic('').label).toBe('');
  });

  it('refuses a taken id, an unknown stage or channel and an afterId that is no sibling — the doc unchanged', () => {
    const map = driveCommands().addTouchpoint('Website').addDetail('Booking form', { under: 'Website' });
    map.refuses((doc) => addTouchpoint(doc, { id: map.id('Website'), label: 'Again' }), `id: "${map.id('Website')}" is already a topic of this map`);
    map.refuses((doc) => addTouchpoint(doc, { id: asId.topic('t-new'), label: 'X', stageId: asId.stage('s-x') }), 'stageId: "s-x" is not a stage of this map');
    map.refuses((doc) => addTouchpoint(doc, { id: asId.topic('t-new'), label: 'X', channel: 'phone' as never }), 'channel: "phone" is not one of online, offline');
    map.refuses((doc) => addTouchpoint(doc, { id: asId.topic('t-new'), label: 'X', afterId: map.id('Booking form') }), /afterId: "t-\d+" is not a child of "Clinic"/);
    map.refuses((doc) => addTouchpoint(doc, { id: asId.topic(''), label: 'X' }), 'id: "" is not an id');
  });
});

describe('addDetail', () => {
  it('adds details to a touchpoint and details of details, without a channel or stage of their own', () => {
    const map = driveCommands()
      .addTouchpoint('Website', { channel: 'online', stage: 'Consideration' })
      .addDetail('Booking form', { under: 'Website' })
      .addDetail('Chat', { under: 'Website' })
      .addDetail('Callback request', { under: 'Website', after: 'Booking form' })
      .addDetail('Date picker', { under: 'Booking form' });
    expect(map.childLabels('Website')).toEqual(['Booking form', 'Callback request', 'Chat']);
    expect(map.childLabels('Booking form')).toEqual(['Date picker']);
    expect(map.topic('Date picker')).toEqual({ id: map.id('Date picker'), parentId: map.id('Booking form'), order: 0, label: 'Date picker' });
  });

  it('refuses the root as parent (that is a touchpoint) and unknown parents', () => {
    const map = driveCommands().addTouchpoint('Website');
    map.refuses((doc) => addDetail(doc, { id: asId.topic('t-new'), parentId: asId.topic('t-root'), label: 'X' }), 'parentId: "Clinic" is the root; its children are touchpoints (addTouchpoint)');
    map.refuses((doc) => addDetail(doc, { id: asId.topic('t-new'), parentId: asId.topic('t-gone'), label: 'X' }), 'parentId: "t-gone" is not a topic of this map');
  });
});

describe('renameTopic', () => {
  it('renames one topic and shares every other record', () => {
    const map = driveCommands().addTouchpoint('Website').addTouchpoint('Phone');
    const before = map.doc;
    map.rename('Website', 'Сайт клиники');
    expect(map.topic('Сайт клиники').label).toBe('Сайт клиники');
    expect(changedTopicIds(before, map.doc)).toEqual([map.id('Website')]);
    expect(map.doc.map).toBe(before.map);
    expect(map.doc.chains).toBe(before.chains);
    map.undo();
    expect(map.topic('Website').label).toBe('Website');
    map.redo();
    expect(map.topic('Website').label).toBe('Сайт клиники');
  });

  it('returns the same doc when the label does not change, and refuses unknown ids', () => {
    const map = driveCommands().addTouchpoint('Website');
    expect(renameTopic(map.doc, map.id('Website'), 'Website')).toBe(map.doc);
    map.refuses((doc) => renameTopic(doc, asId.topic('constructor'), 'X'), 'id: "constructor" is not a topic of this map');
  });
});

describe('setTopicFields', () => {
  const rated = () =>
    driveCommands()
      .addSegment('New patients')
      .addCompetitor('City Clinic')
      .addTouchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
      .addTouchpoint('Website', { channel: 'online', stage: 'Consideration' })
      .addTouchpoint('Reception', { channel: 'offline', stage: 'Purchase' })
      .addDetail('Booking form', { under: 'Website' });

  it('records every field of DOMAIN.md §3 on a touchpoint', () => {
    const map = rated();
    const fields: Partial<TopicFields> = {
      kind: 'communication',
      segmentIds: [map.segmentId('New patients')],
      importance: 8,
      score: 4,
      competitorScores: { [map.competitorId('City Clinic')]: 7 },
      reaction: 'neutral',
      attention: 'short',
      lifespan: 'one-time',
      notes: 'Ad text promises a free first consultation',
      action: { what: 'Rewrite the ad around the free diagnosis', owner: 'Marketing', due: '2026-12-15', status: 'todo' },
      team: 'Marketing',
      process: 'Ad campaign',
      outcome: 'Click to the site',
      data: 'Clicks, cost per lead',
    };
    map.set('Context ad', fields);
    expect(map.topic('Context ad')).toMatchObject(fields);
  });

  it('edits many topics at once and touches only those that change', () => {
    const map = rated().set('Website', { importance: 9 });
    const before = map.doc;
    map.set(['Context ad', 'Website', 'Booking form'], { importance: 9 });
    expect(changedTopicIds(before, map.doc)).toEqual([map.id('Context ad'), map.id('Booking form')].sort());
    expect(map.doc.map).toBe(before.map);
    expect(setTopicFields(map.doc, [map.id('Website')], { importance: 9 })).toBe(map.doc);
  });

  it('clears a field given as undefined, and treats empty text, lists and scores as cleared', () => {
    const map = rated()
      .set('Website', { score: 6, notes: 'slow on mobile', segmentIds: [], competitorScores: {} })
      .set('Website', { score: undefined, team: '  ' });
    expect(map.topic('Website')).not.toHaveProperty('score');
    expect(map.topic('Website').notes).toBe('slow on mobile');
    map.set('Website', { notes: '' });
    expect(Object.keys(map.topic('Website')).sort()).toEqual(['channel', 'id', 'label', 'order', 'parentId', 'stageId']);
  });

  it('drops an empty action owner and de-duplicates segments', () => {
    const map = rated();
    const segment = map.segmentId('New patients');
    map.set('Website', { action: { what: 'Speed up', owner: ' ', status: 'doing' }, segmentIds: [segment, segment] });
    expect(map.topic('Website').action).toEqual({ what: 'Speed up', status: 'doing' });
    expect(map.topic('Website').segmentIds).toEqual([segment]);
  });

  it('refuses out-of-range and malformed values, naming the field and the problem', () => {
    const map = rated();
    const website = [map.id('Website')];
    const competitor = map.competitorId('City Clinic');
    map.refuses((doc) => setTopicFields(doc, website, { score: 14 }), 'score: 14 is not 0–10');
    map.refuses((doc) => setTopicFields(doc, website, { score: 3.5 }), 'score: 3.5 is not 0–10');
    map.refuses((doc) => setTopicFields(doc, website, { importance: 0 }), 'importance: 0 is not 1–10');
    map.refuses((doc) => setTopicFields(doc, website, { competitorScores: { [competitor]: -1 } }), `competitorScores.${competitor}: -1 is not 0–10`);
    map.refuses((doc) => setTopicFields(doc, website, { reaction: 'happy' as never }), 'reaction: "happy" is not one of positive, neutral, negative');
    map.refuses((doc) => setTopicFields(doc, website, { kind: 'digital' as never }), 'kind: "digital" is not one of communication, human, physical, sensory');
    map.refuses((doc) => setTopicFields(doc, website, { action: { what: 'X', due: '2026-13-01', status: 'todo' } }), 'action.due: "2026-13-01" is not a date YYYY-MM-DD');
    map.refuses((doc) => setTopicFields(doc, website, { action: { what: 'X' } as never }), 'action.status: is missing (one of todo, doing, done)');
    map.refuses((doc) => setTopicFields(doc, website, { position: { x: Number.NaN, y: 0 } }), 'position.x: NaN is not a number');
    map.refuses((doc) => setTopicFields(doc, website, { label: undefined }), 'label: is required; an empty label is ""');
  });

  it('refuses references to stages, segments and competitors the map does not have', () => {
    const map = rated();
    const website = [map.id('Website')];
    map.refuses((doc) => setTopicFields(doc, website, { stageId: asId.stage('s-x') }), 'stageId: "s-x" is not a stage of this map');
    map.refuses((doc) => setTopicFields(doc, website, { segmentIds: [asId.segment('g-x')] }), 'segmentIds: "g-x" is not a segment of this map');
    map.refuses((doc) => setTopicFields(doc, website, { competitorScores: { [asId.competitor('c-x')]: 5 } }), 'competitorScores: "c-x" is not a competitor of this map');
  });

  it('refuses structure fields and unknown keys, pointing to the right command', () => {
    const map = rated();
    const website = [map.id('Website')];
    map.refuses((doc) => setTopicFields(doc, website, { parentId: 't-root' } as never), 'parentId: is not a topic field setTopicFields can change (use moveTopic)');
    map.refuses((doc) => setTopicFields(doc, website, { color: 'red' } as never), 'color: is not a topic field setTopicFields can change');
  });

  it('sets a channel or stage only on touchpoints: details show their touchpoint’s', () => {
    const map = rated();
    map.refuses(
      (doc) => setTopicFields(doc, [map.id('Reception'), map.id('Booking form')], { channel: 'offline' }),
      'channel: "Booking form" is a detail; it takes the channel and stage of its touchpoint "Website"',
    );
    map.refuses((doc) => setTopicFields(doc, [asId.topic('t-root')], { stageId: map.stageId(0) }), 'stageId: "Clinic" is the root; only touchpoints have a channel and a stage');
    map.set(['Website', 'Booking form'], { channel: undefined, score: 3 });
    expect(map.topic('Website')).not.toHaveProperty('channel');
    expect(map.topic('Booking form').score).toBe(3);
  });

  it('refuses an unknown id among many without changing any topic', () => {
    const map = rated();
    map.refuses((doc) => setTopicFields(doc, [map.id('Website'), asId.topic('t-gone')], { score: 5 }), 'ids: "t-gone" is not a topic of this map');
  });
});

describe('setCompetitorScore', () => {
  it('rates one competitor on many touchpoints, keeping the other competitors’ scores', () => {
    const map = driveCommands().addCompetitor('City Clinic').addCompetitor('Med Plus').addTouchpoint('Website').addTouchpoint('Reception');
    const city = map.competitorId('City Clinic');
    const med = map.competitorId('Med Plus');
    map.set('Website', { competitorScores: { [med]: 2 } });
    map.apply((doc) => setCompetitorScore(doc, [map.id('Website'), map.id('Reception')], city, 8));
    expect(map.topic('Website').competitorScores).toEqual({ [med]: 2, [city]: 8 });
    expect(map.topic('Reception').competitorScores).toEqual({ [city]: 8 });
    map.apply((doc) => setCompetitorScore(doc, [map.id('Reception')], city, undefined));
    expect(map.topic('Reception')).not.toHaveProperty('competitorScores');
    map.refuses((doc) => setCompetitorScore(doc, [map.id('Website')], city, 11), `competitorScores.${city}: 11 is not 0–10`);
    map.refuses((doc) => setCompetitorScore(doc, [map.id('Website')], asId.competitor('c-x'), 1), 'competitorId: "c-x" is not a competitor of this map');
  });
});

describe('setPosition and setCollapsed', () => {
  it('pins a topic where it was dropped and gives it back to the layout', () => {
    const map = driveCommands().addTouchpoint('Website');
    const id = map.id('Website');
    map.apply((doc) => setPosition(doc, id, { x: 420, y: -80 }));
    expect(map.topic('Website').position).toEqual({ x: 420, y: -80 });
    expect(setPosition(map.doc, id, { x: 420, y: -80 })).toBe(map.doc);
    map.apply((doc) => setPosition(doc, id, undefined));
    expect(map.topic('Website')).not.toHaveProperty('position');
    expect(setPosition(map.doc, id, undefined)).toBe(map.doc);
    map.refuses((doc) => setPosition(doc, id, { x: Infinity, y: 0 }), 'position.x: Infinity is not a number');
  });

  it('folds a topic; unfolding removes the flag', () => {
    const map = driveCommands().addTouchpoint('Website').addDetail('Chat', { under: 'Website' });
    const id = map.id('Website');
    map.apply((doc) => setCollapsed(doc, id, true));
    expect(map.topic('Website').collapsed).toBe(true);
    expect(childrenOf(map.doc, id)).toHaveLength(1);
    map.apply((doc) => setCollapsed(doc, id, false));
    expect(map.topic('Website')).not.toHaveProperty('collapsed');
    expect(setCollapsed(map.doc, id, false)).toBe(map.doc);
  });
});
