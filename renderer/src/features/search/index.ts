/** What other parts of the app use of search: the bar over every view, and the highlighting of a hit. */
export { SearchBar } from './SearchBar';
export { highlightRanges } from './search-text';
