/** What other parts of the app use of the inspector: the panel of the selected touchpoint. */
export { Inspector } from './Inspector';
