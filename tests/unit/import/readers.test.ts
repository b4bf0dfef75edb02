/**
 * Each sample file (tests/fixtures/import, written by make-samples.mjs as the other tools write
 * them) read, planned and built into a map, checked touchpoint by touchpoint.
 */
import { describe, expect, it } from 'vitest';
import { guessColumns, planTable, planTree, readImportFile, type ImportSource } from '@shared/import';
import { build, fixture, summary } from './summary';

function read(name: string): ImportSource {
  const result = readImportFile(fixture(name), name);
  if (!result.ok) throw new Error(result.problem);
  return result.source;
}

function tree(name: string) {
  const source = read(name);
  if (source.kind !== 'tree') throw new Error('not a tree');
  return source;
}

function table(name: string) {
  const source = read(name);
  if (source.kind !== 'table') throw new Error('not a table');
  return source;
}

describe('XMind Zen (content.json)', () => {
  it('reads both sheets, and sorts the touchpoints into stages and channels by their words, priorities as importance', () => {
    const source = tree('coffee-zen.xmind');
    expect(source.sheets.map((s) => s.title)).toEqual(['Coffee shop journey', 'Competitor']);
    const doc = build(planTree(source.sheets[0]!, { structure: 'auto', markers: 'importance' }, source.dropped));
    expect(doc.map.title).toBe('Coffee shop journey');
    expect(Object.values(doc.topics).find((t) => t.parentId === null)?.label).toBe('Coffee shop');
    expect(doc.map.stages.map((s) => s.name)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Experience', 'Loyalty', 'Advocacy']);
    expect(summary(doc)).toEqual([
      { label: 'Instagram ad', stage: 'Awareness', channel: 'online', importance: 9, notes: 'Photo of the latte art' },
      { label: 'Website menu', stage: 'Consideration', channel: 'online', importance: 10, notes: 'menu', details: ['Opening hours', 'Prices'] },
      { label: 'Receipt', stage: 'Purchase', channel: 'offline', importance: 6 },
      { label: 'Barista greeting', stage: 'Experience', channel: 'offline' },
    ]);
  });

  it('counts what it leaves out: the image, the attachments, the relationship and the floating topic', () => {
    expect(tree('coffee-zen.xmind').dropped).toEqual({ image: 1, attachment: 3, relation: 1, floating: 1 });
  });

  it('keeps the tree as it is when asked: first level as touchpoints under one chosen stage, priorities as our score', () => {
    const source = tree('coffee-zen.xmind');
    const doc = build(planTree(source.sheets[1]!, { structure: 'none', stage: 'Loyalty', markers: 'score' }));
    expect(summary(doc)).toEqual([{ label: 'Loyalty card', stage: 'Loyalty' }]);
    expect(doc.map.stages.map((s) => s.name)).toEqual(['Loyalty']);
  });
});

describe('XMind 8 (content.xml)', () => {
  it('takes the first level as stages, decodes entities, keeps notes, labels and deeper topics as details', () => {
    const source = tree('clinic-xmind8.xmind');
    expect(source.dropped).toEqual({ attachment: 1, image: 1, relation: 1, floating: 1 });
    const doc = build(planTree(source.sheets[0]!, { structure: 'first-level', markers: 'importance' }));
    expect(doc.map.title).toBe('New patients');
    expect(doc.map.stages.map((s) => s.name)).toEqual(['Awareness', 'Purchase']);
    expect(summary(doc)).toEqual([
      { label: 'Context ad & banner', stage: 'Awareness', importance: 8 },
      { label: "Doctor's blog", stage: 'Awareness', notes: 'Two posts a month' },
      { label: 'Booking by phone', stage: 'Purchase', notes: 'reception', details: ['Call back within 5 minutes'] },
      { label: 'Invoice', stage: 'Purchase' },
    ]);
  });
});

describe('Freeplane (.mm)', () => {
  it('reads attributes as importance and score, rich notes as plain text, and names a score it cannot use', () => {
    const source = tree('online-store-freeplane.mm');
    expect(source.dropped).toEqual({ link: 1, relation: 1, image: 1 });
    const plan = planTree(source.sheets[0]!, { structure: 'none' });
    expect(plan.notes).toEqual(['“Checkout form”: score twelve is not a whole number 0–10; kept in its notes.']);
    expect(summary(build(plan))).toEqual([
      { label: 'Search result', importance: 9, score: 4, notes: 'Position 7 for "buy sneakers"\nGoal: top 3\nowner: SEO team' },
      { label: 'Checkout form', importance: 10, notes: 'score: twelve', details: ['Pay by card', 'Delivery\noptions'] },
      { label: 'Courier delivery' },
      { label: 'Unboxing' },
    ]);
  });
});

describe('OPML', () => {
  it('takes the single top outline as the centre, _note as notes, attributes as scores', () => {
    const source = tree('journey-outliner.opml');
    expect(source.dropped).toEqual({ link: 1 });
    const doc = build(planTree(source.sheets[0]!, { structure: 'none', stage: 'Experience' }));
    expect(summary(doc)).toEqual([
      { label: 'Shop window', stage: 'Experience', notes: 'Fresh bread at 7 am', details: ["Chalkboard with today's special"] },
      { label: 'Loyalty card', stage: 'Experience', importance: 7 },
      { label: 'Online order form', stage: 'Experience', score: 3 },
    ]);
  });
});

describe('Markdown outline', () => {
  it('nests lists under headings; the headings under the title are the stages; facts after a dash are scores', () => {
    const source = tree('gym-outline.md');
    const doc = build(planTree(source.sheets[0]!, { structure: 'first-level' }));
    expect(doc.map.title).toBe('Gym');
    expect(summary(doc)).toEqual([
      { label: 'Flyer at the metro', stage: 'Awareness' },
      { label: 'Instagram reels', stage: 'Awareness', details: ['Trainer videos', 'Member stories'] },
      { label: 'Front desk sign-up', stage: 'Purchase', importance: 9, score: 6, notes: 'Contract takes 20 minutes.' },
      { label: 'Mobile app payment', stage: 'Purchase' },
      { label: 'Birthday email', stage: 'Loyalty' },
      { label: 'Bring a friend week', stage: 'Loyalty' },
    ]);
  });
});

describe('CSV in Russian (BOM, semicolons, as Excel saves it)', () => {
  it('guesses every column from its Russian header', () => {
    const [header] = table('cafe-ru.csv').tables[0]!.rows;
    expect(guessColumns(header!)).toEqual(['stage', 'label', 'channel', 'importance', 'score', 'competitor', 'owner', 'due']);
  });

  it('makes a touchpoint per row, an unknown stage a new stage, and names the value it left empty', () => {
    const t = table('cafe-ru.csv').tables[0]!;
    const plan = planTable(t, guessColumns(t.rows[0]!, t.rows.slice(1)));
    expect(plan.locale).toBe('ru');
    expect(plan.stages).toEqual(['Осведомлённость', 'Рассмотрение', 'Покупка', 'Дегустация']);
    expect(plan.notes).toEqual(['Row 5: importance “14” is not a whole number 1–10; left empty.']);
    expect(summary(build(plan))).toEqual([
      { label: 'Вывеска у входа', stage: 'Осведомлённость', channel: 'offline', importance: 7, score: 5, competitors: { 'Кофе Хауз': 6 }, owner: 'Маркетинг', due: '2026-12-20' },
      { label: 'Сайт с меню', stage: 'Рассмотрение', channel: 'online', importance: 8, score: 4, competitors: { 'Кофе Хауз': 7 } },
      { label: 'Касса; очередь', stage: 'Покупка', channel: 'offline', importance: 9, score: 3, competitors: { 'Кофе Хауз': 5 }, owner: 'Управляющий', due: '2027-01-15' },
      { label: 'Оплата по QR', stage: 'Покупка', channel: 'online', score: 7 },
      { label: 'Бесплатный эспрессо', stage: 'Дегустация', channel: 'offline', importance: 6, score: 9 },
    ]);
  });

  it('reads the same table saved in Windows-1251', () => {
    const text = new TextDecoder('utf-8').decode(fixture('cafe-ru.csv')).replace(/^\uFEFF/, '');
    const cp1251 = new Uint8Array([...text].map((ch) => { const c = ch.codePointAt(0)!; if (c < 128) return c; if (c === 0x451) return 0xb8; if (c === 0x401) return 0xa8; return c - 0x410 + 0xc0; }));
    const result = readImportFile(cp1251, 'cafe.csv');
    expect(result.ok && result.source.kind === 'table' && result.source.tables[0]!.rows[1]).toEqual(['Осведомлённость', 'Вывеска у входа', 'офлайн', '7', '5', '6', 'Маркетинг', '2026-12-20']);
  });
});

describe('Excel workbook with two sheets (written by exceljs)', () => {
  it('reads both sheets; numbers, formula results and dates as shown', () => {
    const source = table('hotel-two-sheets.xlsx');
    expect(source.tables.map((t) => t.name)).toEqual(['Hotel', 'Ideas']);
    const t = source.tables[0]!;
    const roles = guessColumns(t.rows[0]!, t.rows.slice(1));
    expect(roles).toEqual(['stage', 'label', 'channel', 'importance', 'score', 'competitor', 'owner', 'due']);
    expect(summary(build(planTable(t, roles)))).toEqual([
      { label: 'Booking.com listing', stage: 'Awareness', channel: 'online', importance: 9, score: 6, competitors: { 'Grand Hotel': 8 }, owner: 'Sales', due: '2026-12-31' },
      { label: 'Check-in desk', stage: 'Purchase', channel: 'offline', importance: 10, score: 7, competitors: { 'Grand Hotel': 7 }, owner: 'Front office' },
      { label: 'Room cleaning', stage: 'Experience', channel: 'offline', importance: 8, score: 8, competitors: { 'Grand Hotel': 9 } },
    ]);
  });

  it('maps the second sheet by the user’s choice of columns', () => {
    const t = table('hotel-two-sheets.xlsx').tables[1]!;
    expect(summary(build(planTable(t, ['label', 'notes'])))).toEqual([{ label: 'Late checkout', notes: 'Ask at the desk' }]);
  });
});

describe('column guesses in four languages', () => {
  it.each([
    [['Stage', 'Touchpoint', 'Channel', 'Importance'], ['stage', 'label', 'channel', 'importance']],
    [['단계', '접점', '채널', '중요도', '점수'], ['stage', 'label', 'channel', 'importance', 'score']],
    [['ステージ', 'タッチポイント', 'チャネル', '重要度', '担当', '期限'], ['stage', 'label', 'channel', 'importance', 'owner', 'due']],
    [['Этап', 'Название', 'Оценка', 'Конкурент: Шоколадница'], ['stage', 'label', 'score', 'competitor']],
  ])('%j', (header, roles) => {
    expect(guessColumns(header)).toEqual(roles);
  });
});
