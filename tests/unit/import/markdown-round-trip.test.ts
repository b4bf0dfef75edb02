/**
 * Touchmap's own outline export (Markdown) read back by the Markdown import gives the same tree:
 * the same touchpoints in the same stages and channels, with their scores, competitors' scores
 * and details — in each language the export writes.
 */
import { describe, expect, it } from 'vitest';
import { planTree, readImportFile } from '@shared/import';
import type { Locale } from '@shared/model/types';
import { outlineMarkdown } from '../../../renderer/src/features/export/data/outline-markdown';
import { mapDoc } from '../../builders/map-doc';
import { build, summary } from './summary';

const STAGES: Record<Locale, string[]> = {
  en: ['Awareness', 'Purchase'],
  ru: ['Осведомлённость', 'Покупка'],
  ko: ['인지', '구매'],
  ja: ['認知', '購入'],
};

function clinic(locale: Locale) {
  const [aware, buy] = STAGES[locale] as [string, string];
  return mapDoc('Clinic', { locale, stages: [aware, buy], competitors: ['City Clinic'] })
    .touchpoint('Context ad', { channel: 'online', stage: aware, importance: 8, score: 4, competitors: { 'City Clinic': 7 } })
    .detail('Search ad, "varicose laser"')
    .detail('Second-level detail', { under: 'Search ad, "varicose laser"' })
    .touchpoint('Site *booking* form', { channel: 'online', stage: buy, score: 10 })
    .touchpoint('Reception desk', { channel: 'offline', stage: buy, importance: 10 })
    .touchpoint('1. Street sign', { channel: 'offline', stage: aware })
    .build();
}

describe('outline Markdown export → Markdown import', () => {
  it.each(['en', 'ru', 'ko', 'ja'] as const)('gives the same tree (%s)', (locale) => {
    const doc = clinic(locale);
    const markdown = outlineMarkdown(doc);
    const read = readImportFile(new TextEncoder().encode(markdown), 'Clinic.md');
    if (!read.ok || read.source.kind !== 'tree') throw new Error(read.ok ? 'not a tree' : read.problem);
    const back = build(planTree(read.source.sheets[0]!, { structure: 'auto', locale }));
    expect(back.map.title).toBe('Clinic');
    expect(new Set(back.map.stages.map((s) => s.name))).toEqual(new Set(STAGES[locale]));
    expect(back.map.competitors.map((c) => c.name)).toEqual(['City Clinic']);
    // The export lists by channel, then stage; the original's touchpoints read in that order.
    const order = ['Context ad', 'Site *booking* form', '1. Street sign', 'Reception desk'];
    const original = summary(doc).sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
    expect(summary(back)).toEqual(original);
  });
});
