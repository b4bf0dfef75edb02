/**
 * Help ▸ Keyboard shortcuts: every operation with a key, then the keys the views answer
 * themselves (the outline's cells, the label editor) — both from the operations table, so Help
 * never drifts from what the keys do.
 */
import { VIEW_KEYS } from '@shared/operations';
import { t, type MessageKey } from '../i18n';
import type { ShortcutRow } from '../features/help/HelpDialogs';
import { OPERATIONS } from './operations';

export const shortcutRows = (): readonly ShortcutRow[] => [
  ...OPERATIONS.filter((operation) => operation.keys.length > 0).map((operation) => ({ label: operation.label, keys: operation.keys })),
  ...VIEW_KEYS.map((row) => ({ label: t(row.label satisfies MessageKey), keys: row.keys, ...('text' in row ? { text: row.text } : {}) })),
];
