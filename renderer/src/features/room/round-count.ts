/**
 * The rating round's live count, "5 ratings · from 3 participants": each number declines its own
 * noun (Russian has three forms: 1 оценка, 3 оценки, 5 оценок), and each language orders the two
 * halves its own way through the `room.round.count` / `room.round.closed` templates.
 */
import { t } from '../../i18n';

export interface RoundCounts {
  readonly ratings: number;
  readonly raters: number;
}

/** The text under an open round (`closed: false`) or a closed one waiting to be revealed. */
export function roundCountText({ ratings, raters }: RoundCounts, closed = false): string {
  const words = { ratings: t('room.round.ratings', { count: ratings }), raters: t('room.round.raters', { count: raters }) };
  return t(closed ? 'room.round.closed' : 'room.round.count', words);
}
