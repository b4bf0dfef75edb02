/**
 * The open map's data exports — `.touchmap`, action plan CSV, outline Markdown — in two places:
 * `DataExportSection`, a block the export dialog mounts beside the visual formats, and
 * `DataExportMenu`, the editor toolbar's own "Data" menu so they work without that dialog.
 * Both dispatch the registry's operations, like the keys and the native menu.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { OperationName } from '@shared/operations';
import { runOperation } from '../../../operations/run-operation';
import { t, type MessageKey } from '../../../i18n';

interface DataExport {
  readonly action: OperationName;
  readonly label: MessageKey;
  readonly description: MessageKey;
}

/** In the order a facilitator reaches for them: the whole map, then the plan, then the outline. */
const DATA_EXPORTS: readonly DataExport[] = [
  { action: 'export.touchmap', label: 'export.data.touchmap', description: 'export.data.touchmap.about' },
  { action: 'export.csv', label: 'export.data.csv', description: 'export.data.csv.about' },
  { action: 'export.markdown', label: 'export.data.markdown', description: 'export.data.markdown.about' },
];

/**
 * The data formats as a section of an export dialog: one button per format with what it holds.
 * @param onExport called after a format was chosen (e.g. to close the dialog)
 * @example <DataExportSection onExport={close} />
 */
export function DataExportSection({ onExport }: { readonly onExport?: () => void }) {
  const headingId = useId();
  const baseId = useId();
  return (
    <section className="data-export" aria-labelledby={headingId}>
      <h3 id={headingId} className="data-export__title">
        {t('export.data.title')}
      </h3>
      <div className="data-export__list">
        {DATA_EXPORTS.map((item) => (
          <button
            key={item.action}
            type="button"
            className="data-export__option"
            // Named by the format alone; what it holds is its description.
            aria-labelledby={`${baseId}-${item.action}-label`}
            aria-describedby={`${baseId}-${item.action}`}
            onClick={() => {
              runOperation(item.action);
              onExport?.();
            }}
          >
            <span id={`${baseId}-${item.action}-label`} className="data-export__label">
              {t(item.label)}
            </span>
            <span id={`${baseId}-${item.action}`} className="data-export__about">
              {t(item.description)}
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}

/**
 * The editor toolbar's "Data" menu button. Keyboard: Enter/Space/ArrowDown opens it on the first
 * item, arrows move, Esc closes and gives focus back to the button, Tab leaves it.
 */
export function DataExportMenu() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    // A click anywhere else closes the menu, as native menus do.
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const onMenuKey = (event: ReactKeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => list[(i + list.length) % list.length]?.focus();
    // The menu owns these keys: the editor's shortcuts (arrows select nodes) must not see them.
    if (event.key === 'ArrowDown') focusAt(index + 1);
    else if (event.key === 'ArrowUp') focusAt(index - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(list.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') return close(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="data-menu">
      <button
        ref={buttonRef}
        type="button"
        className="button button--ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('export.data.menu')}
        <span className="data-menu__caret" aria-hidden="true" />
      </button>
      {open && (
        <div ref={menuRef} id={menuId} role="menu" aria-label={t('export.data.menu')} className="data-menu__list" onKeyDown={onMenuKey}>
          {DATA_EXPORTS.map((item) => (
            <button
              key={item.action}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="data-menu__item"
              onClick={() => {
                close(true);
                runOperation(item.action);
              }}
            >
              <span className="data-menu__label">{t(item.label)}</span>
              <span className="data-menu__about" aria-hidden="true">
                {t(item.description)}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
