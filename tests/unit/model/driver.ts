/**
 * The command driver: runs the pure domain commands of shared/model on a doc, with no store, so
 * the command tests read like the facilitator's story and can check what a command returns
 * (the very same doc on a refusal, which records it replaced):
 *
 *   const map = driveCommands({ title: 'Clinic' })
 *     .addTouchpoint('Website', { channel: 'online', stage: 'Consideration' })
 *     .addDetail('Booking form', { under: 'Website' })
 *     .set('Website', { score: 4 });
 *
 * Topics, stages, segments, competitors and chains are named in tests by their label or name; the
 * driver keeps the ids (`map.id('Website')`). Ids are deterministic (`t-1`, `t-2`…) so failures
 * are readable. `undo()` / `redo()` step through the docs the commands returned, as the store's
 * snapshot history does.
 *
 * To build a map for a test of something else, use tests/builders/map-doc.ts; to drive the open
 * map through the store as the app does, tests/builders/editor.ts.
 */
import { expect } from 'vitest';
import {
  CommandError,
  addChain,
  addCompetitor,
  addDetail,
  addSegment,
  addStage,
  addTouchpoint,
  appendChainStep,
  createMap,
  deleteTopics,
  idsOf,
  moveToGroup,
  moveTopic,
  presetStages,
  removeStage,
  renameTopic,
  reorderTopic,
  rootOf,
  setTopicFields,
  type Chain,
  type ChainId,
  type Channel,
  type CompetitorId,
  type IdOf,
  type IdPrefix,
  type Locale,
  type MapDoc,
  type PresetId,
  type SegmentId,
  type StageId,
  type Topic,
  type TopicFields,
  type TopicId,
} from '@shared/model';
import { asId } from '../../builders/ids';

export interface TestMapOptions {
  readonly title?: string;
  readonly preset?: PresetId;
  readonly locale?: Locale;
}

/** A stage by its position in the map's stage list or by its name. */
export type StageRef = number | string;

export class CommandDriver {
  doc: MapDoc;
  private readonly past: MapDoc[] = [];
  private future: MapDoc[] = [];
  private readonly topicIds = new Map<string, TopicId>();
  private readonly otherIds = new Map<string, SegmentId | CompetitorId | ChainId>();
  private counter = 0;

  constructor(options: TestMapOptions = {}) {
    const preset = options.preset ?? 'customer-journey';
    const title = options.title ?? 'Clinic';
    this.doc = createMap({
      id: asId.map('m-test'),
      rootId: asId.topic('t-root'),
      title,
      locale: options.locale ?? 'en',
      presetId: preset,
      now: '2026-11-25T10:00:00.000Z',
      stageIds: presetStages(preset, 'en').map((_, i) => asId.stage(`s-${i + 1}`)),
    });
    this.topicIds.set(title, asId.topic('t-root'));
  }

  /** A fresh id: `t-1`, `g-2`… (one counter, so every id in a test is unique). */
  nextId<P extends IdPrefix>(prefix: P): IdOf<P> {
    this.counter += 1;
    return `${prefix}-${this.counter}` as IdOf<P>;
  }

  /** Runs any command; a changed doc becomes one undo step. */
  apply(command: (doc: MapDoc) => MapDoc): this {
    const next = command(this.doc);
    if (next !== this.doc) {
      this.past.push(this.doc);
      this.future = [];
      this.doc = next;
    }
    return this;
  }

  undo(): this {
    const previous = this.past.pop();
    if (!previous) throw new Error('nothing to undo');
    this.future.push(this.doc);
    this.doc = previous;
    return this;
  }

  redo(): this {
    const next = this.future.pop();
    if (!next) throw new Error('nothing to redo');
    this.past.push(this.doc);
    this.doc = next;
    return this;
  }

  /**
   * Asserts that a command refuses: it throws a CommandError whose message matches, and the doc is
   * the very same object as before. Returns the error for further checks.
   */
  refuses(command: (doc: MapDoc) => MapDoc, message: string | RegExp): CommandError {
    const before = this.doc;
    const snapshot = structuredClone(before);
    let error: unknown;
    try {
      command(before);
    } catch (caught) {
      error = caught;
    }
    expect(error, 'the command should have thrown').toBeInstanceOf(CommandError);
    expect((error as CommandError).message).toMatch(message);
    expect(this.doc).toBe(before);
    expect(before).toEqual(snapshot);
    return error as CommandError;
  }

  // ── names → ids ──────────────────────────────────────────────────────────
  id(label: string): TopicId {
    const id = this.topicIds.get(label);
    if (id === undefined) throw new Error(`no topic labelled ${JSON.stringify(label)} in this test`);
    return id;
  }

  topic(label: string): Topic {
    const topic = this.doc.topics[this.id(label)];
    if (!topic) throw new Error(`topic ${JSON.stringify(label)} is not in the doc (deleted?)`);
    return topic;
  }

  get root(): Topic {
    return rootOf(this.doc);
  }

  stageId(stage: StageRef): StageId {
    const found = typeof stage === 'number' ? this.doc.map.stages[stage] : this.doc.map.stages.find((s) => s.name === stage);
    if (!found) throw new Error(`no stage ${JSON.stringify(stage)}`);
    return found.id;
  }

  segmentId(name: string): SegmentId {
    return this.other('segment', name);
  }

  competitorId(name: string): CompetitorId {
    return this.other('competitor', name);
  }

