/**
 * The editor driver for unit tests: opens a map in the real zustand document store and changes it
 * the way the app does — every edit is a model command run through `runCommand` (a refusal
 * becomes the user's notice, the map stays as it was), Undo and Redo are the store's history.
 *
 *   const editor = openEditor(mapDoc('Clinic', { preset: 'customer-journey' }).build());
 *   editor.addTouchpoint('Website', { channel: 'online', stage: 'Awareness' }).rate(8).undo();
 *   expect(editor.topic('Website').score).toBeUndefined();
 *   expect(editor.undoSteps).toBe(1);
 *
 * Topics are named by their label in the open map; the verbs act on the topic added or selected
 * last. New topics get ids from their label (`t-website`), so failures read like the map.
 */
import { expect } from 'vitest';
import { addDetail, addTouchpoint, renameTopic, setTopicFields } from '@shared/model/commands';
import type { Channel, MapDoc, SegmentId, StageId, Topic, TopicFields, TopicId } from '@shared/model/types';
import { documentHistory, useDocumentStore } from '../../renderer/src/store/document-store';
import { useUiStore, type UiState } from '../../renderer/src/store/ui-store';
import { runCommand } from '../../renderer/src/store/run-command';
import { slugOf } from './map-doc';
import { asId } from './ids';

export class Editor {
  /** The topic the verbs act on: the one added or selected last. */
  private focus: TopicId | null = null;

  /** The open map as the store holds it now. */
  get doc(): MapDoc {
    const doc = useDocumentStore.getState().doc;
    if (!doc) throw new Error('editor: no map is open');
    return doc;
  }

  /** Steps Undo can take back. */
  get undoSteps(): number {
    return useDocumentStore.temporal.getState().pastStates.length;
  }

  get canRedo(): boolean {
    return documentHistory.canRedo();
  }

  /** The message the user sees, if any. */
  get notice(): UiState['notice'] {
    return useUiStore.getState().notice;
  }

  get selected(): readonly string[] {
    return useUiStore.getState().selected;
  }

  /** The topic whose label is open for typing, if any. */
  get editing(): UiState['editing'] {
    return useUiStore.getState().editing;
  }

  // ── names → records, in the open map ─────────────────────────────────────
  id(label: string): TopicId {
    const found = Object.values(this.doc.topics).filter((topic) => topic.label === label);
    if (found.length === 0) throw new Error(`editor: no topic labelled ${JSON.stringify(label)} in the open map`);
    if (found.length > 1) throw new Error(`editor: ${found.length} topics are labelled ${JSON.stringify(label)}`);
    return found[0]!.id;
  }

  topic(label: string): Topic {
    return this.doc.topics[this.id(label)]!;
  }

  has(label: string): boolean {
    return Object.values(this.doc.topics).some((topic) => topic.label === label);
  }

  stageId(name: string): StageId {
    const stage = this.doc.map.stages.find((s) => s.name === name);
    if (!stage) throw new Error(`editor: no stage named ${JSON.stringify(name)}`);
    return stage.id;
  }

  segmentId(name: string): SegmentId {
    const segment = this.doc.map.segments.find((s) => s.name === name);
    if (!segment) throw new Error(`editor: no segment named ${JSON.stringify(name)}`);
    return segment.id;
  }

  /** Labels of a topic's children (default: the touchpoints), in map order. */
  labels(parent?: string): string[] {
    const parentId = parent === undefined ? Object.values(this.doc.topics).find((t) => t.parentId === null)!.id : this.id(parent);
    return Object.values(this.doc.topics)
      .filter((topic) => topic.parentId === parentId)
      .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
      .map((topic) => topic.label);
  }

  // ── the user's verbs ─────────────────────────────────────────────────────
  /** Runs any command as the app does; false when the map refused it (see `notice`). */
  run(command: (doc: MapDoc) => MapDoc): boolean {
    return runCommand(command);
  }

  /** Selects topics by label (the last one is the one the verbs act on). */
  select(...labels: string[]): this {
    const ids = labels.map((label) => this.id(label));
    useUiStore.getState().select(ids);
    this.focus = ids.at(-1) ?? null;
    return this;
  }

  addTouchpoint(label: string, options: { channel?: Channel; stage?: string; after?: string } = {}): this {
    const id = this.newId(label);
    const stageId = options.stage === undefined ? undefined : this.stageId(options.stage);
    const afterId = options.after === undefined ? undefined : this.id(options.after);
    if (this.run((doc) => addTouchpoint(doc, { id, label, channel: options.channel, stageId, afterId }))) this.focus = id;
    return this;
  }

  /** Adds a detail under the named topic (default: the one in focus). */
  addDetail(label: string, options: { under?: string } = {}): this {
    const id = this.newId(label);
    const parentId = options.under === undefined ? this.focused() : this.id(options.under);
    if (this.run((doc) => addDetail(doc, { id, parentId, label }))) this.focus = id;
    return this;
  }

  /** Our score, 0–10, of the topic in focus. */
  rate(score: number): this {
    return this.set({ score });
  }

  set(fields: Partial<TopicFields>): this {
    const id = this.focused();
    this.run((doc) => setTopicFields(doc, [id], fields));
    return this;
  }

  rename(label: string): this {
    const id = this.focused();
    this.run((doc) => renameTopic(doc, id, label));
    return this;
  }

  undo(): this {
    documentHistory.undo();
    return this;
  }

  redo(): this {
    documentHistory.redo();
    return this;
  }

  // ── assertions ───────────────────────────────────────────────────────────
  /** The last edit was refused: the user saw this error, and the map is the one before it. */
  expectRefused(message: string | RegExp, before: MapDoc): this {
    expect(this.notice?.kind).toBe('error');
    expect(this.notice?.text).toMatch(message);
    expect(this.doc).toBe(before);
    return this;
  }

  private focused(): TopicId {
    if (this.focus === null || !this.doc.topics[this.focus]) throw new Error('editor: no topic in focus; add or select one first');
    return this.focus;
  }

  private newId(label: string): TopicId {
    const base = `t-${slugOf(label)}`;
    let id = asId.topic(base);
    for (let n = 2; this.doc.topics[id]; n += 1) id = asId.topic(`${base}-${n}`);
    return id;
  }
}

/**
 * Opens a map in the store as the library does (history starts empty) and clears what the last
 * test left in the UI: selection, label editing, notice. `ui` sets anything else (e.g. the view).
 */
export function openEditor(doc: MapDoc, ui: Partial<Pick<UiState, 'selected' | 'editing' | 'view' | 'notice'>> = {}): Editor {
  useDocumentStore.getState().open(doc);
  useUiStore.setState({ selected: [], editing: null, notice: null, ...ui });
  return new Editor();
}
