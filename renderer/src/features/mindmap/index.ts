/** What other parts of the app use of the mind map: the canvas, its label editor and "Hide empty stages", and the fit while presenting. */
export { MindMapView } from './MindMapView';
export { LabelEditor } from './LabelEditor';
export { EmptyStagesToggle } from './EmptyStagesToggle';
export { usePresentationFit } from './usePresentationFit';
