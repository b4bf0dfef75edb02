/** What other parts of the app use of the action plan: the view, and its print / PDF. */
export { ActionPlanView } from './ActionPlanView';
export { printActionPlan } from './print-action-plan';
