/**
 * A feature's button runs an operation through the runner slot that the app's entry fills with
 * the registry's runOperation: the feature never imports app/.
 */
import { describe, expect, it } from 'vitest';
import type { OperationName } from '@shared/operations';
import { installOperationRunner, runOperation } from '../../../renderer/src/operations/run-operation';

describe('running an operation by name from a feature', () => {
  it('says plainly that the app has not installed its runner yet, naming the operation', () => {
    expect(() => runOperation('edit.undo')).toThrow(/"edit\.undo".*installOperationRunner/);
  });

  it('hands the name to the installed runner and returns its answer', () => {
    const asked: OperationName[] = [];
    installOperationRunner((name) => (asked.push(name), name === 'view.grid'));
    expect(runOperation('view.grid')).toBe(true);
    expect(runOperation('edit.find')).toBe(false);
    expect(asked).toEqual(['view.grid', 'edit.find']);
  });
});
