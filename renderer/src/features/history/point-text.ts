/** How a restore point reads in the list: its time, its name (or why it was made) and its size. */
import { formatDate, t } from '../../i18n';
import type { RestorePointKind, RestorePointSummary } from '../../db';

/** Why an unnamed point was made: "Opened", "While editing", "Before a restore". */
export function kindText(kind: RestorePointKind): string {
  return kind === 'named' ? '' : t(`restorePoints.kind.${kind}`);
}

/** "1 Dec 2026, 09:30" in the user's language. */
export function whenText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "“Before workshop”" for a named point, "Opened, 1 Dec 2026, 09:30" for an automatic one. */
export function pointLabel(point: Pick<RestorePointSummary, 'name' | 'kind' | 'createdAt'>): string {
  return point.name !== undefined ? `“${point.name}”` : `${kindText(point.kind)}, ${whenText(point.createdAt)}`;
}

/** Bytes as the list shows them: "812 B", "14.2 KB", "3.1 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
