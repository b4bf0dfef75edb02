import { describe, expect, it } from 'vitest';
import { EVALUATION_HINTS, hintText, hintsFor } from '@shared/templates/hints';
import { LOCALES } from '@shared/model/types';

const kinds = (label: string) => hintsFor(label).map((hint) => hint.kind);

describe('evaluation hints (DOMAIN.md §7)', () => {
  it('matches a website in every script', () => {
    for (const label of ['Website', 'Site page', 'Страница на сайте', 'Посадочная страница', '웹사이트 페이지', '홈페이지', 'サイトのページ', 'ホームページ']) {
      expect(kinds(label), label).toContain('website');
    }
  });

  it('matches phone calls and call operators in every script', () => {
    for (const label of ['Booking by phone', 'Call centre', 'Callback request', 'Запись по телефону', 'Звонок администратору', '전화 예약', '콜센터', '電話予約', 'コールセンター']) {
      expect(kinds(label), label).toContain('phone');
    }
  });

  it('matches social networks and e-mail in every script', () => {
    for (const label of ['Social-network ads', 'Instagram page', 'Реклама в соцсетях', '소셜 미디어 광고', 'SNS広告', 'ソーシャルメディア']) {
      expect(kinds(label), label).toContain('social');
    }
    for (const label of ['E-mail correspondence', 'Newsletter', 'Mailing list or SMS', 'Письмо о брошенной корзине', 'Рассылка', '이메일 커뮤니케이션', '병원 혜택 안내 메일', 'メールでのやり取り', 'メルマガ']) {
      expect(kinds(label), label).toContain('email');
    }
  });

  it('matches Latin and Cyrillic words only at their start, so "opposite" is no site and "почти" no mail', () => {
    expect(kinds('Shop opposite the station')).toEqual([]);
    expect(kinds('Почти бесплатно')).toEqual([]);
    expect(kinds('Barista')).toEqual([]);
    expect(kinds('Вывеска')).toEqual([]);
    expect(kinds('대기실')).toEqual([]);
  });

  it('gives two checklists to a label that names two types', () => {
    expect(kinds('Phone number on the website')).toEqual(['website', 'phone']);
  });

  it('has the checklists of DOMAIN.md §7, in every locale', () => {
    expect(EVALUATION_HINTS.map((hint) => hint.kind)).toEqual(['website', 'phone', 'social', 'email']);
    expect(hintText(EVALUATION_HINTS[0]!, 'en').checks).toEqual([
      'Functionality',
      'Convenience',
      'Mobile version',
      'Load speed',
      'Design',
      'Amount of useful information',
      'Feedback',
    ]);
    expect(hintText(EVALUATION_HINTS[1]!, 'en').checks).toEqual(['Answer speed', 'Hold music', 'Operator’s goodwill', 'Sales script']);
    for (const hint of EVALUATION_HINTS) {
      for (const locale of LOCALES) {
        const text = hintText(hint, locale);
        expect(text.title.trim()).not.toBe('');
        for (const check of text.checks) expect(check.trim()).not.toBe('');
      }
    }
  });
});
