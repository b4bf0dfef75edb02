/**
 * The mind map's tree links (parent → child), drawn by us in React Flow's viewport rather than as
 * React Flow edges. They are not selectable, focusable or connectable, so React Flow's
 * edge machinery bought nothing for them and cost per link: a connection lookup rebuilt over all
 * N links on every edit, a visibility test of all N on every pan and zoom frame, and an edge
 * component with its own store subscriptions for each one in view. Here the links are SVG paths
 * of a few dozen curves each (tree-links.ts), in tree order (so each path covers one patch of the
 * map and the browser skips the ones out of view when it paints); a pan or zoom re-renders
 * nothing, an edit rewrites the paths whose links it changed. Chain links stay React Flow edges,
 * drawn above.
 */
import { memo, useMemo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { LayoutNode, MapLayout } from '../../drawing/layout';
import { linkPaths } from '../../drawing/tree-links';

interface TreeEdgesProps {
  readonly layout: MapLayout;
  readonly byId: ReadonlyMap<string, LayoutNode>;
  readonly drag: { readonly id: string; readonly x: number; readonly y: number } | null;
}

/** The tree links in the canvas's viewport, under the nodes and the chain links (styles.css `.tree-links`). */
export const TreeEdges = memo(function TreeEdges({ layout, byId, drag }: TreeEdgesProps) {
  const paths = useMemo(() => linkPaths(layout, byId, drag ?? undefined), [layout, byId, drag]);
  return (
    <ViewportPortal>
      <svg className="tree-links" aria-hidden="true" focusable="false" data-links={layout.edges.length}>
        {paths.map((path) => (
          <path key={path.key} d={path.d} transform={`translate(0 ${path.dy})`} />
        ))}
      </svg>
    </ViewportPortal>
  );
});
