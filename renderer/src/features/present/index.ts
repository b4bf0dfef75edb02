/** What other parts of the app use of presentation mode: whether it is on, the slides and their editor. */
export { usePresentStore, startPresentation, stopPresentation, togglePresentation, openSlideEditor } from './present-store';
export { PresentationHint } from './PresentationHint';
