/**
 * A `.touchmap` file refused because a map in it is past one of the limits of limits.ts, in words
 * for the person who chose it: which map, what is too big, how big it is and what the limit is.
 * The technical text (path, size, limit) goes to the refusal's details. Messages are English, like
 * every message of shared/.
 */
import { FIX_THE_FILE, type FileRefusal } from './file-refusals';
import { limitText } from './limits';
import { describeValue } from './model/schema';

/** What is over its limit: a count, a depth or a length, with the path of the value at fault. */
export interface OverLimit {
  /** `Map "Clinic"`-style subject comes from the title; undefined or blank gives "The map". */
  readonly mapTitle: string | undefined;
  /** `maps[0].topics[12].label` */
  readonly path: string;
  /** For people: `touchpoint "Site" has a label of 400,000 characters`. */
  readonly what: string;
  /** For people: `labels are up to 10,000 characters`. */
  readonly rule: string;
  readonly size: number;
  readonly limit: number;
  /** The constant's name, so whoever reads the details finds the limit in the code and the README. */
  readonly limitName: string;
}

/** @example overLimitRefusal({ mapTitle: 'Clinic', path: 'maps[0].topics', what: 'has 120,000 topics', rule: 'a map holds up to 100,000', size: 120000, limit: 100000, limitName: 'MAX_TOPICS_PER_MAP' }) */
export function overLimitRefusal(over: OverLimit): FileRefusal {
  const subject = over.mapTitle !== undefined && over.mapTitle.trim() !== '' ? `Map ${describeValue(over.mapTitle)}` : 'The map';
  return {
    error: `${subject}${over.what.startsWith(':') ? '' : ' '}${over.what}; ${over.rule}. ${FIX_THE_FILE}`,
    details: `${over.path}: ${limitText(over.size)} is over the limit of ${limitText(over.limit)} (${over.limitName})`,
    path: over.path,
  };
}
