/**
 * Which automatic restore points to keep, so a map edited for months keeps a bounded, useful set:
 * every point of the last hour, then the newest of each day for a week, then the newest of each
 * week, and never more than {@link MAX_AUTOMATIC_POINTS} in all. Days and weeks are fixed
 * calendar spans (UTC), not spans counted back from now: with spans that move with the clock, the
 * newest point of a span would always push the older one out before it reached the next span,
 * and a week-old copy would never survive. Named points are the user's and
 * are never thinned. Pure: the caller passes the clock.
 */
import type { RestorePointKind } from './schema';

export const MAX_AUTOMATIC_POINTS = 30;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

export interface ThinnablePoint {
  readonly id: string;
  readonly createdAt: string;
  readonly kind: RestorePointKind;
}

/** The ids of the points to delete. */
export function pointsToThin(points: readonly ThinnablePoint[], now: Date): string[] {
  const automatic = points
    .filter((point) => point.kind !== 'named')
    .map((point) => ({ id: point.id, at: Date.parse(point.createdAt), age: now.getTime() - Date.parse(point.createdAt) }))
    // newest first; a point with an unreadable time sorts oldest and goes first
    .sort((a, b) => (Number.isNaN(a.age) ? 1 : Number.isNaN(b.age) ? -1 : a.age - b.age));
  const seen = new Set<string>();
  const kept: string[] = [];
  const doomed: string[] = [];
  for (const point of automatic) {
    const bucket = bucketOf(point.at, point.age);
    if (bucket !== null && (bucket === 'recent' || !seen.has(bucket)) && kept.length < MAX_AUTOMATIC_POINTS) {
      seen.add(bucket);
      kept.push(point.id);
    } else {
      doomed.push(point.id);
    }
  }
  return doomed;
}

/** `recent` keeps every point; a calendar day or week keeps its newest one; null: unreadable time. */
function bucketOf(at: number, age: number): string | null {
  if (Number.isNaN(at)) return null;
  if (age <= HOUR_MS) return 'recent';
  if (age <= WEEK_MS) return `day-${Math.floor(at / DAY_MS)}`;
  return `week-${Math.floor(at / WEEK_MS)}`;
}
