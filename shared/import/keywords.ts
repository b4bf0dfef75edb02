/**
 * Guessing a touchpoint's channel and stage from the words of its label, in the four languages of
 * the app. Only a guess: the preview shows each and lets the user change it. Words are matched as
 * lower-case substrings, so "E-mail newsletter", "рассылка по email" and "メールマガジン" all
 * find their word; Korean and Japanese need substrings anyway (no spaces between words).
 */
import { STAGE_PRESETS } from '../templates/presets';
import type { Channel, Locale } from '../model/types';

/** Words that say a touchpoint is online or offline. */
export const CHANNEL_WORDS: Readonly<Record<Channel, readonly string[]>> = {
  online: [
    'website', 'web site', 'site', 'web', 'online', 'app', 'email', 'e-mail', 'newsletter', 'chat', 'messenger', 'social', 'instagram', 'facebook', 'telegram', 'whatsapp', 'youtube', 'search', 'seo', 'banner', 'context ad', 'landing', 'review site', 'push', 'sms', 'form', 'portal', 'account', 'webinar', 'blog', 'google', 'yandex',
    'сайт', 'онлайн', 'приложен', 'почт', 'рассылк', 'чат', 'мессенджер', 'соцсет', 'поиск', 'баннер', 'контекстн', 'лендинг', 'смс', 'форма', 'личный кабинет', 'вебинар', 'блог', 'отзыв на сайте', 'яндекс',
    '웹사이트', '사이트', '온라인', '앱', '이메일', '메일', '뉴스레터', '채팅', '메신저', '카카오', '소셜', '검색', '배너', '광고 클릭', '문자', '푸시', '블로그', '리뷰 사이트',
    'ウェブ', 'サイト', 'オンライン', 'アプリ', 'メール', 'チャット', 'sns', 'ライン', '検索', 'バナー', 'ブログ', 'プッシュ', 'フォーム', '口コミサイト',
  ],
  offline: [
    'call', 'phone', 'shop', 'store', 'office', 'reception', 'receipt', 'cashier', 'checkout counter', 'visit', 'meeting', 'flyer', 'leaflet', 'poster', 'billboard', 'sign', 'window', 'packaging', 'delivery', 'courier', 'staff', 'barista', 'waiter', 'consultant', 'event', 'fair', 'business card', 'mail', 'print', 'newspaper', 'radio', 'tv', 'smell', 'music', 'hall', 'parking', 'invoice',
    'звонок', 'телефон', 'магазин', 'офис', 'ресепшн', 'регистратур', 'чек', 'касс', 'визит', 'встреч', 'листовк', 'флаер', 'плакат', 'билборд', 'вывеск', 'витрин', 'упаковк', 'доставк', 'курьер', 'персонал', 'бариста', 'официант', 'консультант', 'мероприят', 'выставк', 'визитк', 'газет', 'радио', 'тв', 'запах', 'музык', 'зал', 'парковк', 'счёт', 'счет',
    '전화', '매장', '가게', '사무실', '접수', '영수증', '계산대', '방문', '미팅', '전단', '포스터', '간판', '쇼윈도', '포장', '배송', '택배', '직원', '바리스타', '행사', '박람회', '명함', '신문', '라디오', '냄새', '음악', '주차',
    '電話', '店舗', '店頭', 'ショップ', 'オフィス', '受付', 'レシート', 'レジ', '来店', '訪問', '面談', 'チラシ', 'ポスター', '看板', 'ウィンドウ', 'パッケージ', '配送', '宅配', 'スタッフ', '店員', 'イベント', '展示会', '名刺', '新聞', 'ラジオ', '香り', '音楽', '駐車場', '請求書',
  ],
};

/**
 * Words that say which stage of the customer journey (the default preset) a touchpoint acts in,
 * by the stage's index in that preset: Awareness, Consideration, Purchase, Experience, Loyalty,
 * Advocacy.
 */
