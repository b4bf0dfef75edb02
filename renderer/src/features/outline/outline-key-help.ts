/**
 * The outline's keys as Help ▸ Keyboard shortcuts lists them: they act only in the outline (its
 * grid has the focus), so they are not actions of the registry, but they are written down next to
 * the rules they describe (outline-keys.ts) so the two are changed together.
 */
import { t } from '../../i18n';

/** A chord as the registry spells one (see commands-runtime/action-names.ts `KeyChord`). */
interface Chord {
  readonly key: string;
  readonly mod?: boolean;
  readonly shift?: boolean;
}

export interface OutlineKeyRow {
  readonly label: string;
  readonly keys: readonly Chord[];
  /** Keys that are a range, not a chord ("0–9"). */
  readonly text?: readonly string[];
}

export const outlineKeyRows = (): readonly OutlineKeyRow[] => [
  { label: t('help.outline.nextCell'), keys: [{ key: 'Tab' }] },
  { label: t('help.outline.previousCell'), keys: [{ key: 'Tab', shift: true }] },
  { label: t('help.outline.rowEnds'), keys: [{ key: 'Home' }, { key: 'End' }] },
  { label: t('help.outline.firstCell'), keys: [{ key: 'Home', mod: true }] },
  { label: t('help.outline.lastCell'), keys: [{ key: 'End', mod: true }] },
  { label: t('help.outline.rate'), keys: [], text: ['0–9'] },
  { label: t('help.outline.edit'), keys: [{ key: 'Enter' }, { key: 'F2' }], text: ['A–Z'] },
];
