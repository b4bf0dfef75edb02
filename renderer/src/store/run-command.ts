/**
 * Runs a command on the open map and turns a refusal into a message for the user instead of
 * an exception: the document stays as it was, and the notice names the field and the problem.
 * `options` states how history records the change (history-policy.ts); one undo step by default.
 */
import type { MapDoc } from '@shared/model/types';
import { useDocumentStore } from './document-store';
import type { HistoryOptions } from './history-policy';
import { useUiStore } from './ui-store';

export type { HistoryOptions, HistoryPolicy } from './history-policy';

export function runCommand(command: (doc: MapDoc) => MapDoc, options?: HistoryOptions): boolean {
  try {
    useDocumentStore.getState().apply(command, options);
    return true;
  } catch (error) {
    useUiStore.getState().notify('error', (error as Error).message);
    return false;
  }
}
