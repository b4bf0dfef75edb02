/**
 * The starter maps of DOMAIN.md §6, offered by the "new map" dialog next to the blank presets.
 * Each is a spec (data, one file per template) built into a MapDoc by the model's own commands.
 */
import type { MapDoc } from '../model/types';
import { buildFromSpec, type BuildOptions, type TemplateId, type TemplateSpec } from './builder';
import { CLINIC } from './clinic';
import { COFFEE_SHOP } from './coffee-shop';
import { FREELANCER_B2B } from './freelancer-b2b';
import { ONLINE_STORE } from './online-store';

export type { BuildOptions, Localised, TemplateId, TemplateSpec } from './builder';
export { CLINIC_CHAIN_KEYS } from './clinic';

/** In the order the dialog lists them. */
export const TEMPLATES: readonly TemplateSpec[] = [COFFEE_SHOP, CLINIC, ONLINE_STORE, FREELANCER_B2B];

export const TEMPLATE_IDS: readonly TemplateId[] = TEMPLATES.map((template) => template.id);

/** The template with this id; throws for an unknown id, which only a bug can pass. */
export function templateSpec(templateId: TemplateId): TemplateSpec {
  const spec = TEMPLATES.find((template) => template.id === templateId);
  if (!spec) throw new Error(`Unknown template ${JSON.stringify(templateId)}; one of ${TEMPLATE_IDS.join(', ')}.`);
  return spec;
}

/**
 * A complete, realistic map from a template, in the map's language: stages, segments,
 * competitors, rated touchpoints with details and improvement actions, and chains.
 * @example buildTemplate('clinic', { locale: 'ko', newId, now: new Date().toISOString() })
 */
export function buildTemplate(templateId: TemplateId, options: BuildOptions): MapDoc {
  return buildFromSpec(templateSpec(templateId), options);
}
