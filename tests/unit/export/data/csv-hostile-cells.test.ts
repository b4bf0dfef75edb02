/**
 * The action plan CSV against cells crafted to run in a spreadsheet or to confuse an importer:
 * every formula start is guarded, full-width ones (＝ ＋ － ＠, which East Asian input methods type
 * and Excel reads as the ASCII ones) and ones behind spaces included; control characters are
 * removed, while tab and line breaks stay inside quoted cells as RFC 4180 allows.
 */
import { describe, expect, it } from 'vitest';
import { actionPlanCsv, csvField } from '../../../../renderer/src/features/export/data/action-plan-csv';
import { mapAround } from '../hostile-maps';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['＝SUM(A1:A9)', "'＝SUM(A1:A9)"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['  =1+1', "'  =1+1"],
    ['\u3000＝1', "'\u3000＝1"],
    ['\n=1', `"'\n=1"`],
  ])('guards the formula start of %j', (cell, written) => {
    expect(csvField(cell)).toBe(written);
  });

  it('leaves ordinary text alone', () => {
    expect(csvField('Context ad')).toBe('Context ad');
    expect(csvField('5 = five')).toBe('5 = five');
    expect(csvField('Сайт клиники')).toBe('Сайт клиники');
  });

  it('removes NUL and the other control characters, keeping tab and line breaks inside quotes', () => {
    expect(csvField('a\u0000b\u0001c\u001bd\u007fe\u0085f')).toBe('abcdef');
    expect(csvField('line one\r\nline\ttwo')).toBe('"line one\r\nline\ttwo"');
    // A control character hiding a formula start is removed first, and the start still guarded.
    expect(csvField('\u0000=1+1')).toBe("'=1+1");
  });

  it('writes a whole plan with no control character in it', () => {
    const csv = actionPlanCsv(mapAround('=cmd|\u0000"/c calc"!A1\u0007'));
    // eslint-disable-next-line no-control-regex -- what must not be there
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
  });
});
