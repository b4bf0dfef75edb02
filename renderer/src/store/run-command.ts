/**
 * Runs a command on the open map and turns a refusal into a message for the user instead of
 * an exception: the document stays as it was, and the notice names the field and the problem.
 */
import type { MapDoc } from '@shared/model/types';
import { useDocumentStore } from './document-store';
import { useUiStore } from './ui-store';

export function runCommand(command: (doc: MapDoc) => MapDoc): boolean {
  try {
    useDocumentStore.getState().apply(command);
    return true;
  } catch (error) {
    useUiStore.getState().notify('error', (error as Error).message);
    return false;
  }
}
