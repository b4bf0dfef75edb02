/**
 * What a screen reader hears when the selection moves on the mind map or the grid: the selected
 * touchpoint's label, what it is, its channel and stage, its ratings and whether it is a chain's
 * weak link — what a sighted user reads off the node's colour, place and badges.
 */
import type { MapDoc, StageId } from '@shared/model/types';
import { chainsOf, effectiveChannel, effectiveStageId, isDetail, isRoot, isTopicIdOf, scoreBand, touchpointOf, weakLink } from '@shared/model/selectors';
import { parseGroupId } from '../../drawing/projection';
import { t } from '../../i18n';

const channelWord = (channel: string | null | undefined) => (channel === 'online' || channel === 'offline' ? t(`channel.${channel}`) : t('a11y.announce.noChannel'));

function stageWord(doc: MapDoc, stageId: StageId | null | undefined): string {
  return doc.map.stages.find((stage) => stage.id === stageId)?.name ?? t('a11y.announce.noStage');
}

/**
 * The sentence for the selection `ids` (the last one is the one just selected); '' for none.
 * @example announcementFor(doc, ['t-website']) // 'Website: touchpoint, Online, Awareness. Importance 8. Our score 4, OK. City Clinic 6.'
 */
export function announcementFor(doc: MapDoc, ids: readonly string[]): string {
  const id = ids[ids.length - 1];
  if (id === undefined) return '';
  const more = ids.length > 1 ? ` ${t('a11y.announce.many', { count: ids.length })}` : '';
  const group = parseGroupId(id);
  if (group) {
    const parts = [group.stageId !== undefined ? stageWord(doc, group.stageId) : null, group.channel !== undefined ? channelWord(group.channel) : null].filter((p): p is string => p !== null);
    const count = Object.values(doc.topics).filter(
      (topic) => !isRoot(topic) && !isDetail(doc, topic.id) && (group.channel === undefined || (topic.channel ?? null) === group.channel) && (group.stageId === undefined || (topic.stageId ?? null) === group.stageId),
    ).length;
    return `${t('a11y.announce.group', { label: parts.join(', ') })} ${t('a11y.announce.count', { count })}${more}`;
  }
  if (!isTopicIdOf(doc, id)) return '';
  const topic = doc.topics[id];
  if (!topic) return '';
  const label = topic.label === '' ? t('outline.untitled') : topic.label;
  if (isRoot(topic)) return `${t('a11y.announce.root', { label })}${more}`;
  const where = { channel: channelWord(effectiveChannel(doc, id)), stage: stageWord(doc, effectiveStageId(doc, id)) };
  const sentences = [
    isDetail(doc, id)
      ? t('a11y.announce.detail', { label, touchpoint: touchpointOf(doc, id)?.label ?? '', ...where })
      : t('a11y.announce.touchpoint', { label, ...where }),
  ];
  if (topic.importance !== undefined) sentences.push(t('a11y.announce.importance', { value: topic.importance }));
  const band = scoreBand(topic.score);
  sentences.push(topic.score !== undefined && band ? t('a11y.announce.score', { value: topic.score, band: t(`band.${band}`) }) : t('a11y.announce.unscored'));
  for (const competitor of doc.map.competitors) {
    const value = topic.competitorScores?.[competitor.id];
    if (value !== undefined) sentences.push(t('a11y.announce.competitor', { competitor: competitor.name, value }));
  }
  for (const chain of chainsOf(doc)) {
    if (weakLink(doc, chain)?.topicId === id) sentences.push(t('a11y.announce.weakLink', { chain: chain.name }));
  }
  return `${sentences.join(' ')}${more}`;
}
