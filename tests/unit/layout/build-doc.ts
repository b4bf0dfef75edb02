/**
 * Small hand-built maps for the layout tests, and the geometric checks they share.
 *
 *   const doc = mapOf(['Awareness', 'Purchase'])
 *     .touchpoint('Website', { channel: 'online', stage: 'Awareness' })
 *     .detail('Booking form', { under: 'Website' })
 *     .doc;
 *
 * Topics are named by label; ids are derived from the label (`t-website`), stage ids from the
 * stage name (`s-awareness`), so expectations read like the map.
 */
import type { Channel, MapDoc, Position, Topic, TopicId } from '@shared/model/types';
import type { LayoutNode } from '../../../renderer/src/drawing/layout';

export const ROOT_ID = 't-root';

export const idOf = (label: string): TopicId => `t-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
export const stageIdOf = (name: string): string => `s-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

interface TopicExtras {
  readonly id?: TopicId;
  readonly order?: number;
  readonly collapsed?: boolean;
  readonly position?: Position;
}

export class MapBuilder {
  private topics: Record<TopicId, Topic>;
  private nextOrder = new Map<TopicId, number>();

  constructor(
    private readonly stages: readonly string[],
    rootLabel: string,
  ) {
    this.topics = { [ROOT_ID]: { id: ROOT_ID, parentId: null, order: 0, label: rootLabel } };
  }

  touchpoint(label: string, fields: { channel?: Channel; stage?: string; stageId?: string } & TopicExtras = {}): this {
    const { stage, stageId, channel, ...extras } = fields;
    const sid = stageId ?? (stage === undefined ? undefined : stageIdOf(stage));
    return this.add(label, ROOT_ID, { ...(channel ? { channel } : {}), ...(sid ? { stageId: sid } : {}) }, extras);
  }

  detail(label: string, fields: { under: string } & TopicExtras): this {
    const { under, ...extras } = fields;
    return this.add(label, this.topics[under] ? under : idOf(under), {}, extras);
  }

  /** Replace fields of a topic already added. */
  set(label: string, fields: Partial<Topic>): this {
    const id = this.topics[label] ? label : idOf(label);
    const topic = this.topics[id];
    if (!topic) throw new Error(`no topic ${label}`);
    this.topics = { ...this.topics, [id]: { ...topic, ...fields } };
    return this;
  }

  get doc(): MapDoc {
    return {
      map: {
        id: 'm-test',
        title: 'Test map',
        locale: 'en',
        stages: this.stages.map((name) => ({ id: stageIdOf(name), name })),
        segments: [],
        competitors: [],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
      topics: this.topics,
      chains: {},
      chainOrder: [],
    };
  }

  private add(label: string, parentId: TopicId, fields: Partial<Topic>, extras: TopicExtras): this {
    const id = extras.id ?? idOf(label);
    if (this.topics[id]) throw new Error(`duplicate topic ${id}`);
    const order = extras.order ?? this.nextOrder.get(parentId) ?? 0;
    this.nextOrder.set(parentId, Math.max(order + 1, this.nextOrder.get(parentId) ?? 0));
    const topic: Topic = {
      id,
      parentId,
      order,
      label,
      ...fields,
      ...(extras.collapsed !== undefined ? { collapsed: extras.collapsed } : {}),
      ...(extras.position ? { position: extras.position } : {}),
    };
    this.topics = { ...this.topics, [id]: topic };
    return this;
  }
}

export const CUSTOMER_JOURNEY = ['Awareness', 'Consideration', 'Purchase', 'Experience', 'Loyalty', 'Advocacy'];

export function mapOf(stages: readonly string[] = CUSTOMER_JOURNEY, rootLabel = 'Clinic'): MapBuilder {
  return new MapBuilder(stages, rootLabel);
}

type Box = Pick<LayoutNode, 'id' | 'x' | 'y' | 'width' | 'height'>;

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every pair of boxes that overlap, checking all pairs (small maps). */
export function overlapsAllPairs(boxes: readonly Box[]): [string, string][] {
  const found: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as Box;
      const b = boxes[j] as Box;
      if (overlaps(a, b)) found.push([a.id, b.id]);
    }
  }
  return found;
}

/** The same with a sweep line over y (large maps): boxes sorted by top, an active list of those still open. */
export function overlapsSweep(boxes: readonly Box[]): [string, string][] {
  const sorted = [...boxes].sort((a, b) => a.y - b.y);
  const found: [string, string][] = [];
  let active: Box[] = [];
  for (const box of sorted) {
    active = active.filter((a) => a.y + a.height > box.y);
    for (const a of active) if (overlaps(a, box)) found.push([a.id, box.id]);
    active.push(box);
  }
  return found;
}
