/**
 * The benchmark's baseline (`baseline_open` / `baseline_pan`): a bare @xyflow/react page
 * showing the same nodes as Touchmap — plain labelled divs at the positions and sizes of
 * Touchmap's own layout, with the same tree edges and the same canvas options — so the suite can
 * say how much Touchmap's own work costs on top of React Flow (`open_ratio`, `pan_ratio`).
 *
 * The suite builds this page with vite into .tmp/bench-baseline and writes `layout-<n>.json` next
 * to it. `?n=2000` loads that layout; the "Open" button mounts the canvas, as a click on a map in
 * Touchmap's library does (the data is already in memory: loading and laying out is Touchmap's work).
 */
import { memo, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Handle, Position, ReactFlow, ReactFlowProvider, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

interface BaselineLayout {
  readonly nodes: readonly { id: string; label: string; x: number; y: number; width: number; height: number }[];
  readonly edges: readonly { id: string; source: string; target: string; sourceSide: 'left' | 'right' }[];
}

type LabelNode = Node<{ label: string }>;

const LabelDiv = memo(function LabelDiv({ data }: NodeProps<LabelNode>) {
  return (
    <div className="b-node">
      <Handle type="target" position={Position.Left} id="left-in" isConnectable={false} />
      <Handle type="source" position={Position.Left} id="left-out" isConnectable={false} />
      <Handle type="target" position={Position.Right} id="right-in" isConnectable={false} />
      <Handle type="source" position={Position.Right} id="right-out" isConnectable={false} />
      {data.label}
    </div>
  );
});

const NODE_TYPES = { label: LabelDiv };
const FIT_OPTIONS = { padding: 0.15, maxZoom: 1 };
const PRO = { hideAttribution: true };

function toFlow(layout: BaselineLayout): { nodes: LabelNode[]; edges: Edge[] } {
  return {
    nodes: layout.nodes.map((n) => ({ id: n.id, type: 'label', position: { x: n.x, y: n.y }, width: n.width, height: n.height, data: { label: n.label }, draggable: true, selectable: false, connectable: false })),
    edges: layout.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceSide === 'left' ? 'left-out' : 'right-out',
      targetHandle: e.sourceSide === 'left' ? 'right-in' : 'left-in',
      selectable: false,
      focusable: false,
    })),
  };
}

function Baseline() {
  const [flow, setFlow] = useState<{ nodes: LabelNode[]; edges: Edge[] } | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const n = new URLSearchParams(window.location.search).get('n') ?? '500';
    void fetch(`./layout-${n}.json`)
      .then((response) => response.json() as Promise<BaselineLayout>)
      .then((layout) => setFlow(toFlow(layout)));
  }, []);
  if (!flow) return <p>Loading…</p>;
  if (!open) {
    return (
      <button type="button" className="b-open" onClick={() => setOpen(true)}>
        Open
      </button>
    );
  }
  const query = new URLSearchParams(window.location.search);
  // the size of Touchmap's canvas (the suite passes it), so both show the same part of the map
  const size = { width: Number(query.get('w') ?? 1440), height: Number(query.get('h') ?? 900) };
  // Touchmap's opening view, when the suite passes it (a big map opens at a readable zoom, not
  // fitted): the same viewport, so the same nodes are rendered; else fitted, as Touchmap's small maps
  const zoom = query.get('vz');
  const opening = zoom === null ? null : { x: Number(query.get('vx')), y: Number(query.get('vy')), zoom: Number(zoom) };
  return (
    <div className="b-canvas" style={size}>
      <ReactFlowProvider>
        <ReactFlow<LabelNode, Edge>
          defaultNodes={flow.nodes}
          defaultEdges={flow.edges}
          nodeTypes={NODE_TYPES}
          nodesConnectable={false}
          elementsSelectable={false}
          zoomOnDoubleClick={false}
          onlyRenderVisibleElements
          minZoom={0.05}
          maxZoom={3}
          fitView={opening === null}
          fitViewOptions={FIT_OPTIONS}
          defaultViewport={opening ?? undefined}
          proOptions={PRO}
        />
      </ReactFlowProvider>
    </div>
  );
}

const style = document.createElement('style');
style.textContent = `
  html, body, #root { margin: 0; height: 100%; font: 14px sans-serif; }
  .b-canvas { position: fixed; left: 0; top: 0; }
  .b-node { box-sizing: border-box; width: 100%; height: 100%; padding: 4px 8px; border: 1px solid #889; border-radius: 6px; background: #fff; overflow: hidden; white-space: pre; }
`;
document.head.append(style);
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Baseline />
  </StrictMode>,
);
