/**
 * The touchpoints to fix first that nobody has planned for yet: in the priority matrix's
 * fix-first quadrant and with no improvement action (or one whose "what" is still empty) —
 * the method's fifth step, "Act", begins with these.
 */
import { touchpointsOf } from '../selectors';
import type { MapDoc, Topic } from '../types';
import { quadrantOf } from './priority';

/**
 * Fix-first touchpoints without an action, the most important first, then the lowest score.
 * @example fixFirstWithoutAction(doc).map((t) => t.label) // ['Reception', 'Booking by phone']
 */
export function fixFirstWithoutAction(doc: MapDoc): Topic[] {
  return touchpointsOf(doc)
    .filter((t) => t.importance !== undefined && t.score !== undefined && quadrantOf(t.importance, t.score) === 'fix-first' && (t.action === undefined || t.action.what.trim() === ''))
    .sort((a, b) => (b.importance ?? 0) - (a.importance ?? 0) || (a.score ?? 0) - (b.score ?? 0));
}
