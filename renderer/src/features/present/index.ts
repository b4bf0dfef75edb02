/** What other parts of the app use of presentation mode: whether it is on, its hint, and the fit of a map to the screen. */
export { usePresentStore, startPresentation, stopPresentation, togglePresentation } from './present-store';
export { PresentationHint } from './PresentationHint';
export { presentationViewport } from './presentation-fit';
