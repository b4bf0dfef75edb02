/**
 * The custom nodes of the mind map. Each reads its own selection and editing state from the
 * UI store with a narrow selector, so selecting or editing one node re-renders that node only;
 * node props carry the layout record, which changes only when the layout does.
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { LayoutNode } from './layout';
import { useUiStore } from '../../store/ui-store';
import { useDocumentStore } from '../../store/document-store';
import { scoreBand } from '@shared/model/selectors';
import { t } from '../../i18n';
import { LabelEditor } from './LabelEditor';
import { useIsWeakLink } from '../chains/ChainEdge'; // issue 3: the weak-link marker
import { useNodeLook } from '../filter/useNodeLook'; // issue 3 part C: search hits, filter dimming, colour by

export type MindNodeData = { readonly layout: LayoutNode };
export type MindNode = Node<MindNodeData>;

const useIsSelected = (id: string) => useUiStore((s) => s.selected.includes(id));
const useEditing = (id: string) => useUiStore((s) => (s.editing?.id === id ? s.editing : null));

/** Hidden handles at both sides: edges leave a parent on the side its children grow to. */
function SideHandles() {
  return (
    <>
      <Handle type="target" position={Position.Left} id="left-in" className="mind-handle" isConnectable={false} />
      <Handle type="source" position={Position.Left} id="left-out" className="mind-handle" isConnectable={false} />
      <Handle type="target" position={Position.Right} id="right-in" className="mind-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} id="right-out" className="mind-handle" isConnectable={false} />
    </>
  );
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

export const RootNode = memo(function RootNode({ id, data }: NodeProps<MindNode>) {
  const selected = useIsSelected(id);
  const editing = useEditing(id);
  return (
    <div className={`mind-node mind-node--root${selected ? ' is-selected' : ''}`} data-node-id={id} role="treeitem" aria-selected={selected} aria-label={data.layout.label}>
      <SideHandles />
      {editing ? <LabelEditor className="mind-node__editor nodrag nowheel" id={id} initial={editing.initial} current={data.layout.label} /> : <Lines lines={data.layout.lines} />}
    </div>
  );
});

export const GroupNode = memo(function GroupNode({ id, data }: NodeProps<MindNode>) {
  const selected = useIsSelected(id);
  const editing = useEditing(id);
  const { layout } = data;
  const tone = layout.channel ?? 'unsorted';
  return (
    <div
      className={`mind-node mind-node--group mind-node--${layout.type} tone--${tone}${selected ? ' is-selected' : ''}`}
      data-node-id={id}
      role="treeitem"
      aria-selected={selected}
      aria-label={layout.label}
    >
      <SideHandles />
      {editing ? <LabelEditor className="mind-node__editor nodrag nowheel" id={id} initial={editing.initial} current={layout.label} /> : <Lines lines={layout.lines} />}
      {layout.count !== undefined && layout.count > 0 && <span className="mind-node__count">{layout.count}</span>}
    </div>
  );
});

export const TopicNode = memo(function TopicNode({ id, data }: NodeProps<MindNode>) {
  const selected = useIsSelected(id);
  const editing = useEditing(id);
  const { layout } = data;
  const topic = useDocumentStore((s) => s.doc?.topics[id]);
  const weak = useIsWeakLink(id);
  const look = useNodeLook(id);
  const band = scoreBand(topic?.score);
  const tone = layout.channel ?? 'unsorted';
  const node = (
    <div
      className={`mind-node mind-node--${layout.type} tone--${tone}${selected ? ' is-selected' : ''}${weak ? ' is-weak-link' : ''}${look ? ` ${look}` : ''}`}
      data-node-id={id}
      role="treeitem"
      aria-selected={selected}
      aria-label={layout.label}
    >
      <SideHandles />
      {editing ? <LabelEditor className="mind-node__editor nodrag nowheel" id={id} initial={editing.initial} current={topic?.label ?? layout.label} /> : <Lines lines={layout.lines} />}
      {topic?.score !== undefined && (
        <span className={`score-badge score-badge--${band}`} title={`${t('inspector.score')}: ${topic.score} (${band ? t(`band.${band}`) : ''})`}>
          {topic.score}
        </span>
      )}
    </div>
  );
  if (!weak) return node;
  // the badge sits outside the node's box, which clips its own content
  return (
    <>
      {node}
      <span className="weak-link-badge">{t('chains.weakBadge')}</span>
    </>
  );
});

/** At module level so React Flow never sees a new object (it would re-mount every node). */
export const NODE_TYPES = {
  root: RootNode,
  channel: GroupNode,
  stage: GroupNode,
  unsorted: GroupNode,
  touchpoint: TopicNode,
  detail: TopicNode,
};
