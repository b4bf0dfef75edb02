/**
 * The custom nodes of the mind map. Each reads its own selection and editing state from the
 * UI store with a narrow selector, so selecting or editing one node re-renders that node only;
 * what a node draws comes from its layout record, and a node that only moved draws nothing new.
 */
import { memo, useEffect, useRef } from 'react';
import { useUpdateNodeInternals, type Node, type NodeProps } from '@xyflow/react';
import type { LayoutNode } from '../../drawing/layout';
import { useUiStore } from '../../store/ui-store';
import { useDocumentStore } from '../../store/document-store';
import { scoreBand } from '@shared/model/selectors';
import type { StageId, TopicId } from '@shared/model/types';
import { t, useLanguage } from '../../i18n';
import { LabelEditor } from './LabelEditor';
import { useIsWeakLink, chainStepIds } from '../chains';
import { useNodeLook } from '../filter';
import { useComparisonBadge, useRemovedCount } from '../history';
import { topicIdFrom } from '@shared/model/ids';

export type MindNodeData = { readonly layout: LayoutNode };
export type MindNode = Node<MindNodeData>;

const useIsSelected = (id: string) => useUiStore((s) => s.selected.includes(id));
const useEditing = (id: string) => useUiStore((s) => (s.editing?.id === id ? s.editing : null));

/**
 * Hidden handles at both sides, where chain links attach (tree links are drawn by TreeEdges.tsx).
 * Plain elements with the classes and data React Flow reads when it measures a node, not its
 * `<Handle>` components: those subscribe to React Flow's store, four per node, and every one of
 * them re-ran on each pan frame and each edit. The node's `handles` (MindMapView.tsx)
 * already say where they are; these keep a re-measured node's handles where they were. Only
 * chain steps carry them: on any other node they were four elements for the browser to style and
 * lay out, and React to mount, for nothing — each screenful a pan or a Tab brings in.
 */
function SideHandle({ id, type, side }: { readonly id: string; readonly type: 'source' | 'target'; readonly side: 'left' | 'right' }) {
  return <div className={`react-flow__handle react-flow__handle-${side} ${type} mind-handle`} data-handleid={id} data-handlepos={side} />;
}

function SideHandles() {
  return (
    <>
      <SideHandle id="left-in" type="target" side="left" />
      <SideHandle id="left-out" type="source" side="left" />
      <SideHandle id="right-in" type="target" side="right" />
      <SideHandle id="right-out" type="source" side="right" />
    </>
  );
}

/** True for a step of a chain: the only nodes chain links attach to. */
function useIsChainStep(id: TopicId): boolean {
  const step = useDocumentStore((s) => (s.doc !== null && s.doc.chainOrder.length > 0 ? chainStepIds(s.doc).has(id) : false));
  // React Flow reads a node's handles when it measures it (on mount); a node that becomes a step
  // later is measured again, or one measured without them (its size differed) would keep none
  const updateNodeInternals = useUpdateNodeInternals();
  const was = useRef(step);
  useEffect(() => {
    if (step && !was.current) updateNodeInternals(id);
    was.current = step;
  }, [id, step, updateNodeInternals]);
  return step;
}

function Lines({ lines }: { readonly lines: readonly string[] }) {
  return (
    <span className="mind-node__label">
      {lines.map((line, index) => (
        <span key={index} className="mind-node__line">
          {line}
        </span>
      ))}
    </span>
  );
}

/*
 * Each node type is a thin wrapper around a memoised body. React Flow renders a custom
 * node with its position among the props (`positionAbsoluteX/Y`), so `memo` on the node itself
 * never skips a node that moved — and adding one touchpoint moves about half the map. The wrapper
 * passes on only what the node draws (id, type, label, the lines array, channel, count), which the
 * layout keeps identical for a node that merely shifted (mind-model.ts), so the body, its handles
 * and its store subscriptions are skipped and a shifted node costs React a props comparison.
 */

interface BodyProps {
  readonly id: string;
  readonly type: LayoutNode['type'];
  readonly label: string;
  readonly lines: readonly string[];
  readonly channel: LayoutNode['channel'];
  readonly count: number | undefined;
  readonly stageId: StageId | null | undefined;
  readonly side: LayoutNode['side'];
}

const bodyProps = (id: string, layout: LayoutNode): BodyProps => ({
  id,
  type: layout.type,
  label: layout.label,
  lines: layout.lines,
  channel: layout.channel,
  count: layout.count,
  stageId: layout.stageId,
  side: layout.side,
});

