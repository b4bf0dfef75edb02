/**
 * A modal dialog: focus moves into it, Esc cancels, Enter in a field submits (forms), and
 * focus returns where it was on close. Built on <dialog> so the browser traps focus. In a short
 * window the body scrolls and the title and the buttons stay in view.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly onCancel: () => void;
  /** With onSubmit the body is a form: Enter submits. */
  readonly onSubmit?: () => void;
  readonly actions: ReactNode;
}

export function Dialog({ title, children, onCancel, onSubmit, actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
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
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">{actions}</div>
    </>
  );
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
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
