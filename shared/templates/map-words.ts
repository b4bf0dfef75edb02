/**
 * The words Touchmap itself puts on a map and into its exports — the derived group nodes
 * ("Online", "Unsorted"), the export legend, the PDF appendix, the action plan CSV headers and
 * the Markdown outline — in the map's own language (`doc.map.locale`), as its stages and
 * templates already are. A Korean facilitator putting a Korean map on a slide must not get an
 * English legend; the UI chrome around the map is a separate matter (renderer/src/i18n).
 *
 * Pure data, no DOM. Each locale fills every word of `MapVocabulary` (a missing locale or word
 * fails to compile), and `mapWords` arranges them per consumer, so "Online" on the canvas, in the
 * legend, the appendix and the outline can never drift apart within one language.
 */
import type { ActionStatus, Attention, Kind, Lifespan, Locale, Reaction } from '../model/types';

/** The derived group nodes of the mind map (projection.ts `GroupLabels`). */
export interface MapGroupWords {
  readonly online: string;
  readonly offline: string;
  /** The groups of touchpoints without a channel (channel → stage) or a stage. */
  readonly unsorted: string;
  /** Stage → channel: the sub-group of a stage (or of Unsorted) for touchpoints without a channel. */
  readonly noChannel: string;
}

/** The export legend (svg-renderer.ts `ExportWords`). */
export interface MapLegendWords {
  readonly online: string;
  readonly offline: string;
  readonly unsorted: string;
  /** Heading of the score bands; the renderer adds the colon. */
  readonly score: string;
  readonly awful: string;
  readonly ok: string;
  readonly wow: string;
  /** Heading of the chains; the renderer adds the colon. */
  readonly chains: string;
  /** A chain without a name, `{n}` = its number in the legend. */
  readonly untitledChain: string;
  /** The tag on a chain's weak link, as the canvas shows it (upper-cased where the script has case). */
  readonly weakLink: string;
}

/** The PDF appendix and poster marks (pdf.ts `AppendixWords`). */
export interface MapAppendixWords {
  readonly heading: string;
  readonly touchpoint: string;
  readonly channel: string;
  readonly score: string;
  readonly reaction: string;
  readonly action: string;
  readonly online: string;
  readonly offline: string;
  readonly noStage: string;
  readonly noChannel: string;
  /** A poster page's caption: `{n}`, `{total}`, `{row}` and `{col}` are filled in. */
  readonly page: string;
  /** The reaction column's values, as the inspector shows them. */
  readonly reactions: Readonly<Record<Reaction, string>>;
  /** Action statuses, as the inspector shows them ("To do", not the file's `todo`). */
  readonly statuses: Readonly<Record<ActionStatus, string>>;
  readonly importance: string;
  readonly owner: string;
  readonly due: string;
  readonly status: string;
  readonly kind: string;
  readonly kinds: Readonly<Record<Kind, string>>;
  readonly segments: string;
  readonly attention: string;
  readonly attentions: Readonly<Record<Attention, string>>;
  readonly lifespan: string;
  readonly lifespans: Readonly<Record<Lifespan, string>>;
  readonly notes: string;
  readonly team: string;
  readonly process: string;
  readonly outcome: string;
  readonly data: string;
}

/** The action plan CSV's fixed column headers (action-plan-csv.ts `ActionPlanHeaders`). */
export interface MapCsvHeaders {
  readonly touchpoint: string;
  readonly stage: string;
  readonly channel: string;
  readonly importance: string;
  readonly score: string;
  readonly action: string;
  readonly owner: string;
  readonly due: string;
  readonly status: string;
}

/** The words the Markdown outline adds around the user's text (outline-markdown.ts `OutlineWords`). */
export interface MapOutlineWords {
  readonly online: string;
  readonly offline: string;
  readonly unsorted: string;
  /** Lower case where the language has case: it reads inside a list item ("importance 8"). */
  readonly importance: string;
  readonly score: string;
  readonly action: string;
  readonly due: string;
  readonly untitled: string;
  /** Action statuses after the owner and date; English keeps the file's codes. */
  readonly statuses: Readonly<Record<ActionStatus, string>>;
}

