/** What other parts of the app use of the outline: the rows its keys add to Help. */
export { outlineKeyRows, type OutlineKeyRow } from './outline-key-help';
