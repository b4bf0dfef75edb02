/**
 * Name checks for the map's stages, segments and competitors, made before a command runs, so the
 * user reads what is wrong in words of the dialog ("There is already a stage “Purchase”.") rather
 * than a field path. Two stages of the same name would make every view ambiguous, so duplicates
 * are refused here although the model would take them.
 */
import { t } from '../../i18n';

export type ListKind = 'stage' | 'segment' | 'competitor';

/** Why a name cannot be used, or null when it can. `exceptId` is the entry being renamed. */
export function nameProblem(kind: ListKind, name: string, list: readonly { readonly id: string; readonly name: string }[], exceptId?: string): string | null {
  const clean = name.trim();
  if (clean === '') return t(`settings.${kind}.empty`);
  const taken = list.some((entry) => entry.id !== exceptId && entry.name.trim().toLocaleLowerCase() === clean.toLocaleLowerCase());
  return taken ? t(`settings.${kind}.taken`, { name: clean }) : null;
}
