import { describe, expect, it } from 'vitest';
import { escapeMarkdown, outlineMarkdown } from '../../../../renderer/src/features/export/data/outline-markdown';
import { mapDoc } from '../../../builders/map-doc';
import { richMap } from '../../../fixtures/rich-map';

describe('outlineMarkdown', () => {
  it('puts the title, channels, stages and touchpoints with their scores, details nested below, in the map’s language (ru)', () => {
    expect(outlineMarkdown(richMap())).toBe(
      [
        '# Клиника — новые пациенты',
        '',
        '## Онлайн',
        '',
        '### Awareness',
        '',
        '- Context ad — важность 8 · оценка 4 · City Clinic 7 · Городская клиника 0',
        '  - Действие: Rewrite the ad around the free diagnosis — Marketing, срок 2026-12-15, к выполнению',
        "  - Search ad, 'varicose laser'",
        '    - Ключевые слова',
        '',
        '### 購入',
        '',
        '- 예약 확인 문자 — оценка 9',
        '',
        '## Офлайн',
        '',
        '### Consideration',
        '',
        '- Запись на приём — важность 10 · оценка 2',
        '  - Действие: Позвонить — в работе',
        '',
        '## Без группы',
        '',
        '- 受付・よやく — Офлайн',
        '- \\<img src=x onerror=alert(1)\\>',
        '',
      ].join('\n'),
    );
  });

  it('follows the map’s stage order and sibling order, and leaves out empty channels and stages', () => {
    const doc = mapDoc('Shop', { stages: ['Buy', 'Use', 'Leave'] })
      .touchpoint('Manual', { channel: 'offline', stage: 'Use', order: 2 })
      .touchpoint('Checkout', { channel: 'offline', stage: 'Buy' })
      .touchpoint('Box', { channel: 'offline', stage: 'Use', order: 1 })
      .build();
    const md = outlineMarkdown(doc);
    expect(md).not.toContain('## Online');
    expect(md).not.toContain('### Leave');
    expect(md).not.toContain('## Unsorted');
    expect(md.indexOf('### Buy')).toBeLessThan(md.indexOf('### Use'));
    expect(md.indexOf('- Box')).toBeLessThan(md.indexOf('- Manual'));
  });

  it('lists a touchpoint without a channel or a stage as unsorted, with whichever it has', () => {
    const doc = mapDoc('Shop', { stages: ['Buy'] })
      .touchpoint('Website', { channel: 'online' })
      .touchpoint('Word of mouth', { stage: 'Buy', importance: 7 })
      .build();
    expect(outlineMarkdown(doc)).toBe('# Shop\n\n## Unsorted\n\n- Website — Online\n- Word of mouth — Buy · importance 7\n');
  });

  it('escapes Markdown in every user string, so `<img src=x onerror=alert(1)>` stays literal text', () => {
    const doc = mapDoc('<b>Map</b> #1', { stages: ['[Stage](javascript:x)'], competitors: ['*Rival*'] })
      .touchpoint('<img src=x onerror=alert(1)>', { channel: 'online', stage: '[Stage](javascript:x)', competitors: { '*Rival*': 3 } })
      .detail('`code` _em_ ~~gone~~ a|b &amp;', { under: '<img src=x onerror=alert(1)>' })
      .build();
    const md = outlineMarkdown(doc);
    expect(md).toContain('# \\<b\\>Map\\</b\\> \\#1\n');
    expect(md).toContain('### \\[Stage\\](javascript:x)\n');
    expect(md).toContain('- \\<img src=x onerror=alert(1)\\> — \\*Rival\\* 3\n');
    expect(md).toContain('  - \\`code\\` \\_em\\_ \\~\\~gone\\~\\~ a\\|b \\&amp;\n');
    // No raw `<` survives: every one is backslash-escaped, which CommonMark shows as the character itself.
    expect(md.replace(/\\</g, '')).not.toContain('<');
  });

  it('keeps a label on its own list item: line breaks become spaces, list and heading starts are escaped', () => {
    const doc = mapDoc('M')
      .touchpoint('- not a sub-item')
      .touchpoint('1. not a numbered list')
      .touchpoint('first line\n# not a heading\r\n\r\n  last')
      .touchpoint('')
      .build();
    expect(outlineMarkdown(doc)).toBe(
      '# M\n\n## Unsorted\n\n- \\- not a sub-item\n- 1\\. not a numbered list\n- first line \\# not a heading last\n- *Untitled*\n',
    );
  });

  it('writes a Japanese map’s headings and words in Japanese', () => {
    const doc = mapDoc('歯科医院', { locale: 'ja', stages: ['認知', '来院'] })
      .touchpoint('検索広告', { channel: 'online', stage: '認知', importance: 7, score: 5 })
      .touchpoint('受付', { channel: 'offline', stage: '来院', score: 9 })
      .touchpoint('口コミ', { channel: 'online' })
      .build();
    const md = outlineMarkdown(doc);
    const headings = md.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual(['# 歯科医院', '## オンライン', '### 認知', '## オフライン', '### 来院', '## 未分類']);
    expect(md).toContain('- 検索広告 — 重要度 7 · スコア 5');
    expect(md).toContain('- 口コミ — オンライン');
    expect(md).not.toMatch(/Online|Offline|Unsorted|importance|score/);
  });

  it('takes translated words', () => {
    const doc = mapDoc('Магазин', { stages: ['Покупка'] }).touchpoint('Касса', { channel: 'offline', stage: 'Покупка', score: 5 }).build();
    expect(outlineMarkdown(doc, { offline: 'Офлайн', score: 'оценка' })).toBe('# Магазин\n\n## Офлайн\n\n### Покупка\n\n- Касса — оценка 5\n');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['*bold* _it_ [link](x) `code`', '\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\`'],
    ['back\\slash', 'back\\\\slash'],
    ['+ plus', '\\+ plus'],
    ['12) twelve', '12\\) twelve'],
    ['Запись на приём', 'Запись на приём'],
    ['예약 · よやく', '예약 · よやく'],
  ])('%j → %j', (input, output) => expect(escapeMarkdown(input)).toBe(output));
});
