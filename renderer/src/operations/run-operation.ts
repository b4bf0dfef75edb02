/**
 * How a feature's button runs an operation by name without importing app/: app/ composes the
 * features, so the registry that knows every operation's work (app/operations.ts) lives above
 * them and hands its runner down once at start (main.tsx). The features see only this slot; the
 * names are the table's (shared/operations.ts).
 */
import type { OperationName } from '@shared/operations';

type Runner = (name: OperationName) => boolean;

let runner: Runner | null = null;

/** Called once by the app's entry with the registry's `runOperation`. */
export function installOperationRunner(run: Runner): void {
  runner = run;
}

/**
 * Runs the operation `name` as its key or menu item would; false when it could not act now.
 * @example runOperation('edit.undo')
 */
export function runOperation(name: OperationName): boolean {
  if (runner === null) throw new Error(`Operation "${name}" asked for before the app installed its runner: call installOperationRunner(runOperation) in the entry (main.tsx) before rendering.`);
  return runner(name);
}
