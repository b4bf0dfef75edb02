import { describe, expect, it } from 'vitest';
import { deleteTopics, effectiveChannel, effectiveStageId, moveToGroup, moveTopic, reorderTopic } from '@shared/model';
import { changedTopicIds, driveCommands } from './driver';
import { asId } from '../../builders/ids';

/** The clinic of DOMAIN.md §4: touchpoints with details, details of details, and a first-visit chain. */
const clinic = () =>
  driveCommands({ title: 'Clinic' })
    .addTouchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .addTouchpoint('Website', { channel: 'online', stage: 'Consideration' })
    .addTouchpoint('Reception', { channel: 'offline', stage: 'Purchase' })
    .addDetail('Booking form', { under: 'Website' })
    .addDetail('Chat', { under: 'Website' })
    .addDetail('Date picker', { under: 'Booking form' })
    .addChain('First visit', ['Context ad', 'Website', 'Reception', 'Website']);

describe('moveTopic', () => {
  it('promotes a detail to a touchpoint that stays in the group it showed in', () => {
    const map = clinic();
    map.move('Booking form', { under: 'root', index: 2 });
    expect(map.childLabels()).toEqual(['Context ad', 'Website', 'Booking form', 'Reception']);
    expect(map.topic('Booking form')).toMatchObject({ channel: 'online', stageId: map.stageId('Consideration') });
    // its own details come along and now take its group
    expect(map.childLabels('Booking form')).toEqual(['Date picker']);
    expect(effectiveStageId(map.doc, map.id('Date picker'))).toBe(map.stageId('Consideration'));
  });

  it('demotes a touchpoint to a detail: it drops its own group and leaves the chains', () => {
    const map = clinic();
    const before = map.doc;
    map.move('Reception', { under: 'Website' });
    expect(map.childLabels('Website')).toEqual(['Booking form', 'Chat', 'Reception']);
    expect(map.topic('Reception')).not.toHaveProperty('channel');
    expect(map.topic('Reception')).not.toHaveProperty('stageId');
    expect(effectiveChannel(map.doc, map.id('Reception'))).toBe('online');
    expect(map.stepLabels('First visit')).toEqual(['Context ad', 'Website', 'Website']);
    expect(changedTopicIds(before, map.doc)).toEqual([map.id('Reception')]);
    map.undo();
    expect(map.doc).toBe(before);
    expect(map.stepLabels('First visit')).toEqual(['Context ad', 'Website', 'Reception', 'Website']);
  });

  it('moves a detail between touchpoints and a touchpoint within the root without touching chains', () => {
    const map = clinic();
    const chains = map.doc.chains;
    map.move('Chat', { under: 'Reception' }).move('Reception', { under: 'root', index: 0 });
    expect(map.childLabels('Reception')).toEqual(['Chat']);
    expect(map.childLabels()).toEqual(['Reception', 'Context ad', 'Website']);
    expect(map.topic('Reception').channel).toBe('offline');
    expect(map.doc.chains).toBe(chains);
  });

  it('returns the same doc when the topic is already there', () => {
    const map = clinic();
    expect(moveTopic(map.doc, map.id('Chat'), { parentId: map.id('Website'), index: 1 })).toBe(map.doc);
    expect(moveTopic(map.doc, map.id('Reception'), { parentId: asId.topic('t-root') })).toBe(map.doc);
  });

  it('refuses cycles, the root, unknown parents and bad indexes', () => {
    const map = clinic();
    const website = map.id('Website');
    map.refuses((doc) => moveTopic(doc, website, { parentId: map.id('Date picker') }), 'parentId: moving "Website" under its own detail would make a cycle');
    map.refuses((doc) => moveTopic(doc, website, { parentId: website }), 'parentId: moving "Website" under itself would make a cycle');
    map.refuses((doc) => moveTopic(doc, asId.topic('t-root'), { parentId: website }), 'id: "Clinic" is the root — the business at the centre — and cannot be moved');
    map.refuses((doc) => moveTopic(doc, website, { parentId: asId.topic('t-x') }), 'parentId: "t-x" is not a topic of this map');
    map.refuses((doc) => moveTopic(doc, map.id('Chat'), { parentId: map.id('Reception'), index: 1 }), 'index: 1 is not 0–0');
    map.refuses((doc) => moveTopic(doc, map.id('Chat'), { parentId: website, index: -1 }), 'index: -1 is not 0–1');
  });
});

