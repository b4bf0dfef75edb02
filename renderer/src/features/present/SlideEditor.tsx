/**
 * The slide editor: which slides the presentation shows and in what order — a list of every slide
 * the map can show, each with a checkbox, moved with its Up and Down buttons, by dragging, or with
 * Alt+↑ / Alt+↓ on its row. Saving stores the order with the map (one undo step), so the next
 * meeting, the PDF deck and the PowerPoint deck show the same slides.
 */
import { useMemo, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { defaultSlides, pickerRows, slideKey, type SlideRef } from '@shared/model/presentation';
import { setPresentationSlides } from '@shared/model/commands';
import { slideWords } from '@shared/templates/slide-words';
import type { MapDoc } from '@shared/model/types';
import { useDocumentStore } from '../../store/document-store';
import { runCommand } from '../../store/run-command';
import { Dialog } from '../../ui/Dialog';
import { t } from '../../i18n';
import { exportSlideDeck } from '../export';
import { startPresentation, usePresentStore } from './present-store';

interface Row {
  readonly ref: SlideRef;
  readonly chosen: boolean;
}

/** A slide's name in the list: its kind and the map's own name for what it shows. */
export function slideRowLabel(doc: MapDoc, ref: SlideRef): string {
  const words = slideWords(doc.map.locale);
  switch (ref.kind) {
    case 'map':
      return t('slides.kind.map', { name: doc.map.title });
    case 'stage':
      return t('slides.kind.stage', { name: doc.map.stages.find((s) => s.id === ref.stageId)?.name ?? '' });
    case 'chain':
      return t('slides.kind.chain', { name: doc.chains[ref.chainId]?.name ?? '' });
    case 'actions':
      return t('slides.kind.actions', { name: words.actionPlan });
    case 'chart':
      return t('slides.kind.chart', { name: words.charts[ref.chart] });
  }
}

export function SlideEditorHost() {
  const open = usePresentStore((s) => s.editorOpen);
  const doc = useDocumentStore((s) => s.doc);
  if (!open || !doc) return null;
  return <SlideEditor doc={doc} />;
}

function SlideEditor({ doc }: { readonly doc: MapDoc }) {
  const [rows, setRows] = useState<Row[]>(() => pickerRows(doc));
  const [dragged, setDragged] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => usePresentStore.getState().setEditorOpen(false);
  const chosen = useMemo(() => rows.filter((row) => row.chosen).map((row) => row.ref), [rows]);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= rows.length || from === to) return;
    setRows((list) => {
      const next = [...list];
      const [row] = next.splice(from, 1);
      next.splice(to, 0, row as Row);
      return next;
    });
    // keep the keyboard on the row that moved
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-slide-row="${to}"] input`)?.focus());
  };
  const toggle = (index: number) => setRows((list) => list.map((row, i) => (i === index ? { ...row, chosen: !row.chosen } : row)));
  const onRowKey = (event: ReactKeyboardEvent, index: number) => {
    if (!event.altKey) return;
    if (event.key === 'ArrowUp') move(index, index - 1);
    else if (event.key === 'ArrowDown') move(index, index + 1);
    else return;
    event.preventDefault();
  };
  const save = (): boolean => {
    const isDefault = chosen.map(slideKey).join('\n') === defaultSlides(doc).map(slideKey).join('\n');
    // the default deck saved as such would stop following new stages and chains
    return runCommand((d) => setPresentationSlides(d, isDefault && !d.map.presentation ? null : chosen));
  };
  const exportAs = async (format: 'slides-pdf' | 'slides-pptx') => {
    if (!save()) return;
    setBusy(true);
    try {
      await exportSlideDeck(format);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('slides.title')}
      onCancel={close}
      onSubmit={() => {
        if (save()) close();
      }}
      actions={
        <>
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => void exportAs('slides-pdf')}>
            {t('slides.exportPdf')}
          </button>
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => void exportAs('slides-pptx')}>
            {t('slides.exportPptx')}
          </button>
          <span className="dialog__spacer" />
          <button type="button" className="button" onClick={close}>
            {t('slides.cancel')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              if (!save()) return;
              close();
              startPresentation();
            }}
          >
            {t('slides.present')}
          </button>
          <button type="submit" className="button button--primary">
            {t('slides.save')}
          </button>
        </>
      }
    >
      <p className="slide-editor__intro">{t('slides.intro')}</p>
      <p className="slide-editor__count" aria-live="polite">
        {t('slides.count', { n: chosen.length })}
      </p>
      <ol className="slide-editor" aria-label={t('slides.list')}>
        {rows.map((row, index) => {
          const label = slideRowLabel(doc, row.ref);
          return (
            <li
              key={slideKey(row.ref)}
              data-slide-row={index}
              className={`slide-editor__row${row.chosen ? '' : ' slide-editor__row--off'}${dragged === index ? ' slide-editor__row--dragged' : ''}`}
              draggable
              onDragStart={(event) => {
                setDragged(index);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged !== null) move(dragged, index);
                setDragged(null);
              }}
              onDragEnd={() => setDragged(null)}
              onKeyDown={(event) => onRowKey(event, index)}
            >
              <span className="slide-editor__grip" aria-hidden="true">
                ⋮⋮
              </span>
              <label className="slide-editor__label">
                <input type="checkbox" checked={row.chosen} onChange={() => toggle(index)} />
                <span>{label}</span>
              </label>
              <button type="button" className="button button--ghost button--small" aria-label={t('slides.up', { name: label })} disabled={index === 0} onClick={() => move(index, index - 1)}>
                ↑
              </button>
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={t('slides.down', { name: label })}
                disabled={index === rows.length - 1}
                onClick={() => move(index, index + 1)}
              >
                ↓
              </button>
            </li>
          );
        })}
      </ol>
    </Dialog>
  );
}
