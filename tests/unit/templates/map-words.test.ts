/**
 * The words Touchmap puts on a map and into its exports, per map language (map-words.ts): every
 * locale has every word, none is empty, the poster caption keeps its placeholders, and English
 * stays what the exports printed before they followed the locale.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, LOCALES, REACTIONS, type Locale } from '@shared/model/types';
import { mapWords, type MapWords } from '@shared/templates/map-words';

/** Every leaf of the words as [path, value], so a missing or empty word is named in the failure. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[path, value]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
}

const SCRIPT: Record<Locale, RegExp> = {
  en: /\p{Script=Latin}/u,
  ru: /\p{Script=Cyrillic}/u,
  ko: /\p{Script=Hangul}/u,
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
};

describe('mapWords', () => {
  const english = leaves(mapWords('en')).map(([path]) => path);

  it.each(LOCALES)('%s has every word English has, and no empty one', (locale) => {
    const words = leaves(mapWords(locale));
    expect(words.map(([path]) => path)).toEqual(english);
    for (const [path, value] of words) {
      expect(typeof value, path).toBe('string');
      expect((value as string).trim(), `${locale} ${path}`).not.toBe('');
    }
  });

  it.each(LOCALES)('%s names every reaction and action status', (locale) => {
    const { appendix, outline } = mapWords(locale);
    expect(Object.keys(appendix.reactions).sort()).toEqual([...REACTIONS].sort());
    expect(Object.keys(appendix.statuses).sort()).toEqual([...ACTION_STATUSES].sort());
    expect(Object.keys(outline.statuses).sort()).toEqual([...ACTION_STATUSES].sort());
  });

  it.each(LOCALES)('%s keeps the poster caption’s placeholders once each, and the untitled chain’s number', (locale) => {
    const { appendix, legend } = mapWords(locale);
    for (const placeholder of ['{n}', '{total}', '{row}', '{col}']) {
      expect(appendix.page.split(placeholder), `${locale} page ${placeholder}`).toHaveLength(2);
    }
    expect(appendix.page.match(/\{\w+\}/g)?.sort()).toEqual(['{col}', '{n}', '{row}', '{total}']);
    expect(legend.untitledChain.match(/\{\w+\}/g)).toEqual(['{n}']);
  });

  it.each(LOCALES)('%s writes its words in its own script', (locale) => {
    const words = mapWords(locale);
    for (const word of [words.groups.online, words.groups.unsorted, words.legend.score, words.legend.chains, words.appendix.heading, words.csv.touchpoint, words.outline.untitled]) {
      expect(word, `${locale}: ${word}`).toMatch(SCRIPT[locale]);
    }
  });

  it.each(LOCALES)('%s keeps the score bands’ ranges', (locale) => {
    const { legend } = mapWords(locale);
    expect(legend.awful).toContain('0–3');
    expect(legend.ok).toContain('4–7');
    expect(legend.wow).toContain('8–10');
  });

  it('uses one word for a channel everywhere in a language', () => {
    for (const locale of LOCALES) {
      const { groups, legend, appendix, outline } = mapWords(locale);
      for (const words of [legend, appendix, outline]) {
        expect(words.online).toBe(groups.online);
        expect(words.offline).toBe(groups.offline);
      }
    }
  });

  it('keeps English as the exports printed it (tests and users compare these bytes)', () => {
    const en: MapWords = mapWords('en');
    expect(en.groups).toEqual({ online: 'Online', offline: 'Offline', unsorted: 'Unsorted', noChannel: 'No channel' });
    expect(en.legend).toMatchObject({ online: 'Online', offline: 'Offline', unsorted: 'Unsorted', score: 'Score', awful: 'awful 0–3', ok: 'OK 4–7', wow: 'wow 8–10', chains: 'Customer journeys' });
    expect(en.appendix).toMatchObject({ heading: 'Touchpoints by stage', action: 'Improvement action', noStage: 'No stage', noChannel: '—', page: 'Page {n} of {total} · row {row}, column {col} · glue on the dashed lines' });
    // The appendix shows the inspector's words, not the file's codes (the CSV and the outline keep the codes).
    expect(en.appendix.reactions).toEqual({ positive: 'Positive', neutral: 'Neutral', negative: 'Negative' });
    expect(en.outline.statuses).toEqual({ todo: 'todo', doing: 'doing', done: 'done' });
    expect(Object.values(en.csv).join(',')).toBe('Touchpoint,Stage,Channel,Importance,Score,Action,Owner,Due,Status');
    expect(en.outline).toMatchObject({ importance: 'importance', score: 'score', action: 'Action', due: 'due', untitled: 'Untitled' });
  });

  it('falls back to English for a locale it does not know (a file from a newer version)', () => {
    expect(mapWords('de' as Locale)).toEqual(mapWords('en'));
  });
});
