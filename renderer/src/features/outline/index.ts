/** What other parts of the app use of the outline: the view itself (its keys' Help rows are in shared/operations.ts). */
export { OutlineView } from './OutlineView';
