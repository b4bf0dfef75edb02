/**
 * The words the analysis charts print, in the map's language (`doc.map.locale`), as the export
 * legend and the appendix do (map-words.ts): a chart of a Korean map goes onto a Korean slide.
 * The words the charts share with the map — Online, Offline, the score bands, "weak link" — come
 * from map-words.ts, so they never drift apart; these are the analysis's own.
 *
 * Pure data, no DOM. `{n}`-style placeholders are filled by `fillWords`.
 */
import type { Locale } from '../model/types';
import { mapWords, type MapLegendWords } from './map-words';

export interface AnalysisWords {
  readonly distributionTitle: string;
  readonly scoresTitle: string;
  readonly gapsTitle: string;
  readonly bandsTitle: string;
  readonly priorityTitle: string;
  readonly journeysTitle: string;
  /** Our business, as the bars' and curves' legend names it. */
  readonly us: string;
  readonly total: string;
  /** Touchpoints without a stage, as a row of the tables. */
  readonly noStage: string;
  readonly noChannel: string;
  readonly importance: string;
  readonly score: string;
  /** How many scores an average is made of: `{n}`. */
  readonly scoresCount: string;
  readonly unrated: string;
  readonly fixFirst: string;
  readonly keep: string;
  readonly watch: string;
  readonly overInvested: string;
  /** The thresholds, stated under the matrix: `{importance}`, `{score}`. */
  readonly thresholds: string;
  /** Touchpoints missing an importance or a score: `{n}`. */
  readonly unplaced: string;
  /** Labels that found no free place near their dot, listed under the matrix. */
  readonly alsoHere: string;
  /** Dots past the label limit: `{n}`. */
  readonly unlabelled: string;
  readonly notScored: string;
  /** Chains not drawn for lack of room: `{n}`. */
  readonly moreChains: string;
  readonly noRatings: string;
  readonly noGaps: string;
  readonly noChains: string;
  readonly noTouchpoints: string;
  readonly emptyChain: string;
}

