/**
 * A map imported next to one with the same title would get a card identical to the existing one,
 * and the person could not tell which is which. Only then does it get a title that tells them
 * apart: "Coffee shop (imported 6 Dec 2026)", then "(imported 6 Dec 2026, 2)", "…, 3" while those
 * are taken too. The day is written in the UI's locale.
 */
import { t } from '../../i18n';

/**
 * The day of the import as the title shows it: day, short month and year in the given locale
 * (the UI's own when left out).
 * @example importDay(new Date('2026-12-06T10:00:00Z'), 'en-GB') // '6 Dec 2026'
 */
export function importDay(date: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** Titles compare as a person reads them on the cards: spaces around them and Unicode forms aside. */
export function titleKey(title: string): string {
  return title.trim().normalize('NFC');
}

/**
 * The title an imported map gets: its own when no map in `taken` has it, otherwise one marked
 * with the day of the import, numbered from 2 when that is taken as well.
 *
 * @param taken title keys (`titleKey`) of the maps already in the library and of the maps
 *              earlier in the same import
 * @example
 * distinctTitle('Coffee shop', new Set(['Coffee shop']), '6 Dec 2026') // 'Coffee shop (imported 6 Dec 2026)'
 */
export function distinctTitle(title: string, taken: ReadonlySet<string>, day: string): string {
  if (!taken.has(titleKey(title))) return title;
  const base = title.trim();
  const dated = t('import.title.dated', { title: base, date: day });
  if (!taken.has(titleKey(dated))) return dated;
  for (let n = 2; ; n++) {
    const numbered = t('import.title.datedNumbered', { title: base, date: day, n });
    if (!taken.has(titleKey(numbered))) return numbered;
  }
}
