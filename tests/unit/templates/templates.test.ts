import { describe, expect, it } from 'vitest';
import { parseTouchmapFile, serializeTouchmapFile } from '@shared/file-format';
import { restoreMapDoc } from '@shared/model/restore';
import { chainsOf, childrenOf, touchpointsOf } from '@shared/model/selectors';
import { LOCALES, type Locale, type MapDoc } from '@shared/model/types';
import { CLINIC_CHAIN_KEYS, TEMPLATES, buildTemplate, templateSpec, type TemplateId } from '@shared/templates';
import { presetStages } from '@shared/templates/presets';
import { asId } from '../../builders/ids';

const NOW = '2026-11-20T09:00:00.000Z';

/** Predictable ids, so a failure names the same records every run. */
function idMaker() {
  let n = 0;
  return asId.maker((prefix) => `${prefix}-${++n}`);
}

function build(templateId: TemplateId, locale: Locale, title?: string): MapDoc {
  return buildTemplate(templateId, { locale, newId: idMaker(), now: NOW, title });
}

/** The doc as storage rows, the way the repository hands them to restore. */
function rowsOf(doc: MapDoc) {
  return { map: doc.map, topics: Object.values(doc.topics), chains: doc.chainOrder.map((id) => doc.chains[id]) };
}

const CASES = TEMPLATES.flatMap((template) => LOCALES.map((locale) => [template.id, locale] as const));

