/**
 * The mind map on a React Flow canvas: the business in the centre, online touchpoints on one
 * side and offline on the other, grouped by stage. Nodes and edges are a projection of the
 * doc; the canvas holds no state of its own except a drag in progress, which becomes one
 * `setPosition` command (one undo step) when the node is dropped.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  ReactFlow,
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  useReactFlow,
  type Edge,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
} from '@xyflow/react';
import { setPosition } from '@shared/model/commands';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { runCommand } from '../../store/run-command';
import { mindModelFor } from './mind-model';
import { NODE_TYPES, type MindNode } from './nodes';
import { editLabel } from './mind-actions';
import { registerCanvas } from './canvas-control';
import type { LayoutNode } from './layout';
import { t } from '../../i18n';

/**
 * Keeps the selected node on screen: a node added with Tab or reached with the arrow keys
 * past the edge of the canvas is panned into view (zoom unchanged).
 */
function useFollowSelection(model: ReturnType<typeof mindModelFor> | null) {
  const selected = useUiStore((s) => s.selected[s.selected.length - 1]);
  const flow = useReactFlow();
  useEffect(() => {
    const node = selected && model?.byId.get(selected);
    const pane = document.querySelector('.canvas .react-flow');
    if (!node || !pane) return;
    const { x, y, zoom } = flow.getViewport();
    const rect = pane.getBoundingClientRect();
    const margin = 40;
    const left = node.x * zoom + x;
    const top = node.y * zoom + y;
    const right = left + node.width * zoom;
    const bottom = top + node.height * zoom;
    if (left >= margin && top >= margin && right <= rect.width - margin && bottom <= rect.height - margin) return;
    void flow.setCenter(node.x + node.width / 2, node.y + node.height / 2, { zoom, duration: 150 });
  }, [selected, model, flow]);
}

interface Drag {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

const MINIMAP_COLOURS: Record<string, string> = { online: 'var(--tm-online)', offline: 'var(--tm-offline)' };
const minimapColour = (node: MindNode) =>
  node.data.layout.type === 'root' ? 'var(--tm-root)' : (MINIMAP_COLOURS[node.data.layout.channel ?? ''] ?? 'var(--tm-unsorted)');

function toFlowNode(node: LayoutNode): MindNode {
  return {
    id: node.id,
    type: node.type,
    position: { x: node.x, y: node.y },
    width: node.width,
    height: node.height,
    data: { layout: node },
    // derived group nodes and the root stay where the layout puts them
    draggable: node.type === 'touchpoint' || node.type === 'detail',
    selectable: false,
    connectable: false,
    deletable: false,
  };
}

export function MindMapView() {
  const doc = useDocumentStore((s) => s.doc);
  const grouping = useUiStore((s) => s.grouping);
  const select = useUiStore((s) => s.select);
  const [drag, setDrag] = useState<Drag | null>(null);
  const flow = useReactFlow();

  const model = useMemo(() => (doc ? mindModelFor(doc, grouping) : null), [doc, grouping]);
  const baseNodes = useMemo(() => model?.layout.nodes.map(toFlowNode) ?? [], [model]);
  const nodes = useMemo(
    () => (drag ? baseNodes.map((n) => (n.id === drag.id ? { ...n, position: { x: drag.x, y: drag.y } } : n)) : baseNodes),
    [baseNodes, drag],
  );
  const edges = useMemo<Edge[]>(
    () =>
      model?.layout.edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        sourceHandle: edge.sourceSide === 'left' ? 'left-out' : 'right-out',
        targetHandle: edge.sourceSide === 'left' ? 'right-in' : 'left-in',
        type: 'default',
        selectable: false,
        focusable: false,
        className: 'mind-edge',
      })) ?? [],
    [model],
  );

  useEffect(() => registerCanvas(flow), [flow]);
  useFollowSelection(model);

  const onNodesChange = useCallback((changes: NodeChange<MindNode>[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.position && change.dragging) {
        setDrag({ id: change.id, x: change.position.x, y: change.position.y });
      }
    }
  }, []);

  const onNodeDragStop = useCallback<OnNodeDrag<MindNode>>((_event, node) => {
    setDrag(null);
    const layout = node.data.layout;
    if (layout.x === node.position.x && layout.y === node.position.y) return;
    runCommand((d) => setPosition(d, node.id, { x: Math.round(node.position.x), y: Math.round(node.position.y) }));
  }, []);

  const onNodeClick = useCallback<NodeMouseHandler<MindNode>>(
    (event, node) => {
      const ui = useUiStore.getState();
      if (event.shiftKey || event.metaKey || event.ctrlKey) {
        select(ui.selected.includes(node.id) ? ui.selected.filter((id) => id !== node.id) : [...ui.selected, node.id]);
      } else if (!(ui.selected.length === 1 && ui.selected[0] === node.id)) {
        select([node.id]);
      }
    },
    [select],
  );

  const onNodeDoubleClick = useCallback<NodeMouseHandler<MindNode>>(
    (_event, node) => {
      select([node.id]);
      editLabel();
    },
    [select],
  );

  const isEmpty = doc ? Object.keys(doc.topics).length <= 1 : false;

  return (
    <div className="canvas" aria-label="Mind map" role="tree">
      <ReactFlow<MindNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onPaneClick={() => select([])}
        nodesConnectable={false}
        elementsSelectable={false}
        zoomOnDoubleClick={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        disableKeyboardA11y
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={3}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="var(--tm-border)" />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={0} position="bottom-right" ariaLabel="Minimap" />
      </ReactFlow>
      {isEmpty && (
        <div className="canvas__hint" role="note">
          {t('editor.emptyHint')}
        </div>
      )}
    </div>
  );
}
