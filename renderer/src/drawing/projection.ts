/**
 * The mind map as a derived tree: the business (root) → group nodes → touchpoints → details.
 *
 * Group nodes (Online / Offline, the stages, Unsorted) are **derived** here from the
 * touchpoints' `channel` and `stageId`; they are never stored. Their ids say what they stand
 * for, so dropping a touchpoint on a group, or pressing Tab on one, knows which channel and
 * stage to set (`parseGroupId`). The same id means the same channel + stage in both groupings,
 * so a selected group stays selected when the user switches grouping.
 *
 * Group ids (`<ch>` is `online`, `offline` or `nochannel`; stage ids may contain any character):
 * | id                          | stands for                        | parseGroupId                       |
 * |-----------------------------|-----------------------------------|------------------------------------|
 * | `group:online`              | every online touchpoint           | `{ channel: 'online' }`            |
 * | `group:nochannel`           | touchpoints without a channel     | `{ channel: null }`                |
 * | `group:stage:<stageId>`     | every touchpoint of a stage       | `{ stageId }`                      |
 * | `group:nostage`             | touchpoints without a stage       | `{ stageId: null }`                |
 * | `group:<ch>:stage:<stageId>`| one channel within one stage      | `{ channel, stageId }`             |
 * | `group:<ch>:nostage`        | one channel, no stage             | `{ channel, stageId: null }`       |
 * A key left out means "keep the touchpoint's value"; `null` means "clear it".
 *
 * Where things go:
 * - channel → stage (default): Online on the right, Offline on the left; under each, one group
 *   per stage of the map in stage order, empty ones included (select one and press Tab to add
 *   there) unless the view hides empty stages (`hideEmptyStages`), then `group:<ch>:nostage` "Unsorted" when a touchpoint has the channel but no stage.
 *   Touchpoints without a channel go to `group:nochannel` "Unsorted", a first-level group at the
 *   bottom of the right side, shown only while it has touchpoints.
 * - stage → channel: the first half of the stages (rounded up) on the right, the rest on the
 *   left, each top to bottom in stage order, so the sides balance and a stage never changes
 *   side as touchpoints come and go. Each stage has an Online and an Offline group (always) and
 *   a `group:nochannel:stage:<id>` "No channel" group (when used). Touchpoints without a stage go to
 *   `group:nostage` "Unsorted" at the bottom of the left side, with a group per channel present.
 * A stage id that is not one of the map's stages counts as no stage; a channel other than
 * online / offline as no channel. Details are shown under their touchpoint and take its channel
 * and stage. Touchpoints and details are sorted by `order`, then by id. A topic with
 * `collapsed: true` keeps its node but not its descendants, and reports how many it hides; the
 * root is never collapsed (the groups are where Tab adds). Without a root topic (a map that
 * skipped restore) the root is a stand-in with id `group:root` and the map's title.
 *
 * Pure: no DOM, no React; the canvas and the export renderer both start from this tree.
 */
import type { Channel, MapDoc, Position, StageId, Topic, TopicId } from '@shared/model/types';
import { buildChildIndex, type ChildIndex } from '@shared/model/selectors';
import { mapWords, type MapGroupWords } from '@shared/templates/map-words';
import type { MindNodeType } from './text-metrics';
import { stageIdFrom } from '@shared/model/ids';

export type { MindNodeType } from './text-metrics';

export type Grouping = 'channel-stage' | 'stage-channel';
export type Side = 'left' | 'right' | 'center';

/** What a group node stands for; see the table in the header. */
export interface GroupTarget {
  readonly channel?: Channel | null;
  readonly stageId?: StageId | null;
}

/** A node of the derived tree. Topic nodes use the topic's id; group nodes a `group:` id. */
export interface MindNode {
  readonly id: string;
  readonly type: MindNodeType;
  /** Set for the root, touchpoints and details. */
  readonly topicId?: TopicId;
  readonly label: string;
  /** 0 for the root. */
  readonly depth: number;
  readonly side: Side;
  /** The channel this node stands for or has; `null` = none; absent = any (a stage group). */
  readonly channel?: Channel | null;
  /** The stage this node stands for or has; `null` = none; absent = any (a channel group). */
  readonly stageId?: StageId | null;
  /** Groups and the root: how many touchpoints are under it (hidden ones included). */
  readonly count?: number;
  /** The topic's `collapsed`, or for a group whether its id is in `collapsedGroups`. */
  readonly collapsed: boolean;
  /** Topics hidden under this node because it is collapsed (0 when it is not). */
  readonly hiddenCount: number;
  /** The topic's manual placement (top-left), which overrides the automatic layout. */
  readonly position?: Position;
  readonly children: readonly MindNode[];
}

export interface MindTree {
  readonly root: MindNode;
  readonly grouping: Grouping;
}

