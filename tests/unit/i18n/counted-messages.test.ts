/**
 * The counted messages of the rating round, the action plan, before and after, imports and the
 * live region decline their noun by the number in Russian (1 действие, 3 действия, 5 действий,
 * 21 действие) and read "1 action" / "2 actions" in English — through the code that writes them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setLanguage, t } from '../../../renderer/src/i18n';
import { summaryText } from '../../../renderer/src/features/history/comparison-text';
import { roundCountText } from '../../../renderer/src/features/room/round-count';
import type { MapComparison } from '../../../shared/model/analysis/compare';

const comparison = (counts: Partial<MapComparison>): MapComparison => ({ stages: [], added: 0, removed: 0, scoresUp: 0, scoresDown: 0, actionsCompleted: 0, actionsAdded: 0, byTouchpoint: new Map(), ...counts });

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('counted messages in Russian', () => {
  it('decline “действие” by the action plan’s count (1, 3, 5, 21)', async () => {
    await setLanguage('ru');
    expect([1, 3, 5, 21].map((count) => t('actions.count', { count }))).toEqual(['1 действие', '3 действия', '5 действий', '21 действие']);
    expect(t('actions.countFiltered', { shown: 2, count: 5 })).toBe('2 из 5 действий');
    expect([1, 4].map((count) => t('actions.overdueCount', { count }))).toEqual(['1 просроченное', '4 просроченных']);
  });

  it('agree the rating round’s progress with the number rated', async () => {
    await setLanguage('ru');
    expect([1, 2, 7].map((count) => t('rating.ratedOf', { count, total: 12 }))).toEqual(['Оценена 1 из 12', 'Оценены 2 из 12', 'Оценено 7 из 12']);
  });

  it('write the before-and-after summary with each count’s own form', async () => {
    await setLanguage('ru');
    expect(summaryText(comparison({ scoresUp: 1, scoresDown: 3, actionsCompleted: 5, actionsAdded: 22 }))).toBe('1 оценка выросла · 3 оценки снизились · 5 действий выполнено · 22 действия добавлено');
  });

  it('count what an import leaves out and the live region’s touchpoints', async () => {
    await setLanguage('ru');
    expect([1, 2, 11].map((count) => t('importPreview.dropped.image', { count }))).toEqual(['1 изображение', '2 изображения', '11 изображений']);
    expect([1, 3, 5].map((count) => t('importPreview.importMany', { count }))).toEqual(['Импортировать 1 новую карту', 'Импортировать 3 новые карты', 'Импортировать 5 новых карт']);
    expect([1, 2, 5].map((count) => t('a11y.announce.count', { count }))).toEqual(['1 точка контакта.', '2 точки контакта.', '5 точек контакта.']);
  });
});

describe('the live room’s counts', () => {
  it('decline the round’s ratings and participants each by its own number in Russian', async () => {
    await setLanguage('ru');
    expect(roundCountText({ ratings: 1, raters: 1 })).toBe('1 оценка · от 1 участника');
    expect(roundCountText({ ratings: 3, raters: 2 })).toBe('3 оценки · от 2 участников');
    expect(roundCountText({ ratings: 5, raters: 21 }, true)).toBe('Раунд завершён: 5 оценок · от 21 участника');
    expect([1, 3, 50].map((count) => t('participant.propose.tooMany', { count }))).toEqual([
      'Вы отправили 1 точку контакта — больше одному участнику нельзя.',
      'Вы отправили 3 точки контакта — больше одному участнику нельзя.',
      'Вы отправили 50 точек контакта — больше одному участнику нельзя.',
    ]);
  });

  it('say one and many in English, and put the people first in Korean and Japanese', async () => {
    await i18n.changeLanguage('en');
    expect(roundCountText({ ratings: 1, raters: 1 })).toBe('1 rating · from 1 participant');
    expect(roundCountText({ ratings: 4, raters: 2 })).toBe('4 ratings · from 2 participants');
    await setLanguage('ko');
    expect(roundCountText({ ratings: 4, raters: 2 })).toBe('참가자 2명 · 평가 4개');
    await setLanguage('ja');
    expect(roundCountText({ ratings: 4, raters: 2 }, true)).toBe('ラウンド終了：参加者 2 人 · 評価 4 件');
  });
});

describe('the same messages in English', () => {
  it('say one and many', async () => {
    await i18n.changeLanguage('en');
    expect([1, 2].map((count) => t('actions.count', { count }))).toEqual(['1 action', '2 actions']);
    expect(summaryText(comparison({ scoresUp: 1, actionsCompleted: 2 }))).toBe('1 score up · 2 actions completed');
    expect([1, 3].map((count) => t('importPreview.detailCount', { count }))).toEqual(['+1 detail', '+3 details']);
  });
});
