/** What other parts of the app use of presentation mode: whether it is on, the slides and their editor, and the fit of a map to the screen. */
export { usePresentStore, startPresentation, stopPresentation, togglePresentation, openSlideEditor } from './present-store';
export { PresentationHint } from './PresentationHint';
export { presentationViewport } from './presentation-fit';
