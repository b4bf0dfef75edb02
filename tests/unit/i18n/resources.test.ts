/**
 * The language tables against the English reference (renderer/src/i18n/en.ts): the same keys,
 * the same placeholders, and every plural form the language's Intl.PluralRules can ask for.
 * A failure lists every offending key, so translating a batch of new English keys is one read.
 */
import { describe, expect, it } from 'vitest';
import { i18n, setLanguage, t } from '../../../renderer/src/i18n';
import { TABLES as RESOURCES } from './tables';
import { en } from '../../../renderer/src/i18n/en';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseOf = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

/** Base key → the union of its forms' placeholders. */
function placeholderTable(table: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, Set<string>>();
  for (const [key, text] of Object.entries(table)) {
    const set = out.get(baseOf(key)) ?? new Set<string>();
    placeholders(text).forEach((name) => set.add(name));
    out.set(baseOf(key), set);
  }
  return new Map([...out].map(([key, set]) => [key, [...set].sort().join(', ')]));
}

/** The English base keys that are plurals (they have an `_other` form). */
const pluralBases = Object.keys(en)
  .filter((key) => key.endsWith('_other'))
  .map(baseOf);

const OTHERS = Object.entries(RESOURCES).filter(([lng]) => lng !== 'en');

describe.each(OTHERS)('the %s table', (lng, table) => {
  const englishBases = new Set(Object.keys(en).map(baseOf));
  const ownBases = new Set(Object.keys(table).map(baseOf));

  it('has every English key', () => {
    const missing = [...englishBases].filter((key) => !ownBases.has(key));
    expect(missing, `${lng} lacks ${missing.length} keys — translate them in renderer/src/i18n/${lng}.ts:\n${missing.map((key) => `  '${key}': ${JSON.stringify(en[key as keyof typeof en] ?? en[`${key}_other` as keyof typeof en])},`).join('\n')}\n`).toEqual([]);
  });

  it('has no key English lacks', () => {
    const extra = [...ownBases].filter((key) => !englishBases.has(key));
    expect(extra, `${lng} has keys English does not (renamed or removed?): ${extra.join(', ')}`).toEqual([]);
  });

  it('uses the same placeholders as English in every message', () => {
    const english = placeholderTable(en);
    const own = placeholderTable(table);
    const differing = [...own].filter(([key, names]) => english.has(key) && english.get(key) !== names).map(([key, names]) => `${key}: ${lng} {${names}} vs en {${english.get(key)}}`);
    expect(differing).toEqual([]);
  });

  it('has every plural form its language needs, and no plural suffix on a key English does not count', () => {
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    const missing = pluralBases.flatMap((base) => categories.filter((category) => !(`${base}_${category}` in table)).map((category) => `${base}_${category}`));
    expect(missing, `${lng} plural forms (${categories.join(', ')}) missing`).toEqual([]);
    const strayPlurals = Object.keys(table).filter((key) => PLURAL.test(key) && !pluralBases.includes(baseOf(key)));
    expect(strayPlurals).toEqual([]);
    const plainWherePlural = pluralBases.filter((base) => base in table);
    expect(plainWherePlural).toEqual([]);
  });
});

describe('the English table', () => {
  it('has the one and other forms of every plural', () => {
    const categories = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
    const missing = pluralBases.flatMap((base) => categories.filter((category) => !(`${base}_${category}` in en)).map((category) => `${base}_${category}`));
    expect(missing).toEqual([]);
  });
});

describe('t() through i18next', () => {
  it('picks the Russian plural form by count (1, 3, 5, 21)', async () => {
    await setLanguage('ru');
    const say = (count: number) => i18n.t('library.touchpoints', { count });
    expect([1, 3, 5, 21].map(say)).toEqual(['1 точка контакта', '3 точки контакта', '5 точек контакта', '21 точка контакта']);
    await i18n.changeLanguage('en');
    expect([1, 2].map(say)).toEqual(['1 touchpoint', '2 touchpoints']);
  });

  it('fills single-brace placeholders and leaves values alone (no escaping, no nesting)', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('delete.title', { title: 'Q&A <b> {x} $t(app.name)' })).toBe('Delete “Q&A <b> {x} $t(app.name)”?');
  });

  it('takes a context var: key_<context> where a table has it, the plain key otherwise', async () => {
    await i18n.changeLanguage('en');
    i18n.addResource('en', 'translation', 'test.status', 'Status');
    i18n.addResource('en', 'translation', 'test.status_overdue', 'Status (overdue)');
    expect([t('test.status' as never, { context: 'overdue' }), t('test.status' as never, { context: 'other' })]).toEqual(['Status (overdue)', 'Status']);
  });

  it('falls back to English for a key a language lacks', async () => {
    await setLanguage('ko');
    i18n.addResource('en', 'translation', 'test.onlyEnglish', 'Only in English');
    expect(i18n.t('test.onlyEnglish')).toBe('Only in English');
    await i18n.changeLanguage('en');
  });
});
