import { describe, expect, it } from 'vitest';
import { isBelowRoot, isDetail, isRoot, isTouchpoint, isTouchpointUnder, roleOf, rootOf, type MapDoc } from '@shared/model';
import { mapDoc } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

const clinic = () =>
  mapDoc('Clinic', { stages: ['Awareness'] })
    .touchpoint('Website', { channel: 'online', stage: 'Awareness' })
    .detail('Booking form')
    .detail('Date picker', { under: 'Booking form' })
    .touchpoint('Reception', { channel: 'offline' });

describe('role selectors', () => {
  it('knows the root by its missing parent, on topics and on raw records alike', () => {
    const map = clinic();
    const doc = map.build();
    expect(isRoot(rootOf(doc))).toBe(true);
    expect(isRoot(doc.topics[map.ids.topic('Website')]!)).toBe(false);
    // file readers ask it of records not yet validated: a missing parentId is not the root
    expect(isRoot({ parentId: null })).toBe(true);
    expect(isRoot({})).toBe(false);
    expect(isRoot({ parentId: undefined })).toBe(false);
  });

  it('tells a touchpoint from a detail at any depth', () => {
    const map = clinic();
    const doc = map.build();
    const id = (label: string) => map.ids.topic(label);
    expect(isTouchpoint(doc, id('Website'))).toBe(true);
    expect(isTouchpoint(doc, id('Reception'))).toBe(true);
    expect(isTouchpoint(doc, id('Booking form'))).toBe(false);
    expect(isTouchpoint(doc, rootOf(doc).id)).toBe(false);
    expect(isDetail(doc, id('Booking form'))).toBe(true);
    expect(isDetail(doc, id('Date picker'))).toBe(true);
    expect(isDetail(doc, id('Website'))).toBe(false);
    expect(isDetail(doc, rootOf(doc).id)).toBe(false);
  });

  it('names each topic’s role, and none for an unknown id or a topic cut off from the root', () => {
    const map = clinic();
    const doc = map.build();
    expect(roleOf(doc, rootOf(doc).id)).toBe('root');
    expect(roleOf(doc, map.ids.topic('Website'))).toBe('touchpoint');
    expect(roleOf(doc, map.ids.topic('Date picker'))).toBe('detail');
    expect(roleOf(doc, asId.topic('t-unknown'))).toBeUndefined();
    expect(roleOf(doc, asId.topic('constructor'))).toBeUndefined();
    const orphan: MapDoc = { ...doc, topics: { ...doc.topics, [asId.topic('t-orphan')]: { id: 't-orphan', parentId: 't-gone', order: 0, label: 'Orphan' } } };
    expect(roleOf(orphan, asId.topic('t-orphan'))).toBeUndefined();
    expect(isDetail(orphan, asId.topic('t-orphan'))).toBe(false);
    expect(isTouchpoint(orphan, asId.topic('t-orphan'))).toBe(false);
  });

  it('finds what can be handled as a topic: everything but the root, group nodes and unknown ids', () => {
    const map = clinic();
    const doc = map.build();
    expect(isBelowRoot(doc, map.ids.topic('Website'))).toBe(true);
    expect(isBelowRoot(doc, map.ids.topic('Date picker'))).toBe(true);
    expect(isBelowRoot(doc, rootOf(doc).id)).toBe(false);
    expect(isBelowRoot(doc, asId.topic('stage:online:s-awareness'))).toBe(false);
    expect(isBelowRoot(doc, asId.topic('toString'))).toBe(false);
  });

  it('counts a topic as a touchpoint under a known root id without a whole doc', () => {
    const map = clinic();
    const doc = map.build();
    const rootId = rootOf(doc).id;
    expect(isTouchpointUnder(rootId, doc.topics[map.ids.topic('Website')])).toBe(true);
    expect(isTouchpointUnder(rootId, doc.topics[map.ids.topic('Booking form')])).toBe(false);
    expect(isTouchpointUnder(rootId, rootOf(doc))).toBe(false);
    expect(isTouchpointUnder(rootId, undefined)).toBe(false);
  });
});
