/**
 * The mind model's index of layout records by id, handed on from one layout to the next instead of
 * copied: after a Tab at 20,000 topics, copying the 20,000-entry map cost more than the ~10,000
 * entries the edit changes. The newest index owns the map and the edit is applied to it in place;
 * an older index, read after that, no longer owns it and answers from a map of its own, built
 * once from its layout's nodes — so every index keeps answering for its own layout, whichever
 * is newer (a unit test holds the old one to its answers).
 */
import type { LayoutNode } from './layout';

interface Shared {
  readonly map: Map<string, LayoutNode>;
  owner: NodeIndex;
}

export class NodeIndex implements ReadonlyMap<string, LayoutNode> {
  private shared: Shared;
  /** This index's own map, once it has handed the shared one on. */
  private own: Map<string, LayoutNode> | null = null;

  private constructor(
    map: Map<string, LayoutNode>,
    private readonly nodes: readonly LayoutNode[],
    shared?: Shared,
  ) {
    this.shared = shared ?? { map, owner: this };
    this.shared.owner = this;
  }

  /** An index of `nodes` (every id once), owning `map`, which must hold exactly them. */
  static of(map: Map<string, LayoutNode>, nodes: readonly LayoutNode[]): NodeIndex {
    return new NodeIndex(map, nodes);
  }

  /**
   * The index of the next layout, `nodes`: `edit` brings a map of the previous layout's entries up
   * to date. The previous index's map when it still owns it (edited in place), else a copy.
   */
  static next(previous: ReadonlyMap<string, LayoutNode>, nodes: readonly LayoutNode[], edit: (map: Map<string, LayoutNode>) => void): NodeIndex {
    if (previous instanceof NodeIndex && previous.shared.owner === previous) {
      edit(previous.shared.map);
      return new NodeIndex(previous.shared.map, nodes, previous.shared);
    }
    const map = new Map(previous);
    edit(map);
    return new NodeIndex(map, nodes);
  }

  private current(): Map<string, LayoutNode> {
    if (this.shared.owner === this) return this.shared.map;
    if (this.own === null) {
      const own = new Map<string, LayoutNode>();
      for (const node of this.nodes) own.set(node.id, node);
      this.own = own;
    }
    return this.own;
  }

  get(id: string): LayoutNode | undefined {
    return this.current().get(id);
  }

  has(id: string): boolean {
    return this.current().has(id);
  }

  get size(): number {
    return this.current().size;
  }

  forEach(callback: (value: LayoutNode, key: string, map: ReadonlyMap<string, LayoutNode>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.current()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[string, LayoutNode]> {
    return this.current().entries();
  }

  keys(): MapIterator<string> {
    return this.current().keys();
  }

  values(): MapIterator<LayoutNode> {
    return this.current().values();
  }

  [Symbol.iterator](): MapIterator<[string, LayoutNode]> {
    return this.current()[Symbol.iterator]();
  }
}
