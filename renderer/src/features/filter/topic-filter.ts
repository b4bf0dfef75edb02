/**
 * Filtering and colouring touchpoints by their fields — pure functions of a touchpoint and the
 * UI's filter, shared by the mind map (non-matching nodes dimmed), the outline (non-matching rows
 * hidden) and the legend. A detail is judged by its touchpoint: it shows under it, and channel and
 * stage are the touchpoint's anyway.
 */
import { scoreBand } from '@shared/model/selectors';
import { CHANNELS, KINDS, REACTIONS, type MapDoc, type Topic } from '@shared/model/types';
import type { ColourBy, FilterDimension, TopicFilter } from '../../store/ui-store';

/** The value a filter list holds for "this field is not set". */
export const UNSET = 'none';

/** The value of one dimension on a touchpoint (`none` when unset); segments are a list. */
export function valuesOf(touchpoint: Topic, dimension: FilterDimension): readonly string[] {
  switch (dimension) {
    case 'channel':
      return [touchpoint.channel ?? UNSET];
    case 'stage':
      return [touchpoint.stageId ?? UNSET];
    case 'segment':
      return touchpoint.segmentIds && touchpoint.segmentIds.length > 0 ? touchpoint.segmentIds : [UNSET];
    case 'kind':
      return [touchpoint.kind ?? UNSET];
    case 'band':
      return [scoreBand(touchpoint.score) ?? UNSET];
    case 'reaction':
      return [touchpoint.reaction ?? UNSET];
  }
}

const DIMENSIONS: readonly FilterDimension[] = ['channel', 'stage', 'segment', 'kind', 'band', 'reaction'];

/** True when no dimension is constrained. */
export function isFilterEmpty(filter: TopicFilter): boolean {
  return DIMENSIONS.every((dimension) => filter[dimension].length === 0);
}

/**
 * Whether a touchpoint passes: within a dimension any chosen value will do (OR); across
 * dimensions all must pass (AND) — "online AND (awful OR OK)".
 * @example matchesFilter(site, { ...NO_FILTER, channel: ['online'], band: ['awful', 'ok'] })
 */
export function matchesFilter(touchpoint: Topic, filter: TopicFilter): boolean {
  for (const dimension of DIMENSIONS) {
    const wanted = filter[dimension];
    if (wanted.length === 0) continue;
    if (!valuesOf(touchpoint, dimension).some((value) => wanted.includes(value))) return false;
  }
  return true;
}

/** The colour key of a touchpoint under `colourBy` (a CSS class suffix and a legend entry). */
export function colourKeyOf(touchpoint: Topic, colourBy: ColourBy): string {
  return (valuesOf(touchpoint, colourBy === 'band' ? 'band' : colourBy)[0] as string) ?? UNSET;
}

export interface Choice {
  readonly value: string;
  /** The words shown; stage, segment names come from the map, the rest are translation keys. */
  readonly label: string;
}

/** The values a dimension can take in this map, `none` last. `label` is a message key or a name. */
export function choicesOf(doc: MapDoc, dimension: FilterDimension): Choice[] {
  const fixed = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: `${prefix}.${value}` }));
  switch (dimension) {
    case 'channel':
      return [...fixed(CHANNELS, 'channel'), { value: UNSET, label: 'filter.none' }];
    case 'stage':
      return [...doc.map.stages.map((stage) => ({ value: stage.id, label: stage.name })), { value: UNSET, label: 'filter.none' }];
    case 'segment':
      return [...doc.map.segments.map((segment) => ({ value: segment.id, label: segment.name })), { value: UNSET, label: 'filter.none' }];
    case 'kind':
      return [...fixed(KINDS, 'kind'), { value: UNSET, label: 'filter.none' }];
    case 'band':
      return [...fixed(['awful', 'ok', 'wow'], 'band'), { value: UNSET, label: 'filter.unrated' }];
    case 'reaction':
      return [...fixed(REACTIONS, 'reaction'), { value: UNSET, label: 'filter.none' }];
  }
}

/** The dimensions whose choice labels are the map's own names (not translation keys). */
export const NAMED_DIMENSIONS: ReadonlySet<FilterDimension> = new Set(['stage', 'segment']);
export { DIMENSIONS as FILTER_DIMENSIONS };
