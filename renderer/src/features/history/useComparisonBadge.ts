/**
 * What the map's nodes show of the comparison while "Show on map" is on: a touchpoint's badge
 * ("new", "+2", "−3") and a stage group's count of touchpoints removed since the earlier state.
 * Each hook selects one node's part, so turning the badges on re-renders only the nodes that have one.
 */
import { comparisonBadge } from '@shared/model/analysis/compare';
import type { Channel, StageId, TopicId } from '@shared/model/types';
import { t } from '../../i18n';
import { useCompareStore } from './compare-store';

export interface ComparisonBadge {
  readonly tone: 'new' | 'up' | 'down';
  /** What the badge says: "new", "+2", "−3". */
  readonly text: string;
  /** The longer words for a tooltip and screen readers: "Our score +2 since “Before workshop”". */
  readonly title: string;
}

/** The badge of a touchpoint, or null when it has none (or the badges are off). */
export function useComparisonBadge(topicId: TopicId): ComparisonBadge | null {
  const change = useCompareStore((s) => (s.showOnMap ? s.comparison?.byTouchpoint.get(topicId) : undefined));
  const since = useCompareStore((s) => s.earlier?.label ?? '');
  const badge = comparisonBadge(change);
  if (!badge) return null;
  if (badge.tone === 'new') return { tone: 'new', text: t('compare.badge.new'), title: t('compare.badge.newTitle', { since }) };
  return { ...badge, title: t('compare.badge.scoreTitle', { delta: badge.text, since }) };
}

/** How many touchpoints of this stage (and channel, when the group has one) were removed; 0 when the badges are off. */
export function useRemovedCount(stageId: StageId | null | undefined, channel: Channel | null | undefined): number {
  return useCompareStore((s) => {
    if (!s.showOnMap || !s.comparison || stageId === undefined) return 0;
    const stage = s.comparison.stages.find((entry) => entry.stageId === stageId);
    return stage?.touchpoints.filter((change) => change.change === 'removed' && (channel == null || change.channel === channel)).length ?? 0;
  });
}
