import { describe, expect, it } from 'vitest';
import { escapeMarkdown, outlineMarkdown } from '../../../renderer/src/features/export/outline-markdown';
import { createTestMap, richTestMap } from '../file-format/test-map';

describe('outlineMarkdown', () => {
  it('puts the title, channels, stages and touchpoints with their scores, details nested below', () => {
    expect(outlineMarkdown(richTestMap())).toBe(
      [
        '# Клиника — новые пациенты',
        '',
        '## Online',
        '',
        '### Awareness',
        '',
        '- Context ad — importance 8 · score 4 · City Clinic 7 · Городская клиника 0',
        '  - Action: Rewrite the ad around the free diagnosis — Marketing, due 2026-12-15, todo',
        "  - Search ad, 'varicose laser'",
        '    - Ключевые слова',
        '',
        '### 購入',
        '',
        '- 예약 확인 문자 — score 9',
        '',
        '## Offline',
        '',
        '### Consideration',
        '',
        '- Запись на приём — importance 10 · score 2',
        '  - Action: Позвонить — doing',
        '',
        '## Unsorted',
        '',
        '- 受付・よやく — Offline',
        '- \\<img src=x onerror=alert(1)\\>',
        '',
      ].join('\n'),
    );
  });

  it('follows the map’s stage order and sibling order, and leaves out empty channels and stages', () => {
    const doc = createTestMap('Shop', { stages: ['Buy', 'Use', 'Leave'] })
      .touchpoint('Manual', { channel: 'offline', stage: 'Use', order: 2 })
      .touchpoint('Checkout', { channel: 'offline', stage: 'Buy' })
      .touchpoint('Box', { channel: 'offline', stage: 'Use', order: 1 })
      .doc();
    const md = outlineMarkdown(doc);
    expect(md).not.toContain('## Online');
    expect(md).not.toContain('### Leave');
    expect(md).not.toContain('## Unsorted');
    expect(md.indexOf('### Buy')).toBeLessThan(md.indexOf('### Use'));
    expect(md.indexOf('- Box')).toBeLessThan(md.indexOf('- Manual'));
  });

  it('lists a touchpoint without a channel or a stage as unsorted, with whichever it has', () => {
    const doc = createTestMap('Shop', { stages: ['Buy'] })
      .touchpoint('Website', { channel: 'online' })
      .touchpoint('Word of mouth', { stage: 'Buy', importance: 7 })
      .doc();
    expect(outlineMarkdown(doc)).toBe('# Shop\n\n## Unsorted\n\n- Website — Online\n- Word of mouth — Buy · importance 7\n');
  });

  it('escapes Markdown in every user string, so `<img src=x onerror=alert(1)>` stays literal text', () => {
    const doc = createTestMap('<b>Map</b> #1', { stages: ['[Stage](javascript:x)'], competitors: ['*Rival*'] })
      .touchpoint('<img src=x onerror=alert(1)>', { channel: 'online', stage: '[Stage](javascript:x)', competitors: { '*Rival*': 3 } })
      .detail('<img src=x onerror=alert(1)>', '`code` _em_ ~~gone~~ a|b &amp;')
      .doc();
    const md = outlineMarkdown(doc);
    expect(md).toContain('# \\<b\\>Map\\</b\\> \\#1\n');
    expect(md).toContain('### \\[Stage\\](javascript:x)\n');
    expect(md).toContain('- \\<img src=x onerror=alert(1)\\> — \\*Rival\\* 3\n');
    expect(md).toContain('  - \\`code\\` \\_em\\_ \\~\\~gone\\~\\~ a\\|b \\&amp;\n');
    // No raw `<` survives: every one is backslash-escaped, which CommonMark shows as the character itself.
    expect(md.replace(/\\</g, '')).not.toContain('<');
  });

  it('keeps a label on its own list item: line breaks become spaces, list and heading starts are escaped', () => {
    const doc = createTestMap('M')
      .touchpoint('- not a sub-item')
      .touchpoint('1. not a numbered list')
      .touchpoint('first line\n# not a heading\r\n\r\n  last')
      .touchpoint('')
      .doc();
    expect(outlineMarkdown(doc)).toBe(
      '# M\n\n## Unsorted\n\n- \\- not a sub-item\n- 1\\. not a numbered list\n- first line \\# not a heading last\n- *Untitled*\n',
    );
  });

  it('takes translated words', () => {
    const doc = createTestMap('Магазин', { stages: ['Покупка'] }).touchpoint('Касса', { channel: 'offline', stage: 'Покупка', score: 5 }).doc();
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
