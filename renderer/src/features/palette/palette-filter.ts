/**
 * The palette's search: every word typed must occur somewhere in the label (any case); labels
 * where the words start words — or the whole query starts the label — come first, because that
 * is what a person typing the beginning of a name means. Otherwise the table's order is kept.
 */
export interface PaletteEntry {
  readonly name: string;
  readonly label: string;
  /** The keys as the user's keyboard spells them, or empty. */
  readonly keys: readonly string[];
}

const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function rank(label: string, query: string, words: readonly string[]): number | null {
  const lower = label.toLowerCase();
  if (!words.every((word) => lower.includes(word))) return null;
  if (lower.startsWith(query)) return 0;
  const labelWords = wordsOf(label);
  if (words.every((word) => labelWords.some((labelWord) => labelWord.startsWith(word)))) return 1;
  return 2;
}

export function filterEntries<T extends PaletteEntry>(entries: readonly T[], typed: string): T[] {
  const query = typed.trim().toLowerCase();
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries
    .map((entry, index) => ({ entry, index, rank: rank(entry.label, query, words) }))
    .filter((row): row is { entry: T; index: number; rank: number } => row.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((row) => row.entry);
}
