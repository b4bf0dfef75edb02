/** What other parts of the app use of the chains: the side panel, the chain links and badges on the canvas and the grid, and the weak-link marker. */
export { SidePanel } from './SidePanel';
export { AddStepsBanner } from './AddStepsBanner';
export { AddToChainHost } from './AddToChain';
export { useChainUiStore } from './chain-ui-store';
export { CHAIN_EDGE_TYPES, ChainMarkers, chainMarkerId, useChainEdges, useIsWeakLink } from './ChainEdge';
export { ChainBadgeMark } from './ChainBadgeMark';
export { pickStep } from './chain-operations';
export { chainLinks, chainStepIds } from './chain-model';
