import { describe, expect, it } from 'vitest';
import { actionPlanCsv, csvField } from '../../../../renderer/src/features/export/data/action-plan-csv';
import type { Locale } from '@shared/model/types';
import { mapDoc } from '../../../builders/map-doc';
import { richMap } from '../../../fixtures/rich-map';

/** A strict RFC 4180 reader: records end in CRLF, quoted fields may hold commas, quotes and line breaks. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    }
    if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (i < text.length) {
      if (text[i] === '"' || text[i] === '\n' || text[i] === '\r') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
      field += text[i++];
    }
  }
  if (field !== '' || record.length > 0) throw new Error('last record has no CRLF');
  return records;
}

const rowsOf = (csv: string) => readCsv(csv.slice(1));

describe('actionPlanCsv', () => {
  const clinic = () =>
    mapDoc('Clinic', { stages: ['Awareness', 'Visit'], competitors: ['City Clinic', 'Dr. Smile'] })
      .touchpoint('Reception', { channel: 'offline', stage: 'Visit', importance: 9, score: 3, competitors: { 'Dr. Smile': 8 } })
      .touchpoint('Context ad', {
        channel: 'online',
        stage: 'Awareness',
        importance: 8,
        score: 4,
        competitors: { 'City Clinic': 7 },
        action: { what: 'Rewrite the ad', owner: 'Marketing', due: '2026-12-15', status: 'todo' },
      })
      .touchpoint('Parking', {})
      .touchpoint('Call centre', { channel: 'offline', stage: 'Awareness', action: { what: 'Script', status: 'done' } });

  it('starts with a byte-order mark so Excel reads UTF-8', () => {
    const csv = actionPlanCsv(clinic().build());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).includes('\uFEFF')).toBe(false);
  });

  it('ends every record, the last too, with CRLF and never a bare line feed', () => {
    const csv = actionPlanCsv(clinic().build());
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has the columns touchpoint, stage, channel, importance, score, one per competitor by name, action, owner, due, status', () => {
    const [header] = rowsOf(actionPlanCsv(clinic().build()));
    expect(header).toEqual(['Touchpoint', 'Stage', 'Channel', 'Importance', 'Score', 'City Clinic', 'Dr. Smile', 'Action', 'Owner', 'Due', 'Status']);
  });

  it('lists touchpoints with an action first, then the rest; each group by stage order, then channel', () => {
    expect(rowsOf(actionPlanCsv(clinic().build())).slice(1)).toEqual([
      ['Context ad', 'Awareness', 'online', '8', '4', '7', '', 'Rewrite the ad', 'Marketing', '2026-12-15', 'todo'],
      ['Call centre', 'Awareness', 'offline', '', '', '', '', 'Script', '', '', 'done'],
      ['Reception', 'Visit', 'offline', '9', '3', '', '8', '', '', '', ''],
      ['Parking', '', '', '', '', '', '', '', '', '', ''],
    ]);
  });

  it('gives a detail with an action its own row after its touchpoint, with the touchpoint’s stage and channel', () => {
    const doc = clinic()
      .detail('Queue', { under: 'Reception', action: { what: 'Add a ticket machine', status: 'doing' } })
      .detail('Sofa', { under: 'Reception' })
      .build();
    const rows = rowsOf(actionPlanCsv(doc)).slice(1);
    expect(rows.map((r) => r[0])).toEqual(['Context ad', 'Call centre', 'Reception', 'Reception › Queue', 'Parking']);
    expect(rows[3]).toEqual(['Reception › Queue', 'Visit', 'offline', '', '', '', '', 'Add a ticket machine', '', '', 'doing']);
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    const doc = mapDoc('Q')
      .touchpoint('Search ad, "varicose laser"', { action: { what: 'Line one\r\nline two\nthree', owner: 'Ivanov, "Ltd"', status: 'todo' } })
      .build();
    const csv = actionPlanCsv(doc);
    expect(csv).toContain('"Search ad, ""varicose laser""",');
    expect(csv).toContain(',"Line one\r\nline two\nthree","Ivanov, ""Ltd""",');
    expect(rowsOf(csv)[1]?.slice(0, 1)).toEqual(['Search ad, "varicose laser"']);
    expect(rowsOf(csv)[1]?.slice(-4)).toEqual(['Line one\r\nline two\nthree', 'Ivanov, "Ltd"', '', 'todo']);
  });

  it('carries Cyrillic, Hangul, Kana and Kanji through unchanged', () => {
    const csv = actionPlanCsv(richMap());
    for (const text of ['Запись на приём', 'Позвонить', '예약 확인 문자', '受付・よやく', '購入', 'Городская клиника']) {
      expect(csv).toContain(text);
    }
  });

  it('guards against formula injection: a cell starting with = + - @ gets a leading apostrophe', () => {
    const doc = mapDoc('F', { competitors: ['=cmd|"/C calc"!A0'] })
      .touchpoint('=HYPERLINK("http://evil.example","click")', { action: { what: '+1 call', owner: '@team', status: 'todo' } })
      .touchpoint('-5% discount')
      .touchpoint('Plain = fine')
      .build();
    const rows = rowsOf(actionPlanCsv(doc));
    expect(rows[0]?.[5]).toBe(`'=cmd|"/C calc"!A0`);
    expect(rows[1]?.slice(0, 1)).toEqual([`'=HYPERLINK("http://evil.example","click")`]);
    expect(rows[1]?.slice(-4, -2)).toEqual(["'+1 call", "'@team"]);
    expect(rows[2]?.[0]).toBe("'-5% discount");
    expect(rows[3]?.[0]).toBe('Plain = fine');
  });

  it('writes a label like <img src=x onerror=alert(1)> as literal text', () => {
    const rows = rowsOf(actionPlanCsv(richMap()));
    expect(rows.map((r) => r[0])).toContain('<img src=x onerror=alert(1)>');
  });

  it('takes translated column headers', () => {
    const [header] = rowsOf(actionPlanCsv(mapDoc('T').build(), { touchpoint: 'Точка контакта', status: 'Статус' }));
    expect(header?.[0]).toBe('Точка контакта');
    expect(header?.at(-1)).toBe('Статус');
  });

  it('writes a Russian map’s headers in Russian, after the byte-order mark', () => {
    const csv = actionPlanCsv(richMap());
    expect(csv.startsWith('\uFEFFТочка контакта,Этап,Канал,Важность,Оценка,City Clinic,Городская клиника,Действие,Ответственный,Срок,Статус\r\n')).toBe(true);
    expect(csv.match(/\uFEFF/g)).toHaveLength(1);
    // Channel and status stay codes, so the sheet filters the same in every language.
    expect(rowsOf(csv)[1]?.slice(2, 3)).toEqual(['online']);
  });

  it('headers follow each map language', () => {
    const header = (locale: Locale) => rowsOf(actionPlanCsv(mapDoc('T', { locale }).build()))[0];
    expect(header('ko')).toEqual(['접점', '단계', '채널', '중요도', '점수', '조치', '담당자', '기한', '상태']);
    expect(header('ja')?.[0]).toBe('タッチポイント');
  });

  it('gives just the header for a map without touchpoints', () => {
    expect(actionPlanCsv(mapDoc('Empty').build())).toBe('\uFEFFTouchpoint,Stage,Channel,Importance,Score,Action,Owner,Due,Status\r\n');
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['\t=1', "'\t=1"],
    ['-', "'-"],
    ['@x,y', `"'@x,y"`],
  ])('%j → %j', (input, output) => expect(csvField(input)).toBe(output));
});
