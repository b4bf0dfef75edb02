/**
 * The open map's document, and its undo history.
 *
 * Every change goes through `apply(command, policy)`: a pure command from shared/model turns the
 * doc into the next doc (or throws a CommandError and nothing changes). zundo keeps past docs;
 * since commands share untouched records by reference, a history entry costs only what changed.
 * UI state (selection, view, panels) lives in ui-store.ts and never enters history.
 *
 * The caller states how history treats each change (history-policy.ts): a new undo step, a change
 * folded into the last step of the same gesture, or a change no undo or redo ever takes back.
 */
import { create } from 'zustand';
import { temporal, type TemporalState } from 'zundo';
import type { MapDoc } from '@shared/model/types';
import { type HistoryOptions, type HistoryPolicy } from './history-policy';

/** Enough for a long workshop; each entry shares most records with its neighbours. */
export const UNDO_LIMIT = 500;

export interface DocumentState {
  readonly doc: MapDoc | null;
  /**
   * Run a pure command on the open doc, recorded as `options` says (one undo step by default).
   * Throws the command's error unchanged, and then nothing changes, history included.
   */
  apply(command: (doc: MapDoc) => MapDoc, options?: HistoryOptions): void;
  /** Open a doc (from storage or a template): history starts empty. */
  open(doc: MapDoc | null): void;
}

type Recorded = { doc: MapDoc | null };
type History = TemporalState<Recorded>;
/** What zundo hands `handleSet`: the state before the change, then the state after it. */
type RecordChange = (past: Recorded, replace: undefined, current: Recorded, delta?: Partial<Recorded> | null) => void;

/** The last undo step: the gesture that made it, and the doc it left. A merge needs both to match. */
let lastStep: { readonly mergeKey: string | undefined; readonly after: MapDoc } | null = null;
/**
 * The policy of the change being set right now, read by `recordChange`. zundo calls `handleSet`
 * synchronously inside `set`, so this is only ever read for the change that set it.
 */
let recording: HistoryPolicy = 'step';

/** The policy a change from `doc` gets: a merge the last step cannot take becomes a step. */
function policyOf(doc: MapDoc, options: HistoryOptions): HistoryPolicy {
  if (options.history !== 'merge') return options.history ?? 'step';
  const sameGesture = lastStep !== null && lastStep.mergeKey === options.mergeKey && lastStep.after === doc;
  return sameGesture && history().pastStates.length > 0 ? 'merge' : 'step';
}

const history = (): History => useDocumentStore.temporal.getState();
const setHistory = (patch: Partial<History>) => useDocumentStore.temporal.setState(patch);

/**
 * Where zundo records a change (its `handleSet` middleware). Why here and not pause()/resume()
 * around the set, or undo-then-redo: the policy is decided for one change and read where that
 * change is recorded — no global "paused" switch that an exception could leave on, and no
 * undo whose redo entry then has to be cleaned up.
 * - step: zundo's own recorder — pushes the state before, clears redo.
 * - skip: records nothing; both stacks stay as they were (catchUp keeps the change through undo and redo).
 * - merge: pushes nothing, so the last step's "before" now leads to this change's "after"; redo is
 *   cleared as any new edit clears it. If the change took the doc back to the state that step began
 *   from, the step is dropped: a step that changes nothing is no step (as zundo never records one).
 */
const recordChange =
  (record: RecordChange): RecordChange =>
  (past, replace, current, delta) => {
    if (recording === 'step') return record(past, replace, current, delta);
    if (recording === 'skip') return;
    const pastStates = history().pastStates;
    const emptied = pastStates.at(-1)?.doc === current.doc;
    setHistory({ pastStates: emptied ? pastStates.slice(0, -1) : pastStates, futureStates: [] });
    if (emptied) lastStep = null;
  };

