/**
 * A feature's button runs an app action through the runner slot that the app's entry fills with
 * the registry's executeAction: the feature never imports app/.
 */
import { describe, expect, it } from 'vitest';
import { installActionRunner, runAction } from '../../../renderer/src/commands-runtime/run-action';
import type { ActionName } from '../../../renderer/src/commands-runtime/action-names';

describe('running an action by name from a feature', () => {
  it('says plainly that the app has not installed its runner yet, naming the action', () => {
    expect(() => runAction('edit.undo')).toThrow(/"edit\.undo".*installActionRunner/);
  });

  it('hands the name to the installed runner and returns its answer', () => {
    const asked: ActionName[] = [];
    installActionRunner((name) => (asked.push(name), name === 'view.grid'));
    expect(runAction('view.grid')).toBe(true);
    expect(runAction('edit.find')).toBe(false);
    expect(asked).toEqual(['view.grid', 'edit.find']);
  });
});