  chainId(name: string): ChainId {
    return this.other('chain', name);
  }

  chain(name: string): Chain {
    const chain = this.doc.chains[this.chainId(name)];
    if (!chain) throw new Error(`chain ${JSON.stringify(name)} is not in the doc`);
    return chain;
  }

  /** Labels of a chain's steps, for readable expectations. */
  stepLabels(name: string): string[] {
    return this.chain(name).steps.map((id) => this.doc.topics[id]?.label ?? `<missing ${id}>`);
  }

  private other<Id extends SegmentId | CompetitorId | ChainId>(kind: string, name: string): Id {
    const id = this.otherIds.get(`${kind}:${name}`);
    if (id === undefined) throw new Error(`no ${kind} named ${JSON.stringify(name)} in this test`);
    // Kept under `kind:name`, so the id found is of that kind.
    return id as Id;
  }

  private ref(label: string | undefined): TopicId | undefined {
    return label === undefined ? undefined : this.id(label);
  }

  // ── the story's verbs ────────────────────────────────────────────────────
  addTouchpoint(label: string, options: { channel?: Channel; stage?: StageRef; after?: string } = {}): this {
    const id = this.nextId('t');
    this.apply((doc) =>
      addTouchpoint(doc, {
        id,
        label,
        channel: options.channel,
        stageId: options.stage === undefined ? undefined : this.stageId(options.stage),
        afterId: this.ref(options.after),
      }),
    );
    this.topicIds.set(label, id);
    return this;
  }

  addDetail(label: string, options: { under: string; after?: string }): this {
    const id = this.nextId('t');
    this.apply((doc) => addDetail(doc, { id, parentId: this.id(options.under), label, afterId: this.ref(options.after) }));
    this.topicIds.set(label, id);
    return this;
  }

  rename(label: string, next: string): this {
    const id = this.id(label);
    this.apply((doc) => renameTopic(doc, id, next));
    this.topicIds.set(next, id);
    return this;
  }

  set(labels: string | readonly string[], patch: Partial<TopicFields>): this {
    const ids = (typeof labels === 'string' ? [labels] : labels).map((label) => this.id(label));
    return this.apply((doc) => setTopicFields(doc, ids, patch));
  }

  /** Moves a topic under another (`'root'` = make it a touchpoint). */
  move(label: string, options: { under: string; index?: number }): this {
    const parentId = options.under === 'root' ? this.root.id : this.id(options.under);
    return this.apply((doc) => moveTopic(doc, this.id(label), { parentId, index: options.index }));
  }

  group(labels: readonly string[], target: { channel?: Channel | null; stage?: StageRef | null }): this {
    const ids = labels.map((label) => this.id(label));
    const stageId = target.stage === undefined ? undefined : target.stage === null ? null : this.stageId(target.stage);
    return this.apply((doc) => moveToGroup(doc, ids, { ...('channel' in target && { channel: target.channel }), ...(stageId !== undefined && { stageId }) }));
  }

  reorder(label: string, index: number): this {
    return this.apply((doc) => reorderTopic(doc, this.id(label), index));
  }

  delete(...labels: string[]): this {
    return this.apply((doc) => deleteTopics(doc, labels.map((label) => this.id(label))));
  }

  addStage(name: string, index?: number): this {
    const id = this.nextId('s');
    return this.apply((doc) => addStage(doc, { id, name, index }));
  }

  removeStage(stage: StageRef, moveTo: StageRef | null): this {
    const id = this.stageId(stage);
    const target = moveTo === null ? null : this.stageId(moveTo);
    return this.apply((doc) => removeStage(doc, id, target));
  }

  addSegment(name: string): this {
    const id = this.nextId('g');
    this.otherIds.set(`segment:${name}`, id);
    return this.apply((doc) => addSegment(doc, { id, name }));
  }

  addCompetitor(name: string): this {
    const id = this.nextId('c');
    this.otherIds.set(`competitor:${name}`, id);
    return this.apply((doc) => addCompetitor(doc, { id, name }));
  }

  /** Adds a chain walking the named touchpoints in order. */
  addChain(name: string, steps: readonly string[] = [], options: { segment?: string } = {}): this {
    const id = this.nextId('j');
    this.otherIds.set(`chain:${name}`, id);
    const segmentId = options.segment === undefined ? undefined : this.segmentId(options.segment);
    this.apply((doc) => addChain(doc, { id, name, segmentId }));
    for (const step of steps) this.apply((doc) => appendChainStep(doc, id, this.id(step)));
    return this;
  }

  /** Labels of the children of a topic (or of the root), in order. */
  childLabels(label?: string): string[] {
    const parentId = label === undefined ? this.root.id : this.id(label);
    return Object.values(this.doc.topics)
      .filter((topic) => topic.parentId === parentId)
      .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
      .map((topic) => topic.label);
  }

  stageNames(): string[] {
    return this.doc.map.stages.map((stage) => stage.name);
  }
}

export function driveCommands(options?: TestMapOptions): CommandDriver {
  return new CommandDriver(options);
}


/** Ids of the topics whose record is not the same object in both docs: what autosave would write. */
export function changedTopicIds(before: MapDoc, after: MapDoc): TopicId[] {
  const ids = new Set([...idsOf(before.topics), ...idsOf(after.topics)]);
  return [...ids].filter((id) => before.topics[id] !== after.topics[id]).sort();
}

/** Deep-freezes a doc so any mutation by a command throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
