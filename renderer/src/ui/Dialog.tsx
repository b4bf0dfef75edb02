/**
 * A modal dialog: focus moves into it, Esc cancels, Enter in a field submits (forms), and
 * focus returns where it was on close. Built on <dialog> so the browser traps focus. In a short
 * window the body scrolls and the title and the buttons stay in view.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly onCancel: () => void;
  /** With onSubmit the body is a form: Enter submits. */
  readonly onSubmit?: () => void;
  readonly actions: ReactNode;
}

/**
 * Whether the body scrolls: a body that does and holds nothing focusable (the shortcuts table) is
 * reached with Tab, so the arrow keys and Page Up / Down scroll it without a mouse.
 */
function useScrolls(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(element.scrollHeight > element.clientHeight + 1);
    const observer = new ResizeObserver(check);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    check();
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}

/** The dialog's Tab stops in order: visible, enabled, and of a radio group only the checked radio. */
function tabStops(dialog: HTMLElement): HTMLElement[] {
  return Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.getClientRects().length > 0 && !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked && el.name !== '' && dialog.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"]:checked`)),
  );
}

/**
 * Tab past the last control comes back to the first, Shift+Tab past the first to the last: a modal
 * <dialog> makes the page behind it inert, but the browser still lets Tab leave for its own toolbar
 * (and in Electron there is none to come back from). The browser moves focus first; if it left the
 * dialog, it is put back at the other end.
 */
function wrapTab(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const dialog = event.currentTarget;
  const back = event.shiftKey;
  window.setTimeout(() => {
    if (!dialog.open || dialog.contains(document.activeElement)) return;
    const stops = tabStops(dialog);
    (back ? stops[stops.length - 1] : stops[0])?.focus();
  }, 0);
}

export function Dialog({ title, children, onCancel, onSubmit, actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const scrolls = useScrolls(bodyRef);
  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    // A body that scrolls can take focus itself; the first field or button is where typing belongs.
    const active = document.activeElement;
    if (dialog && (active === dialog || active?.classList.contains('dialog__body'))) {
      dialog.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
    return () => {
      dialog?.close();
      previous?.focus?.();
    };
  }, []);
  const body = (
    <>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div ref={bodyRef} className="dialog__body" tabIndex={scrolls ? 0 : undefined} role={scrolls ? 'group' : undefined} aria-labelledby={scrolls ? titleId : undefined}>
        {children}
      </div>
      <div className="dialog__actions">{actions}</div>
    </>
  );
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onKeyDown={wrapTab}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {onSubmit ? (
        <form
          method="dialog"
          className="dialog__form"
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}
