/**
 * A `.touchmap` file refused because a map in it is past one of the limits of limits.ts, in words
 * for the person who chose it: which map, what is too big, how big it is and what the limit is.
 * The technical text (path, size, limit) goes to the refusal's details, in English; the sentence is in
 * the message language (shared/i18n/message-language.ts).
 */
import { refusalWords, type FileRefusal } from './file-refusals';
import { limitText } from './limits';
import { fill, quoteName } from './i18n/message-language';

/** What is over its limit: a count, a depth or a length, with the path of the value at fault. */
export interface OverLimit {
  /** `Map "Clinic"`-style subject comes from the title; undefined or blank gives "The map". */
  readonly mapTitle: string | undefined;
  /** `maps[0].topics[12].label` */
  readonly path: string;
  /** For people, in the message language: `has 120,000 topics`, or after a colon `: chain "A" has 20,000 steps`. */
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
  const words = refusalWords();
  const subject = over.mapTitle !== undefined && over.mapTitle.trim() !== '' ? fill(words.mapTitled, { title: quoteName(over.mapTitle) }) : words.limitTheMap;
  const what = /^[:：]/.test(over.what) ? over.what : ` ${over.what}`;
  return {
    error: fill(words.overLimit, { subject, what, rule: over.rule, fix: words.fixTheFile }),
    details: `${over.path}: ${limitText(over.size)} is over the limit of ${limitText(over.limit)} (${over.limitName})`,
    path: over.path,
  };
}
