/**
 * The presentation's decks as a section of the export dialog: the PDF deck and the PowerPoint file
 * of the slides picked (or the default deck), and the way to the slide editor. Each runs the
 * registry's operation, as the native menu's File ▸ Export ▸ Slides items do.
 */
import { useId } from 'react';
import type { OperationName } from '@shared/operations';
import { runOperation } from '../../../operations/run-operation';
import { t, type MessageKey } from '../../../i18n';

const SLIDE_EXPORTS: readonly { readonly action: OperationName; readonly label: MessageKey; readonly description: MessageKey }[] = [
  { action: 'export.slidesPdf', label: 'export.slides.pdf', description: 'export.slides.pdf.about' },
  { action: 'export.slidesPptx', label: 'export.slides.pptx', description: 'export.slides.pptx.about' },
  { action: 'view.slides', label: 'export.slides.pick', description: 'export.slides.pick.about' },
];

export function SlidesExportSection({ onExport }: { readonly onExport?: () => void }) {
  const headingId = useId();
  const baseId = useId();
  return (
    <section className="data-export" aria-labelledby={headingId}>
      <h3 id={headingId} className="data-export__title">
        {t('export.slides.title')}
      </h3>
      <div className="data-export__list">
        {SLIDE_EXPORTS.map((item) => (
          <button
            key={item.action}
            type="button"
            className="data-export__option"
            aria-labelledby={`${baseId}-${item.action}-label`}
            aria-describedby={`${baseId}-${item.action}`}
            onClick={() => {
              onExport?.();
              runOperation(item.action);
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
