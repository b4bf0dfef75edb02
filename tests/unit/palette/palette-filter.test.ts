import { describe, expect, it } from 'vitest';
import { filterEntries } from '../../../renderer/src/features/palette/palette-filter';

const entry = (label: string) => ({ name: label, label, keys: [] });
const entries = ['Hide empty stages', 'Grid', 'Export PDF…', 'Outline (Markdown)', 'Add next touchpoint', 'Show or hide the side panel'].map(entry);
const labels = (typed: string) => filterEntries(entries, typed).map((e) => e.label);

describe('palette search', () => {
  it('keeps every entry, in table order, when nothing is typed', () => {
    expect(labels('  ')).toEqual(entries.map((e) => e.label));
  });

  it('matches every typed word anywhere in the label, in any case', () => {
    expect(labels('PDF exp')).toEqual(['Export PDF…']);
    expect(labels('arkdow')).toEqual(['Outline (Markdown)']);
    expect(labels('grid zzz')).toEqual([]);
  });

  it('puts labels the query starts, then labels whose words the words start, before mere containment', () => {
    expect(labels('hide')).toEqual(['Hide empty stages', 'Show or hide the side panel']);
    expect(labels('side')).toEqual(['Show or hide the side panel']);
    expect(labels('t')).toEqual(['Add next touchpoint', 'Show or hide the side panel', 'Hide empty stages', 'Export PDF…', 'Outline (Markdown)']);
  });
});