const WORDS: Readonly<Record<Locale, AnalysisWords>> = {
  en: {
    distributionTitle: 'Touchpoints by stage and channel',
    scoresTitle: 'Average score by stage and channel',
    gapsTitle: 'Gaps to competitors, worst first',
    bandsTitle: 'Wow · OK · awful',
    priorityTitle: 'Priority: importance × our score',
    journeysTitle: 'Customer journeys',
    us: 'Us',
    total: 'Total',
    noStage: 'No stage',
    noChannel: 'No channel',
    importance: 'Importance',
    score: 'Our score',
    scoresCount: 'n={n}',
    unrated: 'unrated',
    fixFirst: 'Fix first',
    keep: 'Keep',
    watch: 'Watch',
    overInvested: 'Over-invested',
    thresholds: 'Important from {importance}, high score from {score}',
    unplaced: '{n} without importance or score not shown',
    alsoHere: 'Also:',
    unlabelled: '{n} more dots without a label',
    notScored: 'not scored',
    moreChains: '+{n} more journeys',
    noRatings: 'No scores yet',
    noGaps: 'No touchpoint has both our score and a competitor’s',
    noChains: 'No journeys yet',
    noTouchpoints: 'No touchpoints yet',
    emptyChain: 'No steps',
  },
  ru: {
    distributionTitle: 'Точки контакта по этапам и каналам',
    scoresTitle: 'Средняя оценка по этапам и каналам',
    gapsTitle: 'Отставание от конкурентов',
    bandsTitle: 'Вау · нормально · плохо',
    priorityTitle: 'Приоритет: важность × наша оценка',
    journeysTitle: 'Пути клиента',
    us: 'Мы',
    total: 'Всего',
    noStage: 'Без этапа',
    noChannel: 'Без канала',
    importance: 'Важность',
    score: 'Наша оценка',
    scoresCount: 'n={n}',
    unrated: 'без оценки',
    fixFirst: 'Исправить сначала',
    keep: 'Сохранить',
    watch: 'Наблюдать',
    overInvested: 'Избыточные вложения',
    thresholds: 'Важно от {importance}, высокая оценка от {score}',
    unplaced: 'Без важности или оценки: {n}',
    alsoHere: 'Ещё:',
    unlabelled: 'ещё точек без подписи: {n}',
    notScored: 'нет оценки',
    moreChains: 'ещё путей: {n}',
    noRatings: 'Оценок пока нет',
    noGaps: 'Нет точек с нашей оценкой и оценкой конкурента',
    noChains: 'Путей пока нет',
    noTouchpoints: 'Точек контакта пока нет',
    emptyChain: 'Нет шагов',
  },
  ko: {
    distributionTitle: '단계·채널별 접점',
    scoresTitle: '단계·채널별 평균 점수',
    gapsTitle: '경쟁사와의 격차',
    bandsTitle: '와우 · 보통 · 나쁨',
    priorityTitle: '우선순위: 중요도 × 우리 점수',
    journeysTitle: '고객 여정',
    us: '우리',
    total: '합계',
    noStage: '단계 없음',
    noChannel: '채널 없음',
    importance: '중요도',
    score: '우리 점수',
    scoresCount: 'n={n}',
    unrated: '미평가',
    fixFirst: '먼저 개선',
    keep: '유지',
    watch: '관찰',
    overInvested: '과잉 투자',
    thresholds: '중요 {importance} 이상, 높은 점수 {score} 이상',
    unplaced: '중요도나 점수가 없는 접점 {n}개',
    alsoHere: '그 외:',
    unlabelled: '이름 없는 점 {n}개 더',
    notScored: '미평가',
    moreChains: '여정 {n}개 더',
    noRatings: '아직 점수가 없습니다',
    noGaps: '우리 점수와 경쟁사 점수가 모두 있는 접점이 없습니다',
    noChains: '아직 여정이 없습니다',
    noTouchpoints: '아직 접점이 없습니다',
    emptyChain: '스텝 없음',
  },
  ja: {
    distributionTitle: 'ステージ・チャネル別のタッチポイント',
    scoresTitle: 'ステージ・チャネル別の平均スコア',
    gapsTitle: '競合との差',
    bandsTitle: '感動 · 普通 · 不満',
    priorityTitle: '優先度：重要度 × 自社スコア',
    journeysTitle: 'カスタマージャーニー',
    us: '自社',
    total: '合計',
    noStage: 'ステージなし',
    noChannel: 'チャネルなし',
    importance: '重要度',
    score: '自社スコア',
    scoresCount: 'n={n}',
    unrated: '未評価',
    fixFirst: '最優先で改善',
    keep: '維持',
    watch: '注視',
    overInvested: '過剰投資',
    thresholds: '重要度{importance}以上を重要、スコア{score}以上を高いとする',
    unplaced: '重要度またはスコアのないもの{n}件は非表示',
    alsoHere: 'ほか：',
    unlabelled: 'ラベルなしの点 ほか{n}件',
    notScored: '未評価',
    moreChains: 'ほか{n}件のジャーニー',
    noRatings: 'まだスコアがありません',
    noGaps: '自社と競合の両方のスコアがあるタッチポイントはありません',
    noChains: 'まだジャーニーがありません',
    noTouchpoints: 'まだタッチポイントがありません',
    emptyChain: 'ステップなし',
  },
};

/** The analysis's words and the map's own (legend) words, in one language. */
export function analysisWords(locale: Locale): AnalysisWords & { readonly legend: MapLegendWords } {
  return { ...(WORDS[locale] ?? WORDS.en), legend: mapWords(locale).legend };
}

/**
 * Fills `{name}` placeholders.
 * @example fillWords('n={n}', { n: 3 }) // 'n=3'
 */
export function fillWords(text: string, vars: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}
