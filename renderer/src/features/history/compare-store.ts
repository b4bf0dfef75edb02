/**
 * Before and after: the comparison the user chose (two restore points, or a point and the map
 * now), whether its dialog is open, and whether its badges are on the map. UI state of this
 * feature; the map's nodes read the badges through `useComparisonBadge` (index.ts).
 */
import { create } from 'zustand';
import { compareMaps, type MapComparison } from '@shared/model/analysis/compare';
import type { MapDoc } from '@shared/model/types';

/** One side of a comparison: a restore point (its id, and how the UI names it), or the map now. */
export interface ComparedSide {
  /** A restore point's id, or 'now'. */
  readonly id: string;
  readonly label: string;
}

interface CompareState {
  readonly dialogOpen: boolean;
  readonly earlier: ComparedSide | null;
  readonly later: ComparedSide | null;
  /** The earlier state's map; the later one's, or null while it is the open map (it follows every edit). */
  readonly earlierDoc: MapDoc | null;
  readonly laterDoc: MapDoc | null;
  readonly comparison: MapComparison | null;
  readonly showOnMap: boolean;
}

const CLOSED: CompareState = { dialogOpen: false, earlier: null, later: null, earlierDoc: null, laterDoc: null, comparison: null, showOnMap: false };

export const useCompareStore = create<CompareState>()(() => CLOSED);

/** Opens the Compare dialog (from Restore points). */
export function openCompare(): void {
  useCompareStore.setState({ dialogOpen: true });
}

/** Closes the dialog; the badges stay on the map while "Show on map" is on. */
export function closeCompare(): void {
  useCompareStore.setState({ dialogOpen: false });
}

/** Sets both sides and compares them; `laterDoc` null means the open map, `now` its current state. */
export function setComparison(earlier: ComparedSide, earlierDoc: MapDoc, later: ComparedSide, laterDoc: MapDoc | null, now: MapDoc): void {
  useCompareStore.setState({ earlier, later, earlierDoc, laterDoc, comparison: compareMaps(earlierDoc, laterDoc ?? now) });
}

/** The open map changed: a comparison with "now" follows it. */
export function followOpenMap(now: MapDoc): void {
  const { earlierDoc, laterDoc, comparison } = useCompareStore.getState();
  if (earlierDoc && laterDoc === null && comparison) useCompareStore.setState({ comparison: compareMaps(earlierDoc, now) });
}

export function setShowOnMap(showOnMap: boolean): void {
  useCompareStore.setState({ showOnMap });
}

/** Leaving the map ends its comparison. */
export function endComparison(): void {
  useCompareStore.setState(CLOSED);
}
