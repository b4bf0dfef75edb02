/**
 * A rating given in the round is one command, one undo step — except the "0" of "1 then 0",
 * which replaces the 1 inside the 1's step (the same gesture), as in the outline.
 */
import { setCompetitorScore, setTopicFields } from '@shared/model/commands';
import type { CompetitorId, MapDoc, TopicId } from '@shared/model/types';
import { runCommand } from '../../store/run-command';
import type { RoundField } from './round-keys';

export function rateInRound(id: TopicId, field: RoundField, competitorId: CompetitorId | undefined, value: number, replacesLast: boolean): boolean {
  const command =
    field === 'competitor'
      ? // No competitor (none left on the map): the empty id, which setCompetitorScore refuses.
        (doc: MapDoc) => setCompetitorScore(doc, [id], competitorId ?? ('' as CompetitorId), value)
      : (doc: MapDoc) => setTopicFields(doc, [id], field === 'score' ? { score: value } : { importance: value });
  const mergeKey = `round:${field}:${field === 'competitor' ? (competitorId ?? '') : ''}:${id}`;
  return runCommand(command, replacesLast ? { history: 'merge', mergeKey } : { mergeKey });
}