const RootBody = memo(function RootBody({ id, label, lines }: BodyProps) {
  useLanguage(); // re-render in a newly chosen UI language even when the props did not change
  const selected = useIsSelected(id);
  const editing = useEditing(id);
  return (
    <div className={`mind-node mind-node--root${selected ? ' is-selected' : ''}`} data-node-id={id} role="treeitem" aria-selected={selected} aria-label={label}>
      {editing ? <LabelEditor className="mind-node__editor nodrag nowheel" preventScroll id={id} initial={editing.initial} current={label} /> : <Lines lines={lines} />}
    </div>
  );
});

const GroupBody = memo(function GroupBody({ id, type, label, lines, channel, count, stageId }: BodyProps) {
  useLanguage(); // re-render in a newly chosen UI language even when the props did not change
  const selected = useIsSelected(id);
  const editing = useEditing(id);
  const removed = useRemovedCount(type === 'stage' ? stageId : undefined, channel);
  const tone = channel ?? 'unsorted';
  const node = (
    <div className={`mind-node mind-node--group mind-node--${type} tone--${tone}${selected ? ' is-selected' : ''}`} data-node-id={id} role="treeitem" aria-selected={selected} aria-label={label}>
      {editing ? <LabelEditor className="mind-node__editor nodrag nowheel" preventScroll id={id} initial={editing.initial} current={label} /> : <Lines lines={lines} />}
      {count !== undefined && count > 0 && <span className="mind-node__count">{count}</span>}
    </div>
  );
  if (removed === 0) return node;
  // Before and after: touchpoints of this stage that are gone since the earlier state (they are not on the map to carry a badge).
  return (
    <>
      {node}
      <span className="compare-badge compare-badge--removed compare-badge--on-map" title={t('compare.badge.removedTitle', { count: removed })}>
        {t('compare.badge.removed', { count: removed })}
      </span>
    </>
  );
});

const TopicBody = memo(function TopicBody({ id, type, label, lines, channel, side }: BodyProps) {
  useLanguage(); // re-render in a newly chosen UI language even when the props did not change
  const selected = useIsSelected(id);
  const editing = useEditing(id);
  // A topic node's id is its topic's (the projection names nodes so).
  const topicId = topicIdFrom(id);
  const topic = useDocumentStore((s) => s.doc?.topics[topicId]);
  const weak = useIsWeakLink(topicId);
  const step = useIsChainStep(topicId);
  const look = useNodeLook(topicId);
  const compared = useComparisonBadge(topicId);
  const band = scoreBand(topic?.score);
  const tone = channel ?? 'unsorted';
  const node = (
    <div
      className={`mind-node mind-node--${type} tone--${tone}${selected ? ' is-selected' : ''}${weak ? ' is-weak-link' : ''}${look ? ` ${look}` : ''}`}
      data-node-id={id}
      role="treeitem"
      aria-selected={selected}
      aria-label={label}
    >
      {step && <SideHandles />}
      {editing ? <LabelEditor className="mind-node__editor nodrag nowheel" preventScroll id={id} initial={editing.initial} current={topic?.label ?? label} /> : <Lines lines={lines} />}
      {topic?.score !== undefined && (
        <span className={`score-badge score-badge--${band}`} title={`${t('inspector.score')}: ${topic.score} (${band ? t(`band.${band}`) : ''})`}>
          {topic.score}
        </span>
      )}
    </div>
  );
  if (!weak && !compared) return node;
  // the badges sit outside the node's box, which clips its own content
  return (
    <>
      {node}
      {weak && <span className="weak-link-badge">{t('chains.weakBadge')}</span>}
      {compared && (
        <span className={`compare-badge compare-badge--${compared.tone} compare-badge--beside compare-badge--${side}`} title={compared.title}>
          {compared.text}
        </span>
      )}
    </>
  );
});

export function RootNode({ id, data }: NodeProps<MindNode>) {
  return <RootBody {...bodyProps(id, data.layout)} />;
}

export function GroupNode({ id, data }: NodeProps<MindNode>) {
  return <GroupBody {...bodyProps(id, data.layout)} />;
}

export function TopicNode({ id, data }: NodeProps<MindNode>) {
  return <TopicBody {...bodyProps(id, data.layout)} />;
}

/** At module level so React Flow never sees a new object (it would re-mount every node). */
export const NODE_TYPES = {
  root: RootNode,
  channel: GroupNode,
  stage: GroupNode,
  unsorted: GroupNode,
  touchpoint: TopicNode,
  detail: TopicNode,
};
