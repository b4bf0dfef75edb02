/** What other parts of the app use of the outline: the view itself, and the rows its keys add to Help. */
export { OutlineView } from './OutlineView';
export { outlineKeyRows, type OutlineKeyRow } from './outline-key-help';