describe('moveToGroup', () => {
  it('drops touchpoints on a channel or stage group; null makes them unsorted', () => {
    const map = clinic();
    const before = map.doc;
    map.group(['Context ad', 'Website'], { stage: 'Purchase' });
    expect(map.topic('Context ad')).toMatchObject({ channel: 'online', stageId: map.stageId('Purchase') });
    expect(map.topic('Website').stageId).toBe(map.stageId('Purchase'));
    map.group(['Website', 'Reception'], { channel: null });
    expect(map.topic('Website')).not.toHaveProperty('channel');
    expect(map.topic('Reception')).not.toHaveProperty('channel');
    map.group(['Reception'], { channel: 'online', stage: null });
    expect(map.topic('Reception')).toMatchObject({ channel: 'online' });
    expect(map.topic('Reception')).not.toHaveProperty('stageId');
    expect(changedTopicIds(before, map.doc)).toEqual([map.id('Context ad'), map.id('Website'), map.id('Reception')].sort());
  });

  it('returns the same doc when nothing changes', () => {
    const map = clinic();
    expect(moveToGroup(map.doc, [map.id('Website')], {})).toBe(map.doc);
    expect(moveToGroup(map.doc, [map.id('Website')], { channel: 'online' })).toBe(map.doc);
  });

  it('refuses details, unknown stages and channels', () => {
    const map = clinic();
    map.refuses(
      (doc) => moveToGroup(doc, [map.id('Website'), map.id('Chat')], { channel: 'offline' }),
      'ids: "Chat" is a detail; it takes the channel and stage of its touchpoint "Website"',
    );
    map.refuses((doc) => moveToGroup(doc, [map.id('Website')], { stageId: asId.stage('s-x') }), 'stageId: "s-x" is not a stage of this map');
    map.refuses((doc) => moveToGroup(doc, [map.id('Website')], { channel: 'mail' as never }), 'channel: "mail" is not one of online, offline');
  });
});

describe('reorderTopic', () => {
  it('moves a topic among its siblings and changes only its own record', () => {
    const map = clinic();
    const before = map.doc;
    map.reorder('Reception', 0);
    expect(map.childLabels()).toEqual(['Reception', 'Context ad', 'Website']);
    expect(changedTopicIds(before, map.doc)).toEqual([map.id('Reception')]);
    map.reorder('Reception', 2).reorder('Chat', 0);
    expect(map.childLabels()).toEqual(['Context ad', 'Website', 'Reception']);
    expect(map.childLabels('Website')).toEqual(['Chat', 'Booking form']);
    expect(reorderTopic(map.doc, map.id('Chat'), 0)).toBe(map.doc);
  });

  it('refuses the root and positions outside the siblings', () => {
    const map = clinic();
    map.refuses((doc) => reorderTopic(doc, asId.topic('t-root'), 0), 'id: "Clinic" is the root — the business at the centre — and cannot be reordered');
    map.refuses((doc) => reorderTopic(doc, map.id('Website'), 3), 'index: 3 is not 0–2');
    map.refuses((doc) => reorderTopic(doc, map.id('Website'), 1.5), 'index: 1.5 is not 0–2');
  });
});

describe('deleteTopics', () => {
  it('deletes a touchpoint with all its details and its chain steps', () => {
    const map = clinic();
    const before = map.doc;
    map.delete('Website');
    expect(map.childLabels()).toEqual(['Context ad', 'Reception']);
    for (const gone of ['Website', 'Booking form', 'Chat', 'Date picker']) expect(map.doc.topics[map.id(gone)]).toBeUndefined();
    expect(map.stepLabels('First visit')).toEqual(['Context ad', 'Reception']);
    // the survivors are the very same records
    expect(map.topic('Reception')).toBe(before.topics[map.id('Reception')]);
    expect(map.topic('Context ad')).toBe(before.topics[map.id('Context ad')]);
    map.undo();
    expect(map.doc).toBe(before);
  });

  it('deletes a detail of a detail alone, and a selection holding a topic and its detail', () => {
    const map = clinic().delete('Date picker');
    expect(map.childLabels('Booking form')).toEqual([]);
    const chains = map.doc.chains;
    map.delete('Booking form', 'Website', 'Booking form');
    expect(map.childLabels()).toEqual(['Context ad', 'Reception']);
    map.undo().delete('Chat');
    expect(map.doc.chains).toBe(chains);
  });

  it('refuses the root and unknown ids', () => {
    const map = clinic();
    map.refuses((doc) => deleteTopics(doc, [map.id('Chat'), asId.topic('t-root')]), 'ids: "Clinic" is the root — the business at the centre — and cannot be deleted; delete the map instead');
    map.refuses((doc) => deleteTopics(doc, [asId.topic('t-gone')]), 'ids: "t-gone" is not a topic of this map');
    expect(deleteTopics(map.doc, [])).toBe(map.doc);
  });
});
