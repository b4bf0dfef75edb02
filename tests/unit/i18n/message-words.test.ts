/**
 * shared/'s word tables — refusals of a file, the import's words, the command lines' — hold the
 * same sentences in every UI language: the same keys, and in each the same placeholders, so no
 * language drops a value (the size of a file, the name of a map) or asks for one nobody gives.
 */
import { describe, expect, it } from 'vitest';
import { CLI_WORDS } from '@shared/i18n/cli-words';
import { EXPORT_WORDS } from '@shared/i18n/export-words';
import { IMPORT_WORDS } from '@shared/i18n/import-words';
import { FIELD_WORDS, REFUSAL_WORDS } from '@shared/i18n/refusal-words';
import { UI_LANGUAGES } from '@shared/i18n/languages';
import { cliMessageLanguage, fill, messageLanguage, placeholdersOf, quoteName, setMessageLanguage } from '@shared/i18n/message-language';

const TABLES = { REFUSAL_WORDS, IMPORT_WORDS, CLI_WORDS, FIELD_WORDS, EXPORT_WORDS } as const;

describe.each(Object.entries(TABLES))('%s', (_name, table) => {
  const english = table.en as Readonly<Record<string, string>>;
  it.each(UI_LANGUAGES.filter((l) => l !== 'en'))('%s has every key of English and no other', (language) => {
    expect(Object.keys(table[language]).sort()).toEqual(Object.keys(english).sort());
  });
  it.each(UI_LANGUAGES.filter((l) => l !== 'en'))('%s has the placeholders of English in every sentence', (language) => {
    const words = table[language] as Readonly<Record<string, string>>;
    const differing = Object.keys(english).filter((key) => placeholdersOf(words[key] ?? '').join() !== placeholdersOf(english[key] ?? '').join());
    expect(differing).toEqual([]);
  });
  it.each(UI_LANGUAGES.filter((l) => l !== 'en'))('%s is translated: no sentence of several words is left in English', (language) => {
    const words = table[language] as Readonly<Record<string, string>>;
    // Short technical words (`id`, `Markdown`) and frames of placeholders may read the same; a sentence may not.
    const wordsIn = (text: string) => text.replace(/\{\w+\}/g, '').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    const untranslated = Object.keys(english).filter((key) => words[key] === english[key] && wordsIn(english[key] ?? '') > 2);
    expect(untranslated).toEqual([]);
  });
});

describe('fill', () => {
  it('fills every placeholder and keeps one with no value as written', () => {
    expect(fill('{a} of {b}, {a} again; {c}', { a: 1, b: 'two' })).toBe('1 of two, 1 again; {c}');
  });
});

describe('the message language', () => {
  it('is English until set, and English again for a language Touchmap does not speak', () => {
    expect(messageLanguage()).toBe('en');
    setMessageLanguage('ko');
    expect(messageLanguage()).toBe('ko');
    setMessageLanguage('ja-JP');
    expect(messageLanguage()).toBe('ja');
    setMessageLanguage('de');
    expect(messageLanguage()).toBe('en');
  });

  it('quotes names as each language does', () => {
    const quoted = UI_LANGUAGES.map((language) => {
      setMessageLanguage(language);
      return quoteName('Клиника');
    });
    setMessageLanguage('en');
    expect(quoted).toEqual(['"Клиника"', '«Клиника»', '“Клиника”', '「Клиника」']);
  });
});

describe('cliMessageLanguage', () => {
  it('takes --lang first, in either spelling', () => {
    expect(cliMessageLanguage(['a.touchmap', '--lang', 'ko'], { LANG: 'ru_RU.UTF-8' })).toBe('ko');
    expect(cliMessageLanguage(['--lang=ja', 'a.touchmap'], { LANG: 'ru_RU.UTF-8' })).toBe('ja');
  });
  it('else LC_ALL, LC_MESSAGES, LANG in that order, the first that is set deciding', () => {
    expect(cliMessageLanguage([], { LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(cliMessageLanguage([], { LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('ko');
    expect(cliMessageLanguage([], { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('ja');
    // C (no translation) and languages Touchmap does not speak are English, not the next variable.
    expect(cliMessageLanguage([], { LC_ALL: 'C', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(cliMessageLanguage([], { LANG: 'de_DE.UTF-8' })).toBe('en');
  });
  it('else the system locale (Electron app.getLocale()), else English', () => {
    expect(cliMessageLanguage([], {}, ['ko-KR'])).toBe('ko');
    expect(cliMessageLanguage([], { LANG: '' }, [undefined])).toBe('en');
  });
});