/** The words on the derived group nodes: part of the map, so in the map's language (map-words.ts). */
export type GroupLabels = MapGroupWords;

/** The English group labels: what an `en` map shows. */
export const DEFAULT_GROUP_LABELS: GroupLabels = mapWords('en').groups;

export interface ProjectionOptions {
  readonly grouping: Grouping;
  /** Overrides of the group labels; the rest follow `doc.map.locale`. */
  readonly labels?: Partial<GroupLabels>;
  /** Group ids the user folded (UI state, never stored in the document). */
  readonly collapsedGroups?: ReadonlySet<string>;
  /**
   * The view option "Hide empty stages": leave out stage groups no touchpoint is in (and, stages
   * first, a stage's empty channel groups). Off by default: an empty stage is where Tab adds.
   */
  readonly hideEmptyStages?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Group ids
// ---------------------------------------------------------------------------------------------

const GROUP_PREFIX = 'group:';
const STAGE_PART = 'stage:';
const NO_STAGE = 'nostage';
const NO_CHANNEL = 'nochannel';

/**
 * The id of the group that stands for `target`.
 * @example groupId({ channel: 'online', stageId: 's-aw' }) // 'group:online:stage:s-aw'
 * @example groupId({ channel: null }) // 'group:nochannel'
 */
export function groupId(target: GroupTarget): string {
  const hasChannel = target.channel !== undefined;
  const hasStage = target.stageId !== undefined;
  const channel = target.channel ?? NO_CHANNEL;
  const stage = target.stageId == null ? NO_STAGE : STAGE_PART + target.stageId;
  if (hasChannel && hasStage) return `${GROUP_PREFIX}${channel}:${stage}`;
  if (hasChannel) return GROUP_PREFIX + channel;
  if (hasStage) return GROUP_PREFIX + stage;
  throw new Error('groupId: a group stands for a channel, a stage or both; pass { channel } and/or { stageId }.');
}

/**
 * What a group node stands for: the channel and stage a touchpoint dropped on it, or added
 * under it with Tab, gets. `null` for ids that are not group ids (topics).
 * @example parseGroupId('group:offline:stage:s-aw') // { channel: 'offline', stageId: 's-aw' }
 * @example parseGroupId('group:online:nostage') // { channel: 'online', stageId: null }
 * @example parseGroupId('t-k3j9x2') // null
 */
export function parseGroupId(id: string): GroupTarget | null {
  if (!id.startsWith(GROUP_PREFIX)) return null;
  const rest = id.slice(GROUP_PREFIX.length);
  const stagePart = (part: string): StageId | null | undefined => {
    if (part === NO_STAGE) return null;
    // groupId wrote a stage id of the map here.
    if (part.startsWith(STAGE_PART) && part.length > STAGE_PART.length) return stageIdFrom(part.slice(STAGE_PART.length));
    return undefined;
  };
  const alone = stagePart(rest);
  if (alone !== undefined) return { stageId: alone };
  const colon = rest.indexOf(':');
  const head = colon < 0 ? rest : rest.slice(0, colon);
  const channel: Channel | null | undefined = head === 'online' || head === 'offline' ? head : head === NO_CHANNEL ? null : undefined;
  if (channel === undefined) return null;
  if (colon < 0) return { channel };
  const stageId = stagePart(rest.slice(colon + 1));
  return stageId === undefined ? null : { channel, stageId };
}

/** True for the id of a derived group node. */
export function isGroupId(id: string): boolean {
  return parseGroupId(id) !== null;
}

// ---------------------------------------------------------------------------------------------
// Projection
// ---------------------------------------------------------------------------------------------

interface Draft {
  id: string;
  type: MindNodeType;
  topicId?: TopicId;
  label: string;
  depth: number;
  side: Side;
  channel?: Channel | null;
  stageId?: StageId | null;
  count?: number;
  collapsed: boolean;
  hiddenCount: number;
  position?: Position;
  children: Draft[];
}

/**
 * Projects a document onto the mind-map tree (see the header for where each touchpoint goes).
 * @example
 * const tree = projectMindMap(doc, { grouping: 'channel-stage' });
 * tree.root.children.map((g) => g.id) // ['group:online', 'group:offline']
 */
export function projectMindMap(doc: MapDoc, options: ProjectionOptions): MindTree {
  const labels: GroupLabels = { ...mapWords(doc.map.locale).groups, ...options.labels };
  const collapsedGroups = options.collapsedGroups;
  const hideEmpty = options.hideEmptyStages === true;
  const stages = doc.map.stages;
  const stageIndex = new Map<StageId, number>();
  stages.forEach((s, i) => {
    if (!stageIndex.has(s.id)) stageIndex.set(s.id, i);
  });

  // Children by parent, sorted by order then id: the index every view shares (cached per topics record).
  const index = buildChildIndex(doc);
  const rootTopic = index.root;

  const topicNode = topicProjector(index);
  const countDescendants = (topicId: TopicId): number => descendantCount(index, topicId);

  /**
   * A group node. `lists` are the touchpoints under it (in its sub-groups, for a group of
   * groups); `build` makes its children, and is not called when the user folded the group.
   */
  const group = (target: GroupTarget, type: MindNodeType, label: string, depth: number, side: Side, lists: readonly (readonly Topic[])[], build: (node: Draft) => Draft[]): Draft => {
    const id = groupId(target);
    const node: Draft = { id, type, label, depth, side, ...target, count: 0, collapsed: collapsedGroups?.has(id) === true, hiddenCount: 0, children: [] };
    for (const list of lists) node.count = (node.count ?? 0) + list.length;
    if (node.collapsed) {
      for (const list of lists) for (const t of list) node.hiddenCount += 1 + countDescendants(t.id);
    } else node.children = build(node);
    return node;
  };
  /** A group whose children are touchpoints of one channel and stage. */
  const cell = (channel: Channel | null, stageId: StageId | null, type: MindNodeType, label: string, depth: number, side: Side, list: readonly Topic[]): Draft =>
    group({ channel, stageId }, type, label, depth, side, [list], () => list.map((t) => topicNode(t, depth + 1, side, channel, stageId)));
  /** The first-level "Unsorted" group of touchpoints without a channel (any stage). */
  const noChannelGroup = (list: readonly Topic[], side: Side): Draft =>
    group({ channel: null }, 'unsorted', labels.unsorted, 1, side, [list], () => list.map((t) => topicNode(t, 2, side, null, null)));

  // Bucket the touchpoints (already in order) by channel and stage; index `stages.length` = no stage.
  const touchpoints = rootTopic ? index.childrenOf(rootTopic.id) : [];
  const noStage = stages.length;
  const buckets: Record<ChannelKey, Topic[][]> = { online: [], offline: [], nochannel: [] };
  for (const key of CHANNEL_KEYS) for (let s = 0; s <= noStage; s++) buckets[key].push([]);
  const withoutChannel: Topic[] = [];
  for (const t of touchpoints) {
    const key: ChannelKey = t.channel === 'online' || t.channel === 'offline' ? t.channel : NO_CHANNEL;
    const s = t.stageId === undefined ? undefined : stageIndex.get(t.stageId);
    (buckets[key][s ?? noStage] as Topic[]).push(t);
    if (key === NO_CHANNEL) withoutChannel.push(t);
  }
  const bucket = (key: ChannelKey, s: number): Topic[] => buckets[key][s] as Topic[];
  const channelOf = (key: ChannelKey): Channel | null => (key === NO_CHANNEL ? null : key);
  const channelLabel = (key: ChannelKey): string => (key === 'online' ? labels.online : key === 'offline' ? labels.offline : labels.noChannel);
  const channelType = (key: ChannelKey): MindNodeType => (key === NO_CHANNEL ? 'unsorted' : 'channel');

  const first: Draft[] = [];
  if (options.grouping === 'channel-stage') {
    for (const key of ['online', 'offline'] as const) {
      const side: Side = key === 'online' ? 'right' : 'left';
      first.push(
        group({ channel: key }, 'channel', channelLabel(key), 1, side, buckets[key], () => {
          const kids: Draft[] = [];
          stages.forEach((stage, s) => {
            if (!hideEmpty || bucket(key, s).length > 0) kids.push(cell(key, stage.id, 'stage', stage.name, 2, side, bucket(key, s)));
          });
          const unstaged = bucket(key, noStage);
          if (unstaged.length > 0) kids.push(cell(key, null, 'unsorted', labels.unsorted, 2, side, unstaged));
          return kids;
        }),
      );
    }
    if (withoutChannel.length > 0) first.push(noChannelGroup(withoutChannel, 'right'));
  } else {
    const rightCount = Math.ceil(stages.length / 2);
    stages.forEach((stage, s) => {
      const side: Side = s < rightCount ? 'right' : 'left';
      const lists = CHANNEL_KEYS.map((key) => bucket(key, s));
      if (hideEmpty && lists.every((list) => list.length === 0)) return;
      first.push(
        group({ stageId: stage.id }, 'stage', stage.name, 1, side, lists, () =>
          CHANNEL_KEYS.filter((key) => (key !== NO_CHANNEL && !hideEmpty) || bucket(key, s).length > 0).map((key) =>
            cell(channelOf(key), stage.id, channelType(key), channelLabel(key), 2, side, bucket(key, s)),
          ),
        ),
      );
    });
    const present = CHANNEL_KEYS.filter((key) => bucket(key, noStage).length > 0);
    if (present.length > 0) {
      first.push(
        group({ stageId: null }, 'unsorted', labels.unsorted, 1, 'left', present.map((key) => bucket(key, noStage)), () =>
          present.map((key) => cell(channelOf(key), null, channelType(key), channelLabel(key), 2, 'left', bucket(key, noStage))),
        ),
      );
    }
  }

  const root: Draft = rootTopic
    ? { id: rootTopic.id, type: 'root', topicId: rootTopic.id, label: rootTopic.label, depth: 0, side: 'center', count: touchpoints.length, collapsed: false, hiddenCount: 0, children: first }
    : { id: `${GROUP_PREFIX}root`, type: 'root', label: doc.map.title, depth: 0, side: 'center', count: 0, collapsed: false, hiddenCount: 0, children: first };
  if (rootTopic?.position) root.position = rootTopic.position;
  return { root, grouping: options.grouping };
}

/** How many topics are under `topicId` (its details, theirs, …). */
function descendantCount(index: ChildIndex, topicId: TopicId): number {
  let total = 0;
  const stack = [topicId];
  while (stack.length > 0) {
    const kids = index.childrenOf(stack.pop() as TopicId);
    total += kids.length;
    for (const k of kids) stack.push(k.id);
  }
  return total;
}

/** Makes a touchpoint's node with its details (iterative: a deep chain of details cannot overflow the stack). */
function topicProjector(index: ChildIndex) {
  return (topic: Topic, depth: number, side: Side, channel: Channel | null, stageId: StageId | null): Draft => {
    const make = (t: Topic, d: number, type: MindNodeType): Draft => {
      const node: Draft = { id: t.id, type, topicId: t.id, label: t.label, depth: d, side, channel, stageId, collapsed: t.collapsed === true, hiddenCount: 0, children: [] };
      if (t.position) node.position = t.position;
      return node;
    };
    const top = make(topic, depth, 'touchpoint');
    const stack: [Topic, Draft][] = [[topic, top]];
    while (stack.length > 0) {
      const [t, node] = stack.pop() as [Topic, Draft];
      if (node.collapsed) {
        node.hiddenCount = descendantCount(index, t.id);
        continue;
      }
      for (const kid of index.childrenOf(t.id)) {
        const child = make(kid, node.depth + 1, 'detail');
        node.children.push(child);
        stack.push([kid, child]);
      }
    }
    return top;
  };
}

/** The cell a touchpoint goes in: its channel (online / offline) within its stage; null when it has no such cell (no channel, or no stage of the map). */
export function cellOf(doc: MapDoc, touchpoint: Topic): string | null {
  if (touchpoint.channel !== 'online' && touchpoint.channel !== 'offline') return null;
  if (touchpoint.stageId === undefined) return null;
  // a stage id listed twice counts as its first place (projectMindMap's index): same id either way
  if (!doc.map.stages.some((stage) => stage.id === touchpoint.stageId)) return null;
  return groupId({ channel: touchpoint.channel, stageId: touchpoint.stageId });
}

/** Where a cell node sits and what it says: taken from the previous layout, which the map's stages and language did not change. */
export interface CellPlace {
  readonly type: MindNodeType;
  readonly label: string;
  readonly depth: number;
  readonly side: Side;
}

/**
 * One cell's subtree — the touchpoints of one channel within one stage, with their details — as
 * {@link projectMindMap} makes it in either grouping, for re-projecting only the cell an edit
 * touched. `cellId` is the cell's group id (`group:online:stage:<id>`); its place comes from the
 * previous layout. Views with folded groups are not projected this way.
 */
export function projectCell(doc: MapDoc, cellId: string, place: CellPlace): MindNode | null {
  const target = parseGroupId(cellId);
  if (!target || (target.channel !== 'online' && target.channel !== 'offline') || typeof target.stageId !== 'string') return null;
  const index = buildChildIndex(doc);
  const touchpoints = index.root ? index.childrenOf(index.root.id) : [];
  const list = touchpoints.filter((t) => t.channel === target.channel && t.stageId === target.stageId);
  const topicNode = topicProjector(index);
  const node: Draft = {
    id: cellId,
    type: place.type,
    label: place.label,
    depth: place.depth,
    side: place.side,
    channel: target.channel,
    stageId: target.stageId,
    count: list.length,
    collapsed: false,
    hiddenCount: 0,
    children: list.map((t) => topicNode(t, place.depth + 1, place.side, target.channel as Channel, target.stageId as StageId)),
  };
  return node;
}

type ChannelKey = Channel | typeof NO_CHANNEL;
const CHANNEL_KEYS: readonly ChannelKey[] = ['online', 'offline', NO_CHANNEL];
