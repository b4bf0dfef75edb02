/** What other parts of the app use of filtering and colouring: the bar, the legend, a node's look, and the filter's test. */
export { FilterBar } from './FilterBar';
export { Legend } from './Legend';
export { useNodeLook } from './useNodeLook';
export { isFilterEmpty, matchesFilter } from './topic-filter';
