/**
 * "Add to chain…": the keyboard's way to walk a chain. Select touchpoints (in the order a customer
 * meets them), then the command — from its key, the operations registry or a node's context menu —
 * opens a small chooser of the map's chains and "New chain"; the choice appends the selection as
 * the chain's next steps in one undo step. The chooser and the context menu are UI state only.
 */
import { addChain, appendChainStep } from '@shared/model/commands';
import { newId } from '@shared/model/ids';
import { isTopicIdOf, touchpointOf } from '@shared/model/selectors';
import type { ChainId, MapDoc, TopicId } from '@shared/model/types';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { runCommand } from '../../store/run-command';
import { t } from '../../i18n';
import { showChainsPanel } from './chain-operations';
import { useAddToChainStore } from './add-to-chain-store';

/**
 * The touchpoints a selection adds to a chain, in the order they were selected: a detail stands for
 * its touchpoint (as a click in "Add steps" mode), groups and the business are not steps, and a
 * touchpoint selected twice (itself and its detail) is added once.
 * @example touchpointSteps(doc, ['group:online', 't-ad', 't-site-form']) // ['t-ad', 't-site']
 */
export function touchpointSteps(doc: MapDoc, selected: readonly string[]): TopicId[] {
  const steps: TopicId[] = [];
  for (const id of selected) {
    const touchpoint = isTopicIdOf(doc, id) && touchpointOf(doc, id);
    if (touchpoint && !steps.includes(touchpoint.id)) steps.push(touchpoint.id);
  }
  return steps;
}

/** Where the steps go: a chain of the map, or a new chain of that name. */
export type ChainTarget = { readonly chainId: ChainId } | { readonly newChain: string; readonly id: ChainId };

/**
 * Appends `steps` to the target chain (creating it first for a new chain): one document change.
 * Throws the commands' error for a bad name or a step that is not a touchpoint.
 * @example addStepsToChain(doc, { chainId: 'j-first' }, ['t-ad', 't-site'])
 */
export function addStepsToChain(doc: MapDoc, target: ChainTarget, steps: readonly TopicId[]): MapDoc {
  const chainId = 'chainId' in target ? target.chainId : target.id;
  const start = 'chainId' in target ? doc : addChain(doc, { id: target.id, name: target.newChain });
  return steps.reduce((acc, step) => appendChainStep(acc, chainId, step), start);
}

/**
 * The command: opens the chooser for the selected touchpoints. With none selected it says what to
 * select instead, and returns false so the key does nothing else.
 */
export function addSelectionToChain(): boolean {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return false;
  const steps = touchpointSteps(doc, useUiStore.getState().selected);
  if (steps.length === 0) {
    useUiStore.getState().notify('info', t('chains.addToChainNothing'));
    return false;
  }
  useAddToChainStore.getState().openChooser(steps);
  return true;
}

/** The chooser's choice: adds the steps (one undo step), closes, and shows the chain in the Chains tab. */
export function chooseChain(target: { readonly chainId: ChainId } | { readonly newChain: string }): boolean {
  const steps = useAddToChainStore.getState().steps;
  if (!steps) return false;
  const full: ChainTarget = 'chainId' in target ? target : { newChain: target.newChain, id: newId('j') };
  if (!runCommand((doc) => addStepsToChain(doc, full, steps))) return false;
  useAddToChainStore.getState().close();
  showChainsPanel();
  return true;
}
