/**
 * The presenter's keys, as PowerPoint and Keynote have taught a room and as presentation clickers
 * send them: forward → · Page Down · Space; back ← · Page Up · Shift+Space; Home and End; B or .
 * blacks the screen out. Pure, so the table is tested without a browser.
 */
export type SlideKeyAction = 'next' | 'previous' | 'first' | 'last' | 'black';

/**
 * What a key does while presenting, or null for a key the presenter does not use.
 * @example slideKeyAction({ key: 'PageDown', shiftKey: false }) // 'next'
 */
export function slideKeyAction(event: { readonly key: string; readonly shiftKey: boolean; readonly ctrlKey?: boolean; readonly metaKey?: boolean; readonly altKey?: boolean }): SlideKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case 'Enter':
      return 'next';
    case ' ':
    case 'Spacebar':
      return event.shiftKey ? 'previous' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'b':
    case 'B':
    case '.':
      return 'black';
    default:
      return null;
  }
}
