/**
 * Lifecycle stage presets (DOMAIN.md §2), in every UI locale. A new map copies one preset's
 * stage names into its own stages; from then on they are the map's to rename, add, remove and
 * reorder, so a preset is only ever read at creation.
 */
import type { Locale } from '../model/types';

export type PresetId = 'customer-journey' | 'buying-decision' | 'relationship' | 'before-during-after';

export interface StagePreset {
  readonly id: PresetId;
  /** Shown in the "new map" dialog. */
  readonly name: Readonly<Record<Locale, string>>;
  /** Stage names, in lifecycle order. Every locale lists the same stages. */
  readonly stages: Readonly<Record<Locale, readonly string[]>>;
}

/** Ordered as the "new map" dialog lists them; the first is the default. */
export const STAGE_PRESETS: readonly StagePreset[] = [
  {
    id: 'customer-journey',
    name: { en: 'Customer journey', ru: 'Путь клиента', ko: '고객 여정', ja: 'カスタマージャーニー' },
    stages: {
      en: ['Awareness', 'Consideration', 'Purchase', 'Experience', 'Loyalty', 'Advocacy'],
      ru: ['Осведомлённость', 'Рассмотрение', 'Покупка', 'Опыт использования', 'Лояльность', 'Рекомендации'],
      ko: ['인지', '고려', '구매', '경험', '충성도', '옹호'],
      ja: ['認知', '検討', '購入', '利用体験', 'ロイヤルティ', '推奨'],
    },
  },
  {
    id: 'buying-decision',
    name: { en: 'Buying decision', ru: 'Решение о покупке', ko: '구매 결정 과정', ja: '購買決定プロセス' },
    stages: {
      en: ['Need recognition', 'Information search', 'Comparing options', 'Purchase decision', 'Post-purchase reaction'],
      ru: ['Осознание потребности', 'Поиск информации', 'Сравнение вариантов', 'Решение о покупке', 'Реакция после покупки'],
      ko: ['필요 인식', '정보 탐색', '대안 비교', '구매 결정', '구매 후 반응'],
      ja: ['ニーズの認識', '情報収集', '選択肢の比較', '購入の決定', '購入後の反応'],
    },
  },
  {
    id: 'relationship',
    name: {
      en: 'Relationship lifecycle (Brigman)',
      ru: 'Жизненный цикл отношений (Бригман)',
      ko: '관계 생애주기 (브리그먼)',
      ja: '関係ライフサイクル（ブリグマン）',
    },
    stages: {
      en: ['Awareness', 'Knowledge', 'Consideration', 'Selection / trial', 'Satisfaction', 'Loyalty', 'Advocacy'],
      ru: ['Осведомлённость', 'Знание', 'Рассмотрение', 'Выбор / пробная покупка', 'Удовлетворённость', 'Лояльность', 'Рекомендации'],
      ko: ['인지', '이해', '고려', '선택 / 체험', '만족', '충성도', '옹호'],
      ja: ['認知', '理解', '検討', '選択・試用', '満足', 'ロイヤルティ', '推奨'],
    },
  },
  {
    id: 'before-during-after',
    name: { en: 'Before · during · after', ru: 'До · во время · после', ko: '구매 전 · 중 · 후', ja: '購入前・購入時・購入後' },
    stages: {
      en: ['Before purchase', 'Purchase', 'After purchase'],
      ru: ['До покупки', 'Покупка', 'После покупки'],
      ko: ['구매 전', '구매', '구매 후'],
      ja: ['購入前', '購入時', '購入後'],
    },
  },
];

export const PRESET_IDS: readonly PresetId[] = STAGE_PRESETS.map((preset) => preset.id);
export const DEFAULT_PRESET_ID: PresetId = 'customer-journey';

/** The preset with this id; an unknown id (say, from a stale setting) gives the default. */
export function stagePreset(presetId: PresetId): StagePreset {
  return STAGE_PRESETS.find((preset) => preset.id === presetId) ?? (STAGE_PRESETS[0] as StagePreset);
}

/**
 * The preset's stage names in a locale.
 * @example presetStages('before-during-after', 'ru') // ['До покупки', 'Покупка', 'После покупки']
 */
export function presetStages(presetId: PresetId, locale: Locale): string[] {
  return [...stagePreset(presetId).stages[locale]];
}

/** The preset's display name in a locale. */
export function presetName(presetId: PresetId, locale: Locale): string {
  return stagePreset(presetId).name[locale];
}