export const STAGE_WORDS: readonly (readonly string[])[] = [
  ['ad', 'advert', 'banner', 'billboard', 'flyer', 'leaflet', 'poster', 'sign', 'search', 'seo', 'social', 'radio', 'tv', 'newspaper', 'word of mouth', 'реклам', 'баннер', 'билборд', 'листовк', 'флаер', 'вывеск', 'поиск', 'соцсет', 'сарафан', '광고', '배너', '간판', '전단', '검색', '입소문', '広告', 'バナー', '看板', 'チラシ', '検索', '口コミ'],
  ['website', 'site', 'landing', 'catalog', 'catalogue', 'price list', 'menu', 'review', 'comparison', 'consultation', 'chat', 'call', 'showroom', 'window', 'сайт', 'лендинг', 'каталог', 'прайс', 'меню', 'отзыв', 'сравнен', 'консультац', 'чат', 'звонок', 'витрин', '웹사이트', '사이트', '카탈로그', '메뉴', '후기', '상담', '채팅', '쇼윈도', 'サイト', 'カタログ', 'メニュー', 'レビュー', '相談', 'チャット', 'ショールーム'],
  ['checkout', 'cart', 'payment', 'pay', 'cashier', 'receipt', 'order', 'booking', 'contract', 'invoice', 'оплат', 'корзин', 'касс', 'чек', 'заказ', 'запись', 'бронир', 'договор', 'счёт', 'счет', '결제', '장바구니', '계산대', '영수증', '주문', '예약', '계약', '決済', 'カート', 'レジ', 'レシート', '注文', '予約', '契約', '請求書'],
  ['delivery', 'packaging', 'product', 'service', 'support', 'staff', 'barista', 'waiter', 'doctor', 'hall', 'smell', 'music', 'wi-fi', 'wifi', 'manual', 'доставк', 'упаковк', 'продукт', 'обслуживан', 'поддержк', 'персонал', 'бариста', 'официант', 'врач', 'зал', 'запах', 'музык', 'инструкц', '배송', '포장', '제품', '서비스', '지원', '직원', '바리스타', '의사', '냄새', '음악', '配送', 'パッケージ', '製品', 'サービス', 'サポート', 'スタッフ', '医師', '香り', '音楽'],
  ['loyalty', 'bonus', 'card', 'discount', 'newsletter', 'email', 'sms', 'push', 'follow-up', 'club', 'subscription', 'лояльност', 'бонус', 'карт', 'скидк', 'рассылк', 'смс', 'подписк', 'клуб', '멤버십', '포인트', '쿠폰', '할인', '뉴스레터', '문자', '구독', 'ポイント', 'クーポン', '割引', 'メルマガ', '会員'],
  ['referral', 'recommend', 'testimonial', 'share', 'review on', 'rating', 'рекоменд', 'реферал', 'поделиться', 'отзыв на', 'рейтинг', '추천', '공유', '평점', '紹介', '推薦', 'シェア', '評価'],
];

/** The stage names of every preset in every language, lower-cased, with the preset's stage index. */
const PRESET_NAMES: readonly { readonly name: string; readonly presetIndex: number; readonly stageIndex: number }[] = STAGE_PRESETS.flatMap((preset, presetIndex) =>
  Object.values(preset.stages).flatMap((names) => names.map((name, stageIndex) => ({ name: name.toLowerCase(), presetIndex, stageIndex }))),
);

/** Online / offline / unsorted in every language: the first-level headings of Touchmap's outline export. */
export const CHANNEL_NAMES: Readonly<Record<Channel | 'unsorted', readonly string[]>> = {
  online: ['online', 'онлайн', '온라인', 'オンライン'],
  offline: ['offline', 'офлайн', 'оффлайн', '오프라인', 'オフライン'],
  unsorted: ['unsorted', 'без группы', 'не распределены', '미분류', '未分類'],
};

/** Which of online / offline / unsorted a heading names exactly, or undefined. */
export function channelHeading(label: string): Channel | 'unsorted' | undefined {
  const key = label.trim().toLowerCase();
  for (const [channel, names] of Object.entries(CHANNEL_NAMES)) if (names.includes(key)) return channel as Channel | 'unsorted';
  return undefined;
}

function contains(text: string, words: readonly string[]): number {
  let best = 0;
  for (const word of words) {
    // Short Latin words match whole words only: "ad" must not match "download".
    const found = /^[a-z-]{1,3}$/.test(word) ? new RegExp(`(^|[^a-zа-я])${word}($|[^a-zа-я])`).test(text) : text.includes(word);
    if (found) best = Math.max(best, word.length);
  }
  return best;
}

/**
 * A channel guessed from a label, or undefined when no word says.
 * @example guessChannel('Сайт клиники') // 'online'
 */
export function guessChannel(label: string): Channel | undefined {
  const text = label.toLowerCase();
  const online = contains(text, CHANNEL_WORDS.online);
  const offline = contains(text, CHANNEL_WORDS.offline);
  if (online === offline) return undefined;
  return online > offline ? 'online' : 'offline';
}

/**
 * Whether a label is the name of a stage in one of the presets (any language), and which.
 * @example presetStageOf('Осведомлённость') // { presetIndex: 0, stageIndex: 0 }
 */
export function presetStageOf(label: string): { presetIndex: number; stageIndex: number } | undefined {
  const key = label.trim().toLowerCase();
  return PRESET_NAMES.find((p) => p.name === key);
}

/**
 * The index of a customer-journey stage guessed from a label's words, or undefined.
 * @example guessJourneyStage('Receipt with a discount code') // 2 (Purchase)
 */
export function guessJourneyStage(label: string): number | undefined {
  const text = label.toLowerCase();
  let best: { index: number; length: number } | undefined;
  STAGE_WORDS.forEach((words, index) => {
    const length = contains(text, words);
    if (length > 0 && (!best || length > best.length)) best = { index, length };
  });
  return best?.index;
}

/**
 * The language a text is most likely in, by its script: Hangul → ko, Kana or Han → ja,
 * Cyrillic → ru, otherwise en.
 */
export function guessLocale(text: string): Locale {
  if (/[\uac00-\ud7af]/.test(text)) return 'ko';
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(text)) return 'ja';
  if (/[\u0400-\u04ff]/.test(text)) return 'ru';
  return 'en';
}
