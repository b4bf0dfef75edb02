/** What other parts of the app use of the inspector: the panel of the selected touchpoint. */
export { Inspector } from './Inspector';
/** One part of an improvement action set on topics, the other parts kept (the action plan's edits use it too). */
export { setActionPart, type ActionPart } from './edits';
