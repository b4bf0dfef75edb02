/**
 * Evaluation checklists by touchpoint type (DOMAIN.md §7, seed 003), shown in the inspector as a
 * reminder of what to look at before rating. A touchpoint matches a checklist by keywords in its
 * label, in any of the app's scripts: a Korean "웹사이트" gets the website checklist as "Website" does.
 */
import type { Locale } from '../model/types';
import { L, type Localised } from './builder';

export type HintKind = 'website' | 'phone' | 'social' | 'email';

export interface EvaluationHint {
  readonly kind: HintKind;
  readonly title: Localised;
  readonly checks: readonly Localised[];
  /**
   * Lower-case keywords. Words in Latin or Cyrillic script match at the start of a word, so
   * "site" finds "Site page" but not "opposite", and "сайт" finds "сайте"; words in Hangul and
   * Kana/Kanji, which are not spaced the same way, match anywhere in the label.
   */
  readonly keywords: readonly string[];
}

export const EVALUATION_HINTS: readonly EvaluationHint[] = [
  {
    kind: 'website',
    title: L('Website', 'Сайт', '웹사이트', 'ウェブサイト'),
    checks: [
      L('Functionality', 'Функциональность', '기능성', '機能性'),
      L('Convenience', 'Удобство', '편의성', '使いやすさ'),
      L('Mobile version', 'Мобильная версия', '모바일 버전', 'モバイル版'),
      L('Load speed', 'Скорость загрузки', '로딩 속도', '表示速度'),
      L('Design', 'Дизайн', '디자인', 'デザイン'),
      L('Amount of useful information', 'Количество полезной информации', '유용한 정보의 양', '役立つ情報の量'),
      L('Feedback', 'Обратная связь', '피드백', 'フィードバック'),
    ],
    keywords: ['website', 'web site', 'site', 'web page', 'webpage', 'landing', 'homepage', 'сайт', 'веб-сайт', 'лендинг', 'посадочн', '웹사이트', '사이트', '홈페이지', '랜딩', '웹페이지', 'サイト', 'ウェブ', 'ホームページ', 'ランディング'],
  },
  {
    kind: 'phone',
    title: L('Call operator', 'Оператор колл-центра', '전화 상담원', 'コールオペレーター'),
    checks: [
      L('Answer speed', 'Скорость ответа', '응답 속도', '応答の速さ'),
      L('Hold music', 'Музыка ожидания', '대기 음악', '保留音'),
      L('Operator’s goodwill', 'Доброжелательность оператора', '상담원의 친절함', 'オペレーターの感じの良さ'),
      L('Sales script', 'Скрипт продаж', '판매 스크립트', 'セールストーク'),
    ],
    keywords: ['phone', 'telephone', 'call', 'hotline', 'operator', 'телефон', 'звон', 'колл-центр', 'оператор', 'горячая линия', '전화', '콜센터', '콜백', '電話', 'コールセンター', 'オペレーター', '架電'],
  },
  {
    kind: 'social',
    title: L('Social networks', 'Социальные сети', '소셜 미디어', 'SNS'),
    checks: [
      L('Posting frequency', 'Частота публикаций', '게시 빈도', '投稿頻度'),
      L('Usefulness', 'Полезность', '유용성', '有用性'),
      L('Engagement', 'Вовлечённость', '참여도', 'エンゲージメント'),
      L('Replies to comments', 'Ответы на комментарии', '댓글 응대', 'コメントへの返信'),
    ],
    keywords: ['social', 'instagram', 'facebook', 'tiktok', 'vk', 'vkontakte', 'telegram', 'sns', 'соцсет', 'социальн', 'инстаграм', 'вконтакте', 'телеграм', '소셜', '인스타그램', '페이스북', 'ソーシャル', 'インスタ', 'フェイスブック'],
  },
  {
    kind: 'email',
    title: L('E-mail', 'Электронная почта', '이메일', 'メール'),
    checks: [
      L('Reply patterns', 'Шаблоны ответов', '답장 방식', '返信のパターン'),
      L('Reply speed', 'Скорость ответа', '답장 속도', '返信の速さ'),
      L('Letter design', 'Оформление писем', '메일 디자인', 'メールのデザイン'),
    ],
    keywords: ['e-mail', 'email', 'mailing', 'newsletter', 'mail', 'письм', 'почта', 'почту', 'почтой', 'рассылк', 'имейл', '이메일', '메일', '뉴스레터', 'メール', 'メルマガ', 'ニュースレター'],
  },
];

const WORD_SCRIPT = /^[\p{Script=Latin}\p{Script=Cyrillic}0-9]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function containsKeyword(label: string, keyword: string): boolean {
  if (!WORD_SCRIPT.test(keyword)) return label.includes(keyword);
  for (let at = label.indexOf(keyword); at >= 0; at = label.indexOf(keyword, at + 1)) {
    if (at === 0 || !LETTER_OR_DIGIT.test(label[at - 1] as string)) return true;
  }
  return false;
}

/**
 * The checklists whose keywords the label holds, in checklist order; none for most labels.
 * @example hintsFor('Страница на сайте').map((h) => h.kind) // ['website']
 */
export function hintsFor(label: string): EvaluationHint[] {
  const text = label.toLocaleLowerCase();
  return EVALUATION_HINTS.filter((hint) => hint.keywords.some((keyword) => containsKeyword(text, keyword)));
}

/** A checklist in one locale, as the inspector shows it. */
export function hintText(hint: EvaluationHint, locale: Locale): { readonly title: string; readonly checks: readonly string[] } {
  return { title: hint.title[locale], checks: hint.checks.map((check) => check[locale]) };
}
