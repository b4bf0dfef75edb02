/**
 * The chains' verbs for the operations registry, the Chains panel, the map and the grid. Each
 * document change is one command through `runCommand` (one undo step; a refusal becomes a
 * notice naming the problem).
 */
import { addChain, appendChainStep, deleteChain, moveChainStep, removeChainStep, renameChain } from '@shared/model/commands';
import { newId } from '@shared/model/ids';
import { isTopicIdOf, touchpointOf } from '@shared/model/selectors';
import type { ChainId, SegmentId } from '@shared/model/types';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { runCommand } from '../../store/run-command';
import { t } from '../../i18n';
import { useChainUiStore } from './chain-ui-store';

/** Shows the Chains tab in the right-hand column, opening the column if it was closed. */
export function showChainsPanel(): void {
  if (!useUiStore.getState().inspectorOpen) useUiStore.getState().toggleInspector();
  useChainUiStore.getState().setTab('chains');
}

/** The toolbar's Chains button: opens the Chains tab, or goes back to the inspector from it. */
export function toggleChainsPanel(): boolean {
  const open = useUiStore.getState().inspectorOpen && useChainUiStore.getState().tab === 'chains';
  if (open) useChainUiStore.getState().setTab('inspector');
  else showChainsPanel();
  return true;
}

/**
 * Creates a chain and turns "Add steps" on for it, so the next clicks on touchpoints walk it.
 * Returns the new chain's id, or undefined when the command refused (the notice says why).
 */
export function createChain(name: string, segmentId?: SegmentId): ChainId | undefined {
  const id = newId('j');
  if (!runCommand((doc) => addChain(doc, { id, name, segmentId }))) return undefined;
  showChainsPanel();
  useChainUiStore.getState().setPicking(id);
  return id;
}

/** Starts or ends "Add steps" for a chain. */
export function togglePicking(chainId: ChainId): void {
  const ui = useChainUiStore.getState();
  ui.setPicking(ui.picking === chainId ? null : chainId);
}

/** Ends "Add steps" mode; false when it was not on (so Esc can do its usual thing). */
export function stopPicking(): boolean {
  if (useChainUiStore.getState().picking === null) return false;
  useChainUiStore.getState().setPicking(null);
  return true;
}

/**
 * A click on a node of the map or a card of the grid while "Add steps" is on: appends the
 * touchpoint (a detail's touchpoint, for a click on a detail) to the chain. Returns true when
 * the click was taken as a step, so the caller knows the mode is on.
 */
export function pickStep(nodeId: string): boolean {
  const chainId = useChainUiStore.getState().picking;
  const doc = useDocumentStore.getState().doc;
  if (chainId === null || !doc) return false;
  if (!Object.hasOwn(doc.chains, chainId)) {
    // the chain went away (undo, delete): the mode ends with it
    useChainUiStore.getState().setPicking(null);
    return false;
  }
  const touchpoint = isTopicIdOf(doc, nodeId) && touchpointOf(doc, nodeId);
  if (!touchpoint) {
    useUiStore.getState().notify('info', t('chains.pickTouchpoint'));
    return true;
  }
  runCommand((d) => appendChainStep(d, chainId, touchpoint.id));
  return true;
}

export const renameChainTo = (chainId: ChainId, name: string): boolean => runCommand((doc) => renameChain(doc, chainId, name));

export function removeChain(chainId: ChainId): boolean {
  if (useChainUiStore.getState().picking === chainId) useChainUiStore.getState().setPicking(null);
  return runCommand((doc) => deleteChain(doc, chainId));
}

/** Moves a step one place up (-1) or down (+1); false at either end. */
export function shiftStep(chainId: ChainId, index: number, by: -1 | 1): boolean {
  const chain = useDocumentStore.getState().doc?.chains[chainId];
  const to = index + by;
  if (!chain || to < 0 || to >= chain.steps.length) return false;
  return runCommand((doc) => moveChainStep(doc, chainId, index, to));
}

export const removeStep = (chainId: ChainId, index: number): boolean => runCommand((doc) => removeChainStep(doc, chainId, index));
