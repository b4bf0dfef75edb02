/** What other parts of the app use of the grid: the stage × channel view. */
export { GridView } from './GridView';
