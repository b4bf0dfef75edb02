/**
 * The document builder itself: readable ids from labels, names resolved to ids, absent fields
 * left absent, and a clear error naming what a test got wrong.
 */
import { describe, expect, it } from 'vitest';
import { parseTouchmapFile, serializeTouchmapFile } from '@shared/file-format';
import { mapDoc, topicIdOf } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

describe('the map document builder', () => {
  it('builds a valid map whose ids read like its labels', () => {
    const clinic = mapDoc('Clinic', { stages: ['Awareness', 'Purchase'], segments: ['New patients'], competitors: ['City Clinic'] })
      .touchpoint('Website', { channel: 'online', stage: 'Awareness', score: 8, segments: ['New patients'], competitors: { 'City Clinic': 6 } })
      .detail('Booking form')
      .touchpoint('Запись на приём', { channel: 'offline', stage: 'Purchase' })
      .chain('First visit', ['Website', 'Booking form', 'Запись на приём'], { segment: 'New patients' });
    const doc = clinic.build();
    expect(clinic.ids.topic('Website')).toBe('t-website');
    expect(clinic.ids.topic('Запись на приём')).toBe('t-запись-на-приём');
    expect(doc.map).toMatchObject({ id: 'm-clinic', stages: [{ id: 's-awareness', name: 'Awareness' }, { id: 's-purchase', name: 'Purchase' }] });
    expect(doc.topics[asId.topic('t-website')]).toEqual({
      id: 't-website', parentId: 't-root', order: 0, label: 'Website', channel: 'online', stageId: 's-awareness', score: 8,
      segmentIds: ['g-new-patients'], competitorScores: { 'c-city-clinic': 6 },
    });
    expect(doc.topics[asId.topic('t-booking-form')]).toEqual({ id: 't-booking-form', parentId: 't-website', order: 0, label: 'Booking form' });
    expect(doc.topics[asId.topic('t-запись-на-приём')]?.order).toBe(1);
    expect(doc.chains[asId.chain('j-first-visit')]).toEqual({ id: 'j-first-visit', name: 'First visit', segmentId: 'g-new-patients', steps: ['t-website', 't-booking-form', 't-запись-на-приём'] });
    expect(doc.chainOrder).toEqual(['j-first-visit']);
    const read = parseTouchmapFile(serializeTouchmapFile([doc], '2026-11-25T10:00:00.000Z'));
    expect(read.ok && read.docs[0]).toEqual(doc);
  });

  it('gives the second topic of a label its own id, and asks for an id when a label is ambiguous', () => {
    const map = mapDoc().touchpoint('Phone').touchpoint('Phone');
    expect(Object.keys(map.build().topics)).toEqual(['t-root', 't-phone', 't-phone-2']);
    expect(() => map.ids.topic('Phone')).toThrow('map-doc: 2 topics are labelled "Phone" (t-phone, t-phone-2); name one by its id');
    expect(topicIdOf('Context ad!')).toBe('t-context-ad');
  });

  it('names what a test refers to that the map does not have', () => {
    expect(() => mapDoc('Shop', { stages: ['Buy'] }).touchpoint('Till', { stage: 'Pay' })).toThrow('map-doc: no stage named "Pay" (have: Buy)');
    expect(() => mapDoc().touchpoint('Site').chain('Walk', ['Site', 'Chat'])).toThrow('map-doc: no topic labelled "Chat"');
    expect(() => mapDoc().detail('Form')).toThrow('map-doc: detail "Form" has no touchpoint to go under');
  });

  it('takes stages from a preset, and gives the same document until the builder changes', () => {
    const map = mapDoc('Coffee shop', { preset: 'before-during-after' }).touchpoint('Barista');
    const first = map.build();
    expect(map.build()).toBe(first);
    expect(first.map.stages.map((s) => s.name)).toEqual(['Before purchase', 'Purchase', 'After purchase']);
    map.set('Barista', { score: 9 });
    expect(first.topics[asId.topic('t-barista')]?.score).toBeUndefined();
    expect(map.build().topics[asId.topic('t-barista')]?.score).toBe(9);
    expect(map.build().topics[asId.topic('t-root')]).not.toBe(first.topics[asId.topic('t-root')]);
  });
});
