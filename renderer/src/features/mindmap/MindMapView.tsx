/**
 * The mind map on a React Flow canvas: the business in the centre, online touchpoints on one
 * side and offline on the other, grouped by stage. Nodes and edges are a projection of the
 * doc; the canvas holds no state of its own except a drag in progress, which becomes one
 * `setPosition` command (one undo step) when the node is dropped.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  ReactFlow,
  Controls,
  ControlButton,
  useReactFlow,
  useStore,
  useStoreApi,
  Position,
  type NodeHandle,
  type ReactFlowState,
  type Edge,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
} from '@xyflow/react';
import { setPosition } from '@shared/model/commands';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { runCommand } from '../../store/run-command';
import { mindModelFor } from '../../drawing/mind-model';
import { viewModelFor } from './view-model';
import { useLineBreaks } from './useLineBreaks';
import { NODE_TYPES, type MindNode } from './nodes';
import { editLabel } from './mind-operations';
import { registerCanvas, canvasControl, MIN_ZOOM, MAX_ZOOM } from './canvas-control';
import { MapOverview } from './MapOverview';
import type { LayoutNode } from '../../drawing/layout';
import { TreeEdges } from './TreeEdges';
import { inWindow, inWindowByRanges, sameWindow, viewWindow } from './canvas-window';
import { nodeRangesOf } from '../../drawing/node-ranges';
import { CanvasDots } from './CanvasDots';
import { t } from '../../i18n';
// chains: chain links as an extra edge layer, and clicks that add chain steps
import { CHAIN_EDGE_TYPES, ChainMarkers, useChainEdges, pickStep } from '../chains';
// drop a touchpoint on a group to move it, box select, filter / colour-by / legend
import { Panel } from '@xyflow/react';
import { moveToGroup } from '@shared/model/commands';
import { isTopicIdOf, isTouchpoint, topicCount } from '@shared/model/selectors';
import { parseGroupId } from '../../drawing/projection';
import { useBoxSelect } from './useBoxSelect';
import { FilterBar, Legend } from '../filter';
import { EmptyStagesToggle } from './EmptyStagesToggle';
import { topicIdFrom } from '@shared/model/ids';
import type { TopicId } from '@shared/model/types';

/**
 * Keeps the selected node on screen: a node reached with the arrow keys or a click in the
 * outline, past the edge of the canvas, is brought into view (zoom unchanged). The mind map's own
 * actions reveal their node before React renders (canvas-control.ts); this catches the rest.
 */
function useFollowSelection(model: ReturnType<typeof mindModelFor> | null) {
  const selected = useUiStore((s) => s.selected[s.selected.length - 1]);
  useEffect(() => {
    const node = selected && model?.byId.get(selected);
    if (node) canvasControl.reveal(node);
  }, [selected, model]);
}