/**
 * Changes no one may undo (`skip`), in the order they were made, and how many of them each doc
 * already holds. The undo and redo stacks are left as they were: a state that undo or redo brings
 * back is brought up to date with the skipped changes made since it was current (`catchUp`).
 * Why not rewrite every stacked state at once: that runs the command up to UNDO_LIMIT times
 * (seconds on a 5,000-topic map); catching up runs it only on the state the user goes back to.
 */
let skipped: Array<(doc: MapDoc) => MapDoc> = [];
/** The number of skipped changes that fell out of `skipped` (every state left holds them). */
let skippedBefore = 0;
let skipsIn = new WeakMap<MapDoc, number>();
const skipsMade = () => skippedBefore + skipped.length;
/** A doc no change made (the one opened) holds none of the skipped changes. */
const skipsOf = (doc: MapDoc) => skipsIn.get(doc) ?? 0;

/** Brings the doc undo or redo just restored up to date with the skipped changes made since it was current. */
function catchUp(): void {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return;
  const missing = skipped.slice(Math.max(0, skipsOf(doc) - skippedBefore));
  // a change that cannot apply to this older state (the topic it touches is not there) is left out
  const next = missing.reduce((acc, command) => {
    try {
      return command(acc);
    } catch {
      return acc;
    }
  }, doc);
  skipsIn.set(next, skipsMade());
  if (next === doc) return;
  recording = 'skip';
  try {
    useDocumentStore.setState({ doc: next });
  } finally {
    recording = 'step';
  }
}

/** Lets go of skipped changes that every state in the stacks already holds. */
function forgetHeldSkips(): void {
  if (skipped.length === 0) return;
  const { pastStates, futureStates } = history();
  const held = [...pastStates, ...futureStates].reduce((least, state) => Math.min(least, state.doc ? skipsOf(state.doc) : Infinity), skipsMade());
  if (held <= skippedBefore) return;
  skipped = skipped.slice(held - skippedBefore);
  skippedBefore = held;
}

export const useDocumentStore = create<DocumentState>()(
  temporal(
    (set, get) => ({
      doc: null,
      apply(command, options = {}) {
        const doc = get().doc;
        if (!doc) return;
        const next = command(doc);
        if (next === doc) return;
        recording = policyOf(doc, options);
        if (recording === 'skip') skipped.push(command);
        else lastStep = { mergeKey: 'mergeKey' in options ? options.mergeKey : undefined, after: next };
        skipsIn.set(next, skipsMade());
        try {
          set({ doc: next });
        } finally {
          recording = 'step';
        }
        forgetHeldSkips();
      },
      open(doc) {
        set({ doc });
        lastStep = null;
        [skipped, skippedBefore, skipsIn] = [[], 0, new WeakMap()];
        useDocumentStore.temporal.getState().clear();
      },
    }),
    {
      partialize: (state): Recorded => ({ doc: state.doc }),
      equality: (a, b) => a.doc === b.doc,
      limit: UNDO_LIMIT,
      // zundo types the recorder it passes as zustand's setState; it is called as (past, replace, current, delta)
      handleSet: (record) => recordChange(record as unknown as RecordChange) as never,
      // undo and redo restore a stacked state, then bring it up to date with the skipped changes
      wrapTemporal: (init) => (set, get, store) => {
        const temporalState = init(set, get, store);
        return {
          ...temporalState,
          undo: (steps) => {
            temporalState.undo(steps);
            catchUp();
          },
          redo: (steps) => {
            temporalState.redo(steps);
            catchUp();
          },
        };
      },
    },
  ),
);

export const documentHistory = {
  undo: () => useDocumentStore.temporal.getState().undo(),
  redo: () => useDocumentStore.temporal.getState().redo(),
  canUndo: () => useDocumentStore.temporal.getState().pastStates.length > 0,
  canRedo: () => useDocumentStore.temporal.getState().futureStates.length > 0,
};

/** The doc of the open map; throws when none is open (only called from the editor). */
export function currentDoc(): MapDoc {
  const doc = useDocumentStore.getState().doc;
  if (!doc) throw new Error('No map is open.');
  return doc;
}
