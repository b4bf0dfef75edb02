/**
 * How history treats a change, stated by whoever applies it (`runCommand(command, options)`):
 * - `step` (the default): one undo step of its own.
 * - `merge`: folded into the last undo step, so one undo goes back to before that step — only when
 *   that step was made by the same gesture (the same `mergeKey`) and the document is still the one
 *   it left (no other edit, undo or skipped change since); otherwise it is a step of its own.
 *   Typing "1" then "0" for 10, or naming a touchpoint just added, are one gesture each.
 * - `skip`: changes the document with no undo step, and no undo or redo takes it back (a remote
 *   participant's edit, a repair); the undo and redo stacks are left as they were, and a state undo
 *   or redo brings back is brought up to date with the skipped changes made since.
 * A step or a merge clears the redo stack, as any edit does; a skip leaves it.
 */
export type HistoryPolicy = 'step' | 'merge' | 'skip';

export type HistoryOptions =
  /** A step; `mergeKey` names the gesture, so a later `merge` with the same key can join it. */
  | { readonly history?: 'step'; readonly mergeKey?: string }
  | { readonly history: 'merge'; readonly mergeKey: string }
  | { readonly history: 'skip' };
