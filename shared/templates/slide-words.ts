/**
 * The words a slide title prints beyond the map's own names (stage and chain names, the title),
 * in the map's language: the presenter, the PDF deck and the PowerPoint deck show the same.
 */
import type { SlideTitleWords } from '../model/presentation';
import type { Locale } from '../model/types';

export interface SlideWords extends SlideTitleWords {
  /** The action plan table's column headers. */
  readonly columns: { readonly touchpoint: string; readonly what: string; readonly owner: string; readonly due: string; readonly status: string };
  readonly statuses: { readonly todo: string; readonly doing: string; readonly done: string };
  /** Under a chain slide's title: its walk's length. */
  readonly steps: string;
  readonly weakLink: string;
  readonly noActions: string;
}

const WORDS: Readonly<Record<Locale, SlideWords>> = {
  en: {
    actionPlan: 'Action plan',
    charts: { distribution: 'Touchpoints by stage', scores: 'Our scores and the competitors’', priority: 'Priorities', journeys: 'Customer journeys' },
    columns: { touchpoint: 'Touchpoint', what: 'What to do', owner: 'Owner', due: 'Due', status: 'Status' },
    statuses: { todo: 'To do', doing: 'Doing', done: 'Done' },
    steps: '{n} steps',
    weakLink: 'Weak link: {label}',
    noActions: 'No improvement actions yet.',
  },
  ru: {
    actionPlan: 'План действий',
    charts: { distribution: 'Точки контакта по этапам', scores: 'Наши оценки и конкурентов', priority: 'Приоритеты', journeys: 'Пути клиента' },
    columns: { touchpoint: 'Точка контакта', what: 'Что сделать', owner: 'Ответственный', due: 'Срок', status: 'Статус' },
    statuses: { todo: 'К выполнению', doing: 'В работе', done: 'Готово' },
    steps: 'шагов: {n}',
    weakLink: 'Слабое звено: {label}',
    noActions: 'Действий пока нет.',
  },
  ko: {
    actionPlan: '실행 계획',
    charts: { distribution: '단계별 접점', scores: '우리와 경쟁사 점수', priority: '우선순위', journeys: '고객 여정' },
    columns: { touchpoint: '접점', what: '할 일', owner: '담당자', due: '기한', status: '상태' },
    statuses: { todo: '할 일', doing: '진행 중', done: '완료' },
    steps: '{n}스텝',
    weakLink: '약한 고리: {label}',
    noActions: '아직 개선 조치가 없습니다.',
  },
  ja: {
    actionPlan: 'アクションプラン',
    charts: { distribution: 'ステージ別のタッチポイント', scores: '自社と競合のスコア', priority: '優先度', journeys: 'カスタマージャーニー' },
    columns: { touchpoint: 'タッチポイント', what: 'やること', owner: '担当者', due: '期限', status: 'ステータス' },
    statuses: { todo: '未着手', doing: '対応中', done: '完了' },
    steps: '{n} ステップ',
    weakLink: '弱いリンク：{label}',
    noActions: '改善アクションはまだありません。',
  },
};

/**
 * The slide words of a map's language.
 * @example slideWords('en').actionPlan // 'Action plan'
 */
export function slideWords(locale: Locale): SlideWords {
  return WORDS[locale] ?? WORDS.en;
}

/** A word with its `{name}` holes filled. */
export function fillSlideWord(word: string, values: Readonly<Record<string, string | number>>): string {
  return word.replace(/\{(\w+)\}/g, (hole, name: string) => (name in values ? String(values[name]) : hole));
}
