import { describe, expect, it } from 'vitest';
import { formatByName } from '@shared/import';
import { isOtherFormatName } from '../../../renderer/src/features/import/other-format-name';

describe('isOtherFormatName (the flow decides without loading the readers)', () => {
  const names = ['a.constructor', 'b.hasOwnProperty', 'Journey.xmind', 'plan.MM', 'a.opml', 'Notes.md', 'x.markdown', 'table.csv', 't.TSV', 't.tab', 'Book.xlsx', 'Clinic.touchmap', 'photo.png', 'noext', 'xmind', '.csv.bak'];
  it.each(names)('answers as the readers would for %s', (name) => {
    expect(isOtherFormatName(name)).toBe(formatByName(name) !== undefined);
  });
  it('knows the other tools by their extensions, and not a .touchmap', () => {
    expect(isOtherFormatName('Journey.XMIND')).toBe(true);
    expect(isOtherFormatName('Clinic.touchmap')).toBe(false);
  });
  it('is not fooled by names of the object prototype', () => {
    expect(isOtherFormatName('a.constructor')).toBe(false);
    expect(isOtherFormatName('a.toString')).toBe(false);
    expect(formatByName('a.constructor')).toBeUndefined();
    expect(formatByName('a.__proto__')).toBeUndefined();
  });
});
