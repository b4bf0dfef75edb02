/**
 * The PDF appendix shows every field a user set on a touchpoint — importance, our score, each
 * competitor's score, reaction, kind, segments, attention span, lifespan, notes, the improvement
 * action with owner, due date and status, and the process fields — with the words the UI's
 * inspector shows (an English map) or the map's own language's words.
 */
import { describe, expect, it } from 'vitest';
import type { MapDoc, Topic } from '@shared/model/types';
import { mapWords } from '@shared/templates/map-words';
import { appendixHtml } from '../../../../../renderer/src/features/export/visual/pdf/pdf';
import { t, type MessageKey } from '../../../../../renderer/src/i18n';
import { BY_LOCALE } from '../../../../fixtures/export-maps';
import { asId } from '../../../../builders/ids';

/** Every field set on the first touchpoint, with a competitor and a segment on the map. */
function everything(doc: MapDoc): MapDoc {
  const first = doc.topics[asId.topic('t-0')] as Topic;
  const topic: Topic = {
    ...first,
    kind: 'human',
    segmentIds: [asId.segment('seg-1')],
    importance: 9,
    score: 2,
    competitorScores: { [asId.competitor('cmp-1')]: 7 },
    reaction: 'neutral',
    attention: 'short',
    lifespan: 'repeated',
    notes: 'Callers wait on hold',
    team: 'Front desk',
    process: 'Call routing',
    outcome: 'Booked in one call',
    data: 'Call logs',
    action: { what: 'Add a second line', owner: 'Anna', due: '2026-03-01', status: 'todo' },
  };
  return {
    ...doc,
    map: { ...doc.map, competitors: [{ id: asId.competitor('cmp-1'), name: 'City Clinic' }], segments: [{ id: asId.segment('seg-1'), name: 'Parents' }] },
    topics: { ...doc.topics, [asId.topic('t-0')]: topic },
  };
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the PDF appendix', () => {
  it('shows every field a user set on an English map, in the inspector’s words', () => {
    const html = text(appendixHtml(everything(BY_LOCALE[0] as MapDoc)));
    for (const value of ['9', '2', '7', 'City Clinic', 'Parents', 'Callers wait on hold', 'Front desk', 'Call routing', 'Booked in one call', 'Call logs', 'Add a second line', 'Anna', '2026-03-01']) {
      expect(html, value).toContain(value);
    }
    const ui: MessageKey[] = ['reaction.neutral', 'status.todo', 'kind.human', 'attention.short', 'lifespan.repeated', 'inspector.notes', 'inspector.team', 'inspector.process', 'inspector.outcome', 'inspector.data', 'inspector.segments', 'inspector.kind', 'inspector.attention', 'inspector.lifespan', 'inspector.action.owner', 'inspector.action.status', 'inspector.reaction'];
    for (const key of ui) expect(html, key).toContain(t(key));
    expect(html).toContain('Importance');
    expect(html).toContain('Our score');
    // The file's codes never show.
    expect(html).not.toMatch(/\bneutral\b|\btodo\b|\bone-time\b/);
  });

  it('shows them in the map’s language on a Japanese, Russian and Korean map', () => {
    for (const doc of BY_LOCALE.slice(1)) {
      const words = mapWords(doc.map.locale).appendix;
      const html = text(appendixHtml(everything(doc)));
      for (const word of [words.importance, words.score, words.reactions.neutral, words.statuses.todo, words.kinds.human, words.attentions.short, words.lifespans.repeated, words.notes, words.team, words.owner, words.due]) {
        expect(html, `${doc.map.locale}: ${word}`).toContain(word);
      }
      expect(html, doc.map.locale).not.toMatch(/Importance|Our score|Notes|Owner|Neutral|neutral|todo/);
    }
  });

  it('keeps a due date whole: the item is marked for the print CSS (.item--whole, no wrap)', () => {
    const html = appendixHtml(everything(BY_LOCALE[0] as MapDoc));
    expect(html).toMatch(/<span class="item item--whole"><span class="k">[^<]+:<\/span> 2026-03-01<\/span>/);
  });
});
