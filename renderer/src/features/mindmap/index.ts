/** What other parts of the app use of the mind map: the canvas, its label editor and "Hide empty stages". */
export { MindMapView } from './MindMapView';
export { LabelEditor } from './LabelEditor';
export { EmptyStagesToggle } from './EmptyStagesToggle';
