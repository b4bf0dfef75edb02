/** How a comparison reads: counts with their plurals, a touchpoint's changes, a stage's totals. */
import { describe, expect, it } from 'vitest';
import { compareMaps } from '@shared/model/analysis/compare';
import { summaryText, totalsText, touchpointText } from '../../../renderer/src/features/history/comparison-text';
import { comparisonPage } from '../../../renderer/src/features/history/comparison-page';
import { mapDoc } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

const map = (scores: readonly [number, number], extra = false) => {
  const builder = mapDoc('Clinic', { stages: ['Awareness'], competitors: ['City Clinic'] })
    .touchpoint('Website', { channel: 'online', stage: 'Awareness', score: scores[0], competitors: { 'City Clinic': 7 } })
    .touchpoint('Sign', { channel: 'offline', stage: 'Awareness', score: scores[1] });
  return (extra ? builder.touchpoint('Chat <b>', { channel: 'online', stage: 'Awareness' }) : builder).build();
};

describe('the comparison in words', () => {
  it('counts one and many, and says when nothing changed', () => {
    expect(summaryText(compareMaps(map([4, 4]), map([6, 5], true)))).toBe('1 added · 2 scores up');
    expect(summaryText(compareMaps(map([4, 4]), map([3, 4])))).toBe('1 score down');
    expect(summaryText(compareMaps(map([4, 4]), map([4, 4])))).toBe('No changes to touchpoints, scores or actions.');
  });

  it('names each rating that moved with a real minus sign, and the stage’s totals', () => {
    const before = map([4, 4]);
    const after = { ...map([2, 4]), topics: { ...map([2, 4]).topics } };
    const city = after.map.competitors[0]!.id;
    after.topics[asId.topic('t-website')] = { ...after.topics[asId.topic('t-website')]!, competitorScores: { [city]: 9 } };
    const diff = compareMaps(before, after);
    expect(touchpointText(diff.byTouchpoint.get(asId.topic('t-website'))!)).toBe('our score 4 → 2 (−2); City Clinic 7 → 9 (+2)');
    expect(totalsText(diff.stages[0]!)).toBe('Touchpoints 2 → 2 · average score 4 → 3 · actions done 0 → 0');
  });

  it('prints as a page of real text, its labels escaped', () => {
    const page = comparisonPage('Clinic', compareMaps(map([4, 4]), map([6, 4], true)), { id: 'r-1', label: '“Before workshop”' }, { id: 'now', label: 'Now' });
    expect(page.html).toContain('<h1>Clinic — before and after: “Before workshop” → Now</h1>');
    expect(page.html).toContain('<td>Chat &lt;b&gt;</td><td>New</td>');
    expect(page.html).not.toContain('<b>');
    expect(page.text).toContain('Chat <b>');
  });
});
