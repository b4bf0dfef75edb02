/**
 * Copy, cut and paste of touchpoints through the system clipboard (Ctrl/Cmd+C, X, V, and the
 * native Edit menu). The work happens in the document's `copy` / `cut` / `paste` events, the only
 * place a page can write several formats at once and read the clipboard without a permission
 * prompt; the keyboard operations just trigger those events. Keys typed into a field keep their
 * ordinary text behaviour.
 */
import { useEffect } from 'react';
import { deleteTopics } from '@shared/model/commands';
import { newId } from '@shared/model/ids';
import { isTopicIdOf, touchpointOf } from '@shared/model/selectors';
import type { MapDoc } from '@shared/model/types';
import { useDocumentStore } from '../../store/document-store';
import { selectPrimary, useUiStore } from '../../store/ui-store';
import { runCommand } from '../../store/run-command';
import { parseGroupId } from '../../drawing/projection';
import { TOUCHMAP_MIME, copiedTopics, makePayload, readPayload } from './clipboard-payload';
import { formatOutlineText, parseOutlineText } from './outline-text';
import { pasteTopics, type ClipboardTopic, type PasteOptions, type PasteSource } from './paste-topics';

function isTyping(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

/** Writes the selected topics to the clipboard event; false when nothing copyable is selected. */
function writeSelection(data: DataTransfer, cut: boolean): boolean {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return false;
  const topics = copiedTopics(doc, useUiStore.getState().selected);
  if (topics.length === 0) return false;
  const payload = makePayload(doc, topics);
  data.setData(TOUCHMAP_MIME, JSON.stringify(payload));
  data.setData('text/plain', formatOutlineText(payload.topics));
  if (cut) {
    const ids = topics.map((topic) => topic.id);
    if (runCommand((d) => deleteTopics(d, ids))) useUiStore.getState().select([]);
  }
  return true;
}

/** Where a paste goes: the selected group, the group of the selected topic, or (keep / unsorted). */
function pasteTarget(doc: MapDoc): PasteOptions['target'] {
  const selected = selectPrimary(useUiStore.getState());
  if (!selected) return {};
  const group = parseGroupId(selected);
  if (group) return group;
  const touchpoint = isTopicIdOf(doc, selected) ? touchpointOf(doc, selected) : undefined;
  return touchpoint ? { channel: touchpoint.channel ?? null, stageId: touchpoint.stageId ?? null } : {};
}

/**
 * Pastes the clipboard's touchpoints — the app's JSON if present, else the plain text as an
 * indented list — as one undo step, and selects them. False when there was nothing to paste.
 */
export function pasteClipboard(data: Pick<DataTransfer, 'getData'>): boolean {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return false;
  const text = data.getData('text/plain');
  // Some clipboards keep only text; the app's JSON pasted as text is still recognised.
  const payload = readPayload(data.getData(TOUCHMAP_MIME)) ?? readPayload(text);
  const entries: readonly ClipboardTopic[] = payload ? payload.topics : parseOutlineText(text);
  if (entries.length === 0) return false;
  const source: PasteSource | undefined = payload ?? undefined;
  let pasted: readonly string[] = [];
  const ok = runCommand((d) => {
    const result = pasteTopics(d, entries, { target: pasteTarget(d), source, newId: () => newId('t') });
    pasted = result.touchpointIds;
    return result.doc;
  });
  if (ok) useUiStore.getState().select(pasted);
  return true;
}

/**
 * Ctrl/Cmd+C / X / V from the operations registry: asks the browser to fire its clipboard event (which
 * the listeners below answer). Paste cannot be triggered from a page, so it returns false and the
 * key's own paste goes ahead — to the same listener.
 */
export function clipboardCommand(command: 'copy' | 'cut' | 'paste'): boolean {
  if (command === 'paste' || isTyping(document.activeElement)) return false;
  // execCommand is the one synchronous way to raise a trusted copy event with several formats.
  return document.execCommand(command);
}

/** Installs the editor's copy / cut / paste listeners while a map is open. */
export function useClipboard(): void {
  useEffect(() => {
    const onCopy = (cut: boolean) => (event: ClipboardEvent) => {
      if (isTyping(document.activeElement) || !event.clipboardData) return;
      if (writeSelection(event.clipboardData, cut)) event.preventDefault();
    };
    const copy = onCopy(false);
    const cut = onCopy(true);
    const paste = (event: ClipboardEvent) => {
      if (isTyping(document.activeElement) || !event.clipboardData) return;
      if (pasteClipboard(event.clipboardData)) event.preventDefault();
    };
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', paste);
    return () => {
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', paste);
    };
  }, []);
}