interface Drag {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

/**
 * Every map opens as Fit to view leaves it (canvas-control.ts): a small map whole, a big one at
 * the readable zoom centred on the business, so no label opens smaller than 12 px on screen; the
 * minimap shows where the view is, and zooming out shows the rest. Our fit rather than React
 * Flow's: it frames the layout's bounds, where React Flow's frames only the window it holds of a
 * big map (canvas-window.ts).
 */
function useFitOnOpen(ready: boolean) {
  const fitted = useRef(false);
  const paneReady = useStore(paneHasSize);
  useLayoutEffect(() => {
    if (!fitted.current && ready && paneReady) fitted.current = canvasControl.open();
  }, [ready, paneReady]);
}
const paneHasSize = (s: ReactFlowState) => s.width > 0 && s.height > 0;

/**
 * React Flow nodes by layout record: the layout keeps the record of every node an edit
 * did not move (mind-model.ts), so it keeps its React Flow node too, and React Flow, the memoised
 * node components and the minimap skip it. Without this, one edit re-rendered every node.
 */
const flowNodes = new WeakMap<LayoutNode, MindNode>();

function toFlowNode(node: LayoutNode): MindNode {
  let flowNode = flowNodes.get(node);
  if (flowNode === undefined) {
    flowNode = makeFlowNode(node);
    flowNodes.set(node, flowNode);
  }
  return flowNode;
}

/**
 * Where React Flow would measure the four hidden side handles of a node (nodes.tsx, `.mind-handle`:
 * 1 × 1 px, centred on the left and right sides, as the browser lays them out). Every node gets
 * them, though only chain steps draw the elements: React Flow reads these for a node it never
 * re-measures, and a node can become a step at any time.
 */
function sideHandles(width: number, height: number): NodeHandle[] {
  const y = (height - 1) / 2;
  const handle = (id: string, type: 'source' | 'target', position: Position, x: number): NodeHandle => ({ id, type, position, x, y, width: 1, height: 1 });
  return [
    handle('left-in', 'target', Position.Left, 0.5),
    handle('left-out', 'source', Position.Left, 0.5),
    handle('right-in', 'target', Position.Right, width - 1.5),
    handle('right-out', 'source', Position.Right, width - 1.5),
  ];
}

function makeFlowNode(node: LayoutNode): MindNode {
  return {
    id: node.id,
    type: node.type,
    position: { x: node.x, y: node.y },
    width: node.width,
    height: node.height,
    // The layout knows every node's size (text-metrics.ts matches the CSS) and where its handles
    // are, so React Flow need not measure them. Without these, React Flow renders every
    // node it has not measured yet, in view or not: all N when the map opens, and every node an
    // edit shifted (half the map for one Tab) — thousands of nodes mounted for one frame and
    // dropped again. It still measures each node it renders and corrects a size that differs.
    measured: { width: node.width, height: node.height },
    handles: sideHandles(node.width, node.height),
    data: { layout: node },
    // derived group nodes and the root stay where the layout puts them
    // React Flow's wrapper of each tree item (it carries aria-roledescription, so it needs a role a tree allows)
    ariaRole: 'group',
    draggable: node.type === 'touchpoint' || node.type === 'detail',
    selectable: false,
    connectable: false,
    deletable: false,
  };
}

/** The whole map's box, for fit to view: React Flow holds only the window of a big map, so its own fit would frame that. */
function mapBounds() {
  const doc = useDocumentStore.getState().doc;
  return doc ? viewModelFor(doc).layout.bounds : null;
}

/** The business's box: a map too big to fit readably is centred on it. */
function rootBox() {
  const doc = useDocumentStore.getState().doc;
  return doc ? (viewModelFor(doc).layout.nodes[0] ?? null) : null;
}

const fitLabel = (s: ReactFlowState) => s.ariaLabelConfig['controls.fitView.ariaLabel'];

/**
 * The controls' fit button, ours rather than React Flow's: its fit frames only the nodes it holds,
 * the window of a big map (canvas-window.ts), where ours frames the layout's bounds.
 */
function FitViewButton() {
  const label = useStore(fitLabel);
  return (
    <ControlButton className="react-flow__controls-fitview" onClick={() => canvasControl.fit()} title={label} aria-label={label}>
      {/* four corners of a frame */}
      <svg viewBox="0 0 32 32" aria-hidden="true">
        <path d="M2 2h10v4H6v6H2zM20 2h10v10h-4V6h-6zM2 20h4v6h6v4H2zM26 20h4v10H20v-4h6z" />
      </svg>
    </ControlButton>
  );
}

/** The window of the map React Flow is given (canvas-window.ts); changes every half pane of panning. */
const windowOfStore = (s: ReactFlowState) => viewWindow({ x: s.transform[0], y: s.transform[1], zoom: s.transform[2] }, s);

/**
 * The nodes are tree items, and React Flow puts its own `application` wrapper between the canvas and
 * them, which would cut them off from a tree around the canvas; so the tree is the element that holds
 * the nodes. React Flow renders it and never sets a role on it, so the roles set here stay.
 */
function useNodesTree(canvas: React.RefObject<HTMLDivElement | null>, label: string) {
  useEffect(() => {
    const nodes = canvas.current?.querySelector('.react-flow__nodes');
    if (!nodes || nodes.getAttribute('role') === 'tree') return;
    nodes.setAttribute('role', 'tree');
    nodes.setAttribute('aria-label', label);
    nodes.setAttribute('aria-multiselectable', 'true');
  });
}

export function MindMapView() {
  const doc = useDocumentStore((s) => s.doc);
  const grouping = useUiStore((s) => s.grouping);
  const select = useUiStore((s) => s.select);
  const [drag, setDrag] = useState<Drag | null>(null);
  const flow = useReactFlow();

  const hideEmptyStages = useUiStore((s) => s.hideEmptyStages);
  // laid out again when the line breaks change (BudouX's Japanese model arrived)
  const breaks = useLineBreaks(doc);
  const model = useMemo(() => (doc ? mindModelFor(doc, grouping, hideEmptyStages, breaks) : null), [doc, grouping, hideEmptyStages, breaks]);
  // React Flow's only edges are the chain links; the tree links are TreeEdges, drawn under them
  const chainEdges = useChainEdges(model?.byId);
  // Big maps: React Flow gets the nodes around the view, the root and the chain links' ends
  const view = useStore(windowOfStore, sameWindow);
  const rootNodeId = model?.layout.nodes[0]?.id;
  const keep = useMemo(() => {
    const ids = new Set<string>(rootNodeId === undefined ? [] : [rootNodeId]);
    for (const edge of chainEdges) ids.add(edge.source).add(edge.target);
    return ids;
  }, [chainEdges, rootNodeId]);
  // the groups far from the view are skipped whole (drawing/node-ranges.ts): an edit does not walk every node
  const baseNodes = useMemo(() => {
    if (!model) return [];
    const ranges = nodeRangesOf(model.layout);
    return (ranges ? inWindowByRanges(model.layout.nodes, ranges, view, keep, model.byId) : inWindow(model.layout.nodes, view, keep)).map(toFlowNode);
  }, [model, view, keep]);
  const nodes = useMemo(
    () => (drag ? baseNodes.map((n) => (n.id === drag.id ? { ...n, position: { x: drag.x, y: drag.y } } : n)) : baseNodes),
    [baseNodes, drag],
  );

  const store = useStoreApi();
  useLayoutEffect(() => registerCanvas({ ...flow, paneSize: () => store.getState(), mapBounds, anchor: rootBox }), [flow, store]);
  useFitOnOpen(model !== null);
  useFollowSelection(model);

  const onNodesChange = useCallback((changes: NodeChange<MindNode>[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.position && change.dragging) {
        setDrag({ id: change.id, x: change.position.x, y: change.position.y });
      }
    }
  }, []);

