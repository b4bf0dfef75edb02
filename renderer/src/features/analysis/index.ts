/** What other parts of the app use of the analysis: the view, and the side panel's compact version. */
export { AnalysisView, AnalysisPanel } from './AnalysisView';
