/**
 * How a feature's button runs an app action by name without importing app/: app/ composes the
 * features, so the registry that knows every action's work lives above them and hands its runner
 * down once at start (main.tsx). The features see only this slot and the names.
 */
import type { ActionName } from './action-names';

type Runner = (name: ActionName) => boolean;

let runner: Runner | null = null;

/** Called once by the app's entry with the registry's `executeAction`. */
export function installActionRunner(run: Runner): void {
  runner = run;
}

/**
 * Runs the action `name` as its key or menu item would; false when it could not act now.
 * @example runAction('edit.undo')
 */
export function runAction(name: ActionName): boolean {
  if (runner === null) throw new Error(`Action "${name}" asked for before the app installed its action runner: call installActionRunner(executeAction) in the entry (main.tsx) before rendering.`);
  return runner(name);
}