  const onNodeDragStop = useCallback<OnNodeDrag<MindNode>>((event, node) => {
    setDrag(null);
    // Dropped on a stage or channel group: the touchpoint (with the other selected ones) moves
    // there — one undo step, its manual position dropped so the layout places it in the group.
    const doc = useDocumentStore.getState().doc;
    const model = doc ? viewModelFor(doc) : null;
    if (doc && model && isTopicIdOf(doc, node.id) && isTouchpoint(doc, node.id)) {
      // a drag is a mouse or a touch; either way the point under the finger decides
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const pointer = flow.screenToFlowPosition({ x: point?.clientX ?? 0, y: point?.clientY ?? 0 });
      const under = (id: string) => {
        const box = model.byId.get(id);
        return box !== undefined && pointer.x >= box.x && pointer.x <= box.x + box.width && pointer.y >= box.y && pointer.y <= box.y + box.height;
      };
      const groups = flow.getIntersectingNodes(node).filter((n) => parseGroupId(n.id) !== null);
      const groupId = model.layout.nodes.find((n) => parseGroupId(n.id) !== null && under(n.id))?.id ?? groups[0]?.id;
      const target = groupId === undefined ? null : parseGroupId(groupId);
      if (target) {
        const selected = useUiStore.getState().selected;
        const ids = selected.includes(node.id) ? selected.filter((id): id is TopicId => isTopicIdOf(doc, id) && isTouchpoint(doc, id)) : [node.id];
        runCommand((d) => ids.reduce((acc, id) => (acc.topics[id]?.position ? setPosition(acc, id, undefined) : acc), moveToGroup(d, ids, target)));
        return;
      }
    }
    const layout = node.data.layout;
    if (layout.x === node.position.x && layout.y === node.position.y) return;
    // Only touchpoints and details are draggable, and a topic node's id is its topic's.
    runCommand((d) => setPosition(d, topicIdFrom(node.id), { x: Math.round(node.position.x), y: Math.round(node.position.y) }));
  }, [flow]);

  const onNodeClick = useCallback<NodeMouseHandler<MindNode>>(
    (event, node) => {
      const ui = useUiStore.getState();
      if (pickStep(node.id)) return select([node.id]); // "Add steps" mode: the click walks the chain
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

  const isEmpty = doc ? topicCount(doc.topics) <= 1 : false;
  const { box, handlers: boxHandlers } = useBoxSelect(model);
  const canvasRef = useRef<HTMLDivElement>(null);
  useNodesTree(canvasRef, t('a11y.mindMapNodes'));

  return (
    <div ref={canvasRef} className="canvas" aria-label={t('views.mindmap')} role="region" {...boxHandlers}>
      <ReactFlow<MindNode, Edge>
        nodes={nodes}
        edges={chainEdges}
        nodeTypes={NODE_TYPES}
        edgeTypes={CHAIN_EDGE_TYPES}
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
        // The keys are ours (app/operations.ts), so a clicked node need not take focus — and a focused
        // node that an edit scrolls away makes the browser lay out the whole commit twice.
        nodesFocusable={false}
        onlyRenderVisibleElements
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        proOptions={{ hideAttribution: true }}
      >
        <CanvasDots />
        <Controls showInteractive={false} showFitView={false} position="bottom-left">
          <FitViewButton />
        </Controls>
        <ChainMarkers />
        <Panel position="top-left">
          <FilterBar />
        </Panel>
        <Panel position="top-right">
          <EmptyStagesToggle />
        </Panel>
        <Panel position="bottom-left" className="legend-panel">
          <Legend />
        </Panel>
        {model && <TreeEdges layout={model.layout} byId={model.byId} drag={drag} />}
        {model && <MapOverview layout={model.layout} label="Minimap" />}
      </ReactFlow>
      {box && <div className="selection-box" style={box} aria-hidden="true" />}
      {isEmpty && (
        <div className="canvas__hint" role="note">
          {t('editor.emptyHint')}
        </div>
      )}
    </div>
  );
}