/** Every word on a map and in its exports, arranged per consumer. */
export interface MapWords {
  readonly groups: MapGroupWords;
  readonly legend: MapLegendWords;
  readonly appendix: MapAppendixWords;
  readonly csv: MapCsvHeaders;
  readonly outline: MapOutlineWords;
}

/**
 * One language's words, each once. Headers and labels start with a capital where the language
 * has one; `*Inline` words are the lower-case forms read mid-sentence in the outline.
 */
interface MapVocabulary {
  readonly online: string;
  readonly offline: string;
  readonly unsorted: string;
  readonly noChannel: string;
  readonly noStage: string;
  readonly touchpoint: string;
  readonly stage: string;
  readonly channel: string;
  readonly importance: string;
  readonly importanceInline: string;
  readonly score: string;
  readonly scoreInline: string;
  readonly awful: string;
  readonly ok: string;
  readonly wow: string;
  readonly journeys: string;
  readonly untitledJourney: string;
  readonly weakLink: string;
  readonly reaction: string;
  readonly reactions: Readonly<Record<Reaction, string>>;
  /** The CSV's and the outline's short header ("Action"). */
  readonly action: string;
  /** The appendix's fuller column title ("Improvement action"). */
  readonly improvementAction: string;
  readonly owner: string;
  readonly due: string;
  readonly dueInline: string;
  readonly status: string;
  readonly statuses: Readonly<Record<ActionStatus, string>>;
  readonly appendixHeading: string;
  readonly posterPage: string;
  readonly untitled: string;
  /** The appendix's words: the inspector's (renderer/src/i18n/en.ts for English; a test keeps them equal). */
  readonly ourScore: string;
  readonly dueDate: string;
  readonly reactionWords: Readonly<Record<Reaction, string>>;
  readonly statusWords: Readonly<Record<ActionStatus, string>>;
  readonly kind: string;
  readonly kinds: Readonly<Record<Kind, string>>;
  readonly segments: string;
  readonly attention: string;
  readonly attentions: Readonly<Record<Attention, string>>;
  readonly lifespan: string;
  readonly lifespans: Readonly<Record<Lifespan, string>>;
  readonly notes: string;
  readonly team: string;
  readonly process: string;
  readonly outcome: string;
  readonly data: string;
}

