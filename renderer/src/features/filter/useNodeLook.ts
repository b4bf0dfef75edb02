/**
 * The classes a topic node adds for the view options: search hit / current match, dimmed by the
 * filter, and its colour under "colour by". Narrow selectors, so typing a query or changing a
 * filter re-renders only the nodes whose look changes.
 */
import { touchpointOf } from '@shared/model/selectors';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { colourKeyOf, isFilterEmpty, matchesFilter } from './topic-filter';
import type { TopicId } from '@shared/model/types';

/**
 * Classes for a topic node: `is-match`, `is-current-match`, `is-dimmed`, `look--<by>-<value>`.
 * @example <div className={`mind-node ${useNodeLook(id)}`} />
 */
export function useNodeLook(id: TopicId): string {
  const touchpoint = useDocumentStore((s) => (s.doc ? touchpointOf(s.doc, id) : undefined));
  const hit = useUiStore((s) => s.search.hits.has(id));
  const current = useUiStore((s) => s.search.current >= 0 && s.search.matches[s.search.current] === id);
  const dimmed = useUiStore((s) => touchpoint !== undefined && !isFilterEmpty(s.filter) && !matchesFilter(touchpoint, s.filter));
  const colourBy = useUiStore((s) => s.colourBy);
  const classes: string[] = [];
  if (hit) classes.push('is-match');
  if (current) classes.push('is-current-match');
  if (dimmed) classes.push('is-dimmed');
  if (touchpoint && colourBy !== 'channel') classes.push(`look--${colourBy}-${colourKeyOf(touchpoint, colourBy)}`);
  return classes.join(' ');
}
