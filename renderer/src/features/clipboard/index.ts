/** What other parts of the app use of the clipboard: copy, cut and paste of touchpoints while a map is open. */
export { useClipboard } from './clipboard-operations';