// English is what the exports printed before they followed the locale; tests compare its exact
// bytes, so these strings (and the code-valued reactions and statuses) must not change lightly.
const VOCABULARY: Readonly<Record<Locale, MapVocabulary>> = {
  en: {
    online: 'Online',
    offline: 'Offline',
    unsorted: 'Unsorted',
    noChannel: 'No channel',
    noStage: 'No stage',
    touchpoint: 'Touchpoint',
    stage: 'Stage',
    channel: 'Channel',
    importance: 'Importance',
    importanceInline: 'importance',
    score: 'Score',
    scoreInline: 'score',
    awful: 'awful 0–3',
    ok: 'OK 4–7',
    wow: 'wow 8–10',
    journeys: 'Customer journeys',
    untitledJourney: 'Journey {n}',
    weakLink: 'weak link',
    reaction: 'Reaction',
    reactions: { positive: 'positive', neutral: 'neutral', negative: 'negative' },
    action: 'Action',
    improvementAction: 'Improvement action',
    owner: 'Owner',
    due: 'Due',
    dueInline: 'due',
    status: 'Status',
    statuses: { todo: 'todo', doing: 'doing', done: 'done' },
    appendixHeading: 'Touchpoints by stage',
    posterPage: 'Page {n} of {total} · row {row}, column {col} · glue on the dashed lines',
    untitled: 'Untitled',
    ourScore: 'Our score',
    dueDate: 'Due date',
    reactionWords: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
    statusWords: { todo: 'To do', doing: 'Doing', done: 'Done' },
    kind: 'Kind',
    kinds: { communication: 'Communication', human: 'Human', physical: 'Physical', sensory: 'Sensory' },
    segments: 'Segments',
    attention: 'Attention span',
    attentions: { short: 'Short', long: 'Long' },
    lifespan: 'Lifespan',
    lifespans: { 'one-time': 'One-time', repeated: 'Repeated' },
    notes: 'Notes',
    team: 'Responsible team',
    process: 'Supporting process',
    outcome: 'Desired outcome',
    data: 'Data it generates',
  },
  ru: {
    online: 'Онлайн',
    offline: 'Офлайн',
    unsorted: 'Без группы',
    noChannel: 'Без канала',
    noStage: 'Без этапа',
    touchpoint: 'Точка контакта',
    stage: 'Этап',
    channel: 'Канал',
    importance: 'Важность',
    importanceInline: 'важность',
    score: 'Оценка',
    scoreInline: 'оценка',
    awful: 'плохо 0–3',
    ok: 'нормально 4–7',
    wow: 'вау 8–10',
    journeys: 'Пути клиента',
    untitledJourney: 'Путь {n}',
    weakLink: 'слабое звено',
    reaction: 'Реакция',
    reactions: { positive: 'позитивная', neutral: 'нейтральная', negative: 'негативная' },
    action: 'Действие',
    improvementAction: 'Что улучшить',
    owner: 'Ответственный',
    due: 'Срок',
    dueInline: 'срок',
    status: 'Статус',
    statuses: { todo: 'к выполнению', doing: 'в работе', done: 'готово' },
    appendixHeading: 'Точки контакта по этапам',
    posterPage: 'Страница {n} из {total} · ряд {row}, столбец {col} · склеивайте по пунктирным линиям',
    untitled: 'Без названия',
    ourScore: 'Наша оценка',
    dueDate: 'Срок',
    reactionWords: { positive: 'Позитивная', neutral: 'Нейтральная', negative: 'Негативная' },
    statusWords: { todo: 'К выполнению', doing: 'В работе', done: 'Готово' },
    kind: 'Тип',
    kinds: { communication: 'Коммуникация', human: 'Человек', physical: 'Физическая среда', sensory: 'Ощущения' },
    segments: 'Сегменты',
    attention: 'Длительность внимания',
    attentions: { short: 'Короткая', long: 'Долгая' },
    lifespan: 'Повторяемость',
    lifespans: { 'one-time': 'Разовая', repeated: 'Повторяющаяся' },
    notes: 'Заметки',
    team: 'Ответственная команда',
    process: 'Поддерживающий процесс',
    outcome: 'Желаемый результат',
    data: 'Какие данные даёт',
  },
  ko: {
    online: '온라인',
    offline: '오프라인',
    unsorted: '미분류',
    noChannel: '채널 없음',
    noStage: '단계 없음',
    touchpoint: '접점',
    stage: '단계',
    channel: '채널',
    importance: '중요도',
    importanceInline: '중요도',
    score: '점수',
    scoreInline: '점수',
    awful: '나쁨 0–3',
    ok: '보통 4–7',
    wow: '와우 8–10',
    journeys: '고객 여정',
    untitledJourney: '여정 {n}',
    weakLink: '약한 고리',
    reaction: '반응',
    reactions: { positive: '긍정', neutral: '중립', negative: '부정' },
    action: '조치',
    improvementAction: '개선 조치',
    owner: '담당자',
    due: '기한',
    dueInline: '기한',
    status: '상태',
    statuses: { todo: '할 일', doing: '진행 중', done: '완료' },
    appendixHeading: '단계별 접점',
    posterPage: '{total}쪽 중 {n}쪽 · {row}행 {col}열 · 점선을 따라 붙이세요',
    untitled: '제목 없음',
    ourScore: '우리 점수',
    dueDate: '기한',
    reactionWords: { positive: '긍정', neutral: '중립', negative: '부정' },
    statusWords: { todo: '할 일', doing: '진행 중', done: '완료' },
    kind: '유형',
    kinds: { communication: '커뮤니케이션', human: '사람', physical: '물리적', sensory: '감각' },
    segments: '세그먼트',
    attention: '주의 지속 시간',
    attentions: { short: '짧음', long: '긺' },
    lifespan: '빈도',
    lifespans: { 'one-time': '일회성', repeated: '반복' },
    notes: '메모',
    team: '담당 팀',
    process: '지원 프로세스',
    outcome: '원하는 결과',
    data: '생성되는 데이터',
  },
  ja: {
    online: 'オンライン',
    offline: 'オフライン',
    unsorted: '未分類',
    noChannel: 'チャネルなし',
    noStage: 'ステージなし',
    touchpoint: 'タッチポイント',
    stage: 'ステージ',
    channel: 'チャネル',
    importance: '重要度',
    importanceInline: '重要度',
    score: 'スコア',
    scoreInline: 'スコア',
    awful: '不満 0–3',
    ok: '普通 4–7',
    wow: '感動 8–10',
    journeys: 'カスタマージャーニー',
    untitledJourney: 'ジャーニー {n}',
    weakLink: '弱いリンク',
    reaction: '反応',
    reactions: { positive: '肯定的', neutral: '中立', negative: '否定的' },
    action: 'アクション',
    improvementAction: '改善アクション',
    owner: '担当者',
    due: '期限',
    dueInline: '期限',
    status: 'ステータス',
    statuses: { todo: '未着手', doing: '対応中', done: '完了' },
    appendixHeading: 'ステージ別タッチポイント',
    posterPage: '{n} / {total} ページ · {row} 行 {col} 列 · 破線に沿って貼り合わせてください',
    untitled: '無題',
    ourScore: '自社スコア',
    dueDate: '期限',
    reactionWords: { positive: '肯定的', neutral: '中立', negative: '否定的' },
    statusWords: { todo: '未着手', doing: '対応中', done: '完了' },
    kind: '種類',
    kinds: { communication: 'コミュニケーション', human: '人', physical: '物理的', sensory: '感覚' },
    segments: 'セグメント',
    attention: '注意の長さ',
    attentions: { short: '短い', long: '長い' },
    lifespan: '頻度',
    lifespans: { 'one-time': '一回限り', repeated: '繰り返し' },
    notes: 'メモ',
    team: '担当チーム',
    process: '支援プロセス',
    outcome: '望ましい成果',
    data: '生成されるデータ',
  },
};