describe('templates', () => {
  it('ships the four templates of DOMAIN.md §6', () => {
    expect(TEMPLATES.map((template) => template.id)).toEqual(['coffee-shop', 'clinic', 'online-store', 'freelancer-b2b']);
  });

  it.each(CASES)('%s in %s restores with zero repairs and survives a .touchmap round trip', (templateId, locale) => {
    const doc = build(templateId, locale);
    const { doc: restored, repairs } = restoreMapDoc(rowsOf(doc), { now: NOW });
    expect(repairs).toEqual([]);
    expect(restored.map).toEqual(doc.map);
    expect(Object.keys(restored.topics).sort()).toEqual(Object.keys(doc.topics).sort());

    const parsed = parseTouchmapFile(serializeTouchmapFile([doc], NOW));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.warnings).toEqual([]);
    const [back] = parsed.docs;
    expect(back?.map).toEqual(doc.map);
    expect(back?.topics).toEqual(doc.topics);
    expect(back?.chainOrder).toEqual(doc.chainOrder);
    expect(back?.chains).toEqual(doc.chains);
  });

  it.each(CASES)('%s in %s: every touchpoint has a channel, a stage, a score and a label in the map’s language', (templateId, locale) => {
    const doc = build(templateId, locale);
    const touchpoints = touchpointsOf(doc);
    expect(touchpoints.length).toBeGreaterThanOrEqual(12);
    const stageIds = new Set<string>(doc.map.stages.map((stage) => stage.id));
    for (const touchpoint of touchpoints) {
      expect(touchpoint.channel, touchpoint.label).toMatch(/^(online|offline)$/);
      expect(stageIds.has(touchpoint.stageId ?? ''), touchpoint.label).toBe(true);
      expect(touchpoint.label.trim()).not.toBe('');
    }
    expect(doc.map.stages.map((stage) => stage.name)).toEqual(presetStages(templateSpec(templateId).presetId, locale));
    expect(doc.map.locale).toBe(locale);
    // both channels, and no stage left empty: a template shows the whole method
    expect(new Set(touchpoints.map((t) => t.channel))).toEqual(new Set(['online', 'offline']));
    for (const stage of doc.map.stages) expect(touchpoints.some((t) => t.stageId === stage.id), `${stage.name} is empty`).toBe(true);
  });

  it.each(CASES)('%s in %s has ratings, named competitors, improvement actions and chains', (templateId, locale) => {
    const doc = build(templateId, locale);
    const touchpoints = touchpointsOf(doc);
    expect(doc.map.competitors.length).toBeGreaterThanOrEqual(1);
    expect(doc.map.segments.length).toBeGreaterThanOrEqual(1);
    expect(touchpoints.filter((t) => t.score !== undefined).length).toBeGreaterThanOrEqual(touchpoints.length - 2);
    expect(touchpoints.every((t) => t.importance !== undefined)).toBe(true);
    expect(touchpoints.some((t) => t.reaction === 'negative')).toBe(true);
    expect(touchpoints.filter((t) => t.competitorScores !== undefined).length).toBeGreaterThanOrEqual(5);

    const actions = touchpoints.flatMap((t) => (t.action ? [t.action] : []));
    expect(actions.length).toBeGreaterThanOrEqual(3);
    for (const action of actions) {
      expect(action.what.trim()).not.toBe('');
      expect(action.owner?.trim()).toBeTruthy();
      expect(action.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(new Set(actions.map((a) => a.status)).size).toBeGreaterThanOrEqual(2);

    const chains = chainsOf(doc);
    expect(chains.length).toBeGreaterThanOrEqual(1);
    for (const chain of chains) {
      expect(chain.steps.length).toBeGreaterThanOrEqual(3);
      for (const step of chain.steps) expect(touchpoints.some((t) => t.id === step)).toBe(true);
    }
    expect(touchpoints.some((t) => childrenOf(doc, t.id).length > 0), 'some touchpoint has details').toBe(true);
  });

  it('builds the clinic’s first-visit chain of DOMAIN.md §4: the nine steps, in order', () => {
    const doc = build('clinic', 'en');
    const [first] = chainsOf(doc);
    expect(first?.name).toBe('First visit');
    expect(first?.steps.map((id) => doc.topics[id]?.label)).toEqual([
      'Context ad',
      'Site page',
      'Question to the online chat consultant',
      'Booking by phone',
      'Talk with reception',
      'Filling in the card and questionnaire',
      'Doctor’s consultation',
      'Positive review on the site or a third-party resource',
      'Mailing list or SMS with the clinic’s offers',
    ]);
    expect(CLINIC_CHAIN_KEYS).toHaveLength(9);
    // the same chain in every locale, not only in English
    for (const locale of LOCALES) expect(chainsOf(build('clinic', locale))[0]?.steps).toHaveLength(9);
    const site = touchpointsOf(doc).find((t) => t.label === 'Site page');
    expect(childrenOf(doc, site?.id ?? asId.topic('')).map((d) => d.label)).toContain('Callback request');
  });

  it('speaks the map’s language: the Korean clinic is in Hangul, the Russian in Cyrillic, the Japanese in Kana', () => {
    const labels = (locale: Locale) => touchpointsOf(build('clinic', locale)).map((t) => t.label).join(' ');
    expect(labels('ko')).toMatch(/\p{Script=Hangul}/u);
    expect(labels('ko')).not.toMatch(/[a-z]{4}/);
    expect(labels('ru')).toMatch(/\p{Script=Cyrillic}/u);
    expect(labels('ja')).toMatch(/\p{Script=Katakana}/u);
    expect(build('clinic', 'ko').map.title).toBe('의료 클리닉');
    expect(chainsOf(build('clinic', 'ru'))[0]?.name).toBe('Первый визит');
  });

  it('takes the user’s title for the map and its root, or the template’s own when blank', () => {
    const doc = build('coffee-shop', 'en', '  Blue Door Café ');
    expect(doc.map.title).toBe('Blue Door Café');
    expect(Object.values(doc.topics).find((t) => t.parentId === null)?.label).toBe('Blue Door Café');
    expect(build('coffee-shop', 'en', '   ').map.title).toBe('Corner coffee shop');
  });

  it('gives every record a fresh id from the caller, so two maps from one template never collide', () => {
    const a = buildTemplate('online-store', { locale: 'en', newId: asId.maker((p) => `${p}-a${Math.random()}`), now: NOW });
    const b = buildTemplate('online-store', { locale: 'en', newId: asId.maker((p) => `${p}-b${Math.random()}`), now: NOW });
    const idsOf = (doc: MapDoc) => new Set([doc.map.id, ...Object.keys(doc.topics), ...doc.chainOrder, ...doc.map.stages.map((s) => s.id)]);
    const shared = [...idsOf(a)].filter((id) => idsOf(b).has(id));
    expect(shared).toEqual([]);
  });

  it('refuses an unknown template by name', () => {
    expect(() => buildTemplate('bakery' as TemplateId, { locale: 'en', newId: idMaker(), now: NOW })).toThrow(/Unknown template "bakery"/);
  });
});
