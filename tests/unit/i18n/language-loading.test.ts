// @vitest-environment jsdom
/**
 * Russian, Korean and Japanese are fetched when first spoken, not in the first bundle: until a
 * table has arrived the UI keeps its language (no half-translated screen), then switches at once;
 * a later choice wins over a table that arrives late.
 */
import { describe, expect, it } from 'vitest';
import { currentLanguage, i18n, isLanguageLoaded, setLanguage, t } from '../../../renderer/src/i18n';

describe('languages fetched on demand', () => {
  it('starts with English only, keeps it while Japanese is on its way, then speaks Japanese', async () => {
    expect(['ru', 'ko', 'ja'].map((language) => i18n.hasResourceBundle(language, 'translation'))).toEqual([false, false, false]);
    const switching = setLanguage('ja');
    expect(currentLanguage()).toBe('en');
    expect(t('views.actions')).toBe('Action plan');
    await switching;
    expect(isLanguageLoaded('ja')).toBe(true);
    expect(currentLanguage()).toBe('ja');
    expect(t('views.actions')).toBe('アクションプラン');
    expect(document.documentElement.lang).toBe('ja');
  });

  it('switches at once to a language already fetched', async () => {
    await setLanguage('en');
    void setLanguage('ja');
    expect(currentLanguage()).toBe('ja');
    await setLanguage('en');
  });

  it('lets the last choice win when two tables are fetched at the same time', async () => {
    const russian = setLanguage('ru');
    const korean = setLanguage('ko');
    await Promise.all([russian, korean]);
    expect(currentLanguage()).toBe('ko');
    expect(t('rating.title')).toBe('평가 라운드');
    await setLanguage('en');
  });
});