function arrange(v: MapVocabulary): MapWords {
  return {
    groups: { online: v.online, offline: v.offline, unsorted: v.unsorted, noChannel: v.noChannel },
    legend: {
      online: v.online,
      offline: v.offline,
      unsorted: v.unsorted,
      score: v.score,
      awful: v.awful,
      ok: v.ok,
      wow: v.wow,
      chains: v.journeys,
      untitledChain: v.untitledJourney,
      weakLink: v.weakLink,
    },
    appendix: {
      heading: v.appendixHeading,
      touchpoint: v.touchpoint,
      channel: v.channel,
      reaction: v.reaction,
      action: v.improvementAction,
      online: v.online,
      offline: v.offline,
      noStage: v.noStage,
      // A dash, not words: an empty-looking cell reads faster in a dense table, in any language.
      noChannel: '—',
      page: v.posterPage,
      reactions: v.reactionWords,
      statuses: v.statusWords,
      importance: v.importance,
      score: v.ourScore,
      owner: v.owner,
      due: v.dueDate,
      status: v.status,
      kind: v.kind,
      kinds: v.kinds,
      segments: v.segments,
      attention: v.attention,
      attentions: v.attentions,
      lifespan: v.lifespan,
      lifespans: v.lifespans,
      notes: v.notes,
      team: v.team,
      process: v.process,
      outcome: v.outcome,
      data: v.data,
    },
    csv: {
      touchpoint: v.touchpoint,
      stage: v.stage,
      channel: v.channel,
      importance: v.importance,
      score: v.score,
      action: v.action,
      owner: v.owner,
      due: v.due,
      status: v.status,
    },
    outline: {
      online: v.online,
      offline: v.offline,
      unsorted: v.unsorted,
      importance: v.importanceInline,
      score: v.scoreInline,
      action: v.action,
      due: v.dueInline,
      untitled: v.untitled,
      statuses: v.statuses,
    },
  };
}

const WORDS: Readonly<Record<Locale, MapWords>> = {
  en: arrange(VOCABULARY.en),
  ru: arrange(VOCABULARY.ru),
  ko: arrange(VOCABULARY.ko),
  ja: arrange(VOCABULARY.ja),
};

/**
 * The words Touchmap puts on a map and into its exports, in the map's language. English for a
 * locale the app does not know (a file from a newer version), never `undefined`.
 * @example projectMindMap(doc, { grouping, labels: mapWords(doc.map.locale).groups })
 * @example mapWords('ko').legend.online // '온라인'
 */
export function mapWords(locale: Locale): MapWords {
  return WORDS[locale] ?? WORDS.en;
}
