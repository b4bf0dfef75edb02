/**
 * The export dialog: PNG, JPEG, SVG or PDF of the open map, with a live preview drawn by the
 * export renderer itself (what you see is the file), the pixel or page size that will come out,
 * progress while a big image is drawn, and any error in words. The data formats (.touchmap, CSV,
 * Markdown) sit below as their own section.
 */
import { useEffect, useMemo, useState } from 'react';
import { planPages, type Orientation, type PageMode, type Paper, type SlideFrame } from '@shared/model/page-layout';
import { EXPORT_FORMAT_INFO, extensionOf, type VisualFormat } from '@shared/export-formats';
import { useDocumentStore } from '../../../store/document-store';
import { selectPrimary, useUiStore } from '../../../store/ui-store';
import { Dialog } from '../../../ui/Dialog';
import { formatNumber, t, type MessageKey } from '../../../i18n';
import { safeFileName, saveTextFile } from '../../../platform/files';
import { saveBinaryFile, savePdf } from '../../../platform/print';
import { DataExportSection } from '../data/DataExportSection';
import { SlidesExportSection } from './SlidesExportSection';
import { rememberFormat, useExportDialogStore } from './export-dialog-store';
import { drawMap, exportVisual, pdfPageOptions, type VisualExportOptions } from '../visual/visual-export';
import { svgDocument, type ExportBackground } from '../visual/svg/svg-renderer';
import { rasterPlan } from '../visual/raster/raster-plan';
import { rememberExportOptions, storedExportOptions } from './stored-export-options';
import { selectedStage } from '../visual/stage-scope';
import { CHART_KINDS, chartTitle, type ChartKind } from '../../../drawing/charts';

/** The analysis charts as the dialog's picker names them (the UI's words; the file's title is in the map's). */
const CHART_LABEL: Readonly<Record<ChartKind, MessageKey>> = {
  distribution: 'analysis.section.distribution',
  scores: 'analysis.section.scores',
  priority: 'analysis.section.priority',
  journeys: 'analysis.section.journeys',
};
import { useComparisonPage } from '../../history';
import type { StageId } from '@shared/model/types';

const FORMATS: readonly { readonly format: VisualFormat; readonly label: string; readonly about: MessageKey }[] = [
  { format: 'pdf', label: 'PDF', about: 'export.visual.pdf.about' },
  { format: 'png', label: 'PNG', about: 'export.visual.png.about' },
  { format: 'jpeg', label: 'JPEG', about: 'export.visual.jpeg.about' },
  { format: 'svg', label: 'SVG', about: 'export.visual.svg.about' },
];
/** The Save dialog's file-type filter of a format: its name and its one extension. */
const filterOf = (format: VisualFormat) => ({ name: t(`export.visual.filter.${format}`), extensions: [extensionOf(format)] });
const PAPER_LABEL: Record<Paper, string> = { a4: 'A4', a3: 'A3', letter: 'Letter' };

type Phase = { readonly kind: 'idle' } | { readonly kind: 'working'; readonly done: number; readonly total: number } | { readonly kind: 'failed'; readonly message: string };

export default function ExportDialog({ initialFormat }: { readonly initialFormat: VisualFormat }) {
  const doc = useDocumentStore((s) => s.doc);
  const grouping = useUiStore((s) => s.grouping);
  const close = useExportDialogStore((s) => s.close);
  const [format, setFormat] = useState<VisualFormat>(initialFormat);
  const [options, setOptions] = useState(() => storedExportOptions());
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  // what is exported: the map, or one analysis chart (the analysis view opens the dialog on its charts)
  const [chart, setChart] = useState<ChartKind | null>(() => (useUiStore.getState().view === 'analysis' ? 'distribution' : null));
  // A stage group selected in the editor can have a slide of its own (framed exports only).
  const stageId = useUiStore((s) => selectedStage(selectPrimary(s)));
  const stageName = stageId ? doc?.map.stages.find((s) => s.id === stageId)?.name : undefined;
  const [slideOfStage, setSlideOfStage] = useState(false);
  const frameStage = slideOfStage && stageName !== undefined && options.frame !== 'none' ? (stageId as StageId) : undefined;
  const set = <K extends keyof typeof options>(key: K, value: (typeof options)[K]) => setOptions((o) => ({ ...o, [key]: value }));
  // Before and after (Restore points ▸ Compare…): while a comparison is shown, the PDF can carry it as a page.
  const comparisonPage = useComparisonPage(doc?.map.title ?? '');
  const [withComparison, setWithComparison] = useState(true);
  const extraPage = format === 'pdf' && chart === null && withComparison && comparisonPage ? { extraPage: comparisonPage } : {};
  const full: VisualExportOptions = { ...options, format, grouping, ...(frameStage ? { frameStage } : {}), ...extraPage, ...(chart ? { chart } : {}) };

  useEffect(() => setFormat(initialFormat), [initialFormat]);

  // The drawing: the same parts the export writes, so the preview and the sizes are exact.
  const parts = useMemo(
    () => (doc ? drawMap(doc, { ...options, format, grouping, ...(frameStage ? { frameStage } : {}), ...(chart ? { chart } : {}) }) : null),
    [doc, options, format, grouping, frameStage, chart],
  );
  const previewUrl = useMemo(() => (parts ? URL.createObjectURL(new Blob([svgDocument(parts)], { type: 'image/svg+xml' })) : null), [parts]);
  useEffect(() => () => (previewUrl ? URL.revokeObjectURL(previewUrl) : undefined), [previewUrl]);

  const size = useMemo(() => {
    if (!parts) return { text: '', notice: undefined as string | undefined };
    try {
      if (format === 'svg') return { text: t('export.visual.size.svg', { width: parts.width, height: parts.height }), notice: undefined };
      if (format === 'pdf') {
        const page = pdfPageOptions(parts, options);
        const plan = planPages({ content: { width: parts.width, height: parts.height }, ...page });
        const paper = page.mode === 'fit-page-to-map' ? t('export.visual.page.custom') : `${PAPER_LABEL[page.paper]} ${page.landscape ? t('export.visual.landscape').toLowerCase() : t('export.visual.portrait').toLowerCase()}`;
        const inches = (value: number) => formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        return {
          text: t('export.visual.size.pdf', { count: plan.pages.length, paper, width: inches(plan.pageWidthIn), height: inches(plan.pageHeightIn), percent: Math.round(plan.scale * 100) }),
          notice: plan.notice,
        };
      }
      const plan = rasterPlan(parts.width, parts.height, options.scale, format);
      return { text: t('export.visual.size.raster', { width: formatNumber(plan.width), height: formatNumber(plan.height) }), notice: plan.notice };
    } catch (error) {
      return { text: '', notice: error instanceof Error ? error.message : String(error) };
    }
  }, [parts, format, options]);

  if (!doc) return null;
  const fileName = safeFileName(chart ? `${doc.map.title} — ${chartTitle(chart, doc)}` : doc.map.title, extensionOf(format), t('export.data.untitled'));
  const busy = phase.kind === 'working';

  const run = async () => {
    rememberExportOptions(options);
    rememberFormat(format);
    setPhase({ kind: 'working', done: 0, total: 1 });
    try {
      const result = await exportVisual(doc, { ...full, onProgress: (done, total) => setPhase({ kind: 'working', done, total }) });
      let outcome;
      if (result.kind === 'svg') {
        outcome = await saveTextFile({ name: fileName, text: result.text, mimeType: EXPORT_FORMAT_INFO.svg.mimeType, kind: 'svg', filter: filterOf('svg') });
      } else if (result.kind === 'raster' || result.kind === 'pdf-file') {
        // A PDF of map pages alone arrives as a file (our own writer): saved as it is, no printer.
        outcome = await saveBinaryFile({ name: fileName, blob: result.blob, kind: format, filter: filterOf(format) });
      } else {
        outcome = await savePdf(result.print.job, fileName);
      }
      const notice = result.kind !== 'svg' ? result.notice : undefined;
      if (outcome.saved) {
        const where = outcome.via === 'dialog' && outcome.path ? t('export.data.saved', { name: fileName, path: outcome.path }) : t('export.data.downloaded', { name: fileName });
        if (outcome.via !== 'print-dialog') useUiStore.getState().notify('info', notice ? `${where} ${notice}` : where);
      }
      close();
    } catch (error) {
      setPhase({ kind: 'failed', message: t('export.data.failed', { name: fileName, reason: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const check = (key: 'titleBlock' | 'legend' | 'chains' | 'appendix' | 'analysisPages', label: MessageKey) => (
    <label className="export-dialog__check">
      <input type="checkbox" checked={options[key]} onChange={(e) => set(key, e.target.checked)} disabled={busy} /> {t(label)}
    </label>
  );

  return (
    <Dialog
      title={t('export.visual.title')}
      onCancel={() => (busy ? undefined : close())}
      onSubmit={() => void run()}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={close} disabled={busy}>
            {t('export.visual.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !parts}>
            {t('export.visual.export')}
          </button>
        </>
      }
    >
      <div className="export-dialog">
        <div className="export-dialog__preview">
          {previewUrl && <img src={previewUrl} alt={t('export.visual.preview')} className={`export-dialog__image bg--${format === 'jpeg' && options.background === 'transparent' ? 'white' : options.background}`} />}
        </div>
        <fieldset className="field">
          <legend className="field__label">{t('export.visual.format')}</legend>
          <div className="export-dialog__formats" role="radiogroup">
            {FORMATS.map((f) => (
              <label key={f.format} className={`export-dialog__format${format === f.format ? ' is-checked' : ''}`} title={t(f.about)}>
                <input type="radio" name="export-format" value={f.format} checked={format === f.format} onChange={() => setFormat(f.format)} disabled={busy} aria-label={f.label} />
                {f.label}
              </label>
            ))}
          </div>
          <p className="muted export-dialog__about">{t(FORMATS.find((f) => f.format === format)?.about ?? 'export.visual.png.about')}</p>
        </fieldset>

        <div className="field-row">
          <label className="field">
            <span className="field__label">{t('export.chart.subject')}</span>
            <select aria-label={t('export.chart.subject')} value={chart === null ? 'map' : 'chart'} onChange={(e) => setChart(e.target.value === 'map' ? null : 'distribution')} disabled={busy}>
              <option value="map">{t('export.chart.map')}</option>
              <option value="chart">{t('export.chart.analysis')}</option>
            </select>
          </label>
          {chart !== null && (
            <label className="field">
              <span className="field__label">{t('export.chart.which')}</span>
              <select aria-label={t('export.chart.which')} value={chart} onChange={(e) => setChart(e.target.value as ChartKind)} disabled={busy}>
                {CHART_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(CHART_LABEL[kind])}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <div className="field-row">
          {(format === 'png' || format === 'jpeg') && (
            <label className="field">
              <span className="field__label">{t('export.visual.scale')}</span>
              <select aria-label={t('export.visual.scale')} value={options.scale} onChange={(e) => set('scale', Number(e.target.value))} disabled={busy}>
                {[1, 2, 3, 4].map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
            </label>
          )}
          {/* A framed PDF is one page of the frame's shape: pages and paper do not apply. */}
          {format === 'pdf' && options.frame === 'none' && (
            <>
              <label className="field">
                <span className="field__label">{t('export.visual.pages')}</span>
                <select aria-label={t('export.visual.pages')} value={options.pageMode} onChange={(e) => set('pageMode', e.target.value as PageMode)} disabled={busy}>
                  <option value="fit">{t('export.visual.page.fit')}</option>
                  <option value="poster">{t('export.visual.page.poster')}</option>
                  <option value="fit-page-to-map">{t('export.visual.page.map')}</option>
                </select>
              </label>
              {options.pageMode !== 'fit-page-to-map' && (
                <label className="field">
                  <span className="field__label">{t('export.visual.paper')}</span>
                  <select aria-label={t('export.visual.paper')} value={options.paper} onChange={(e) => set('paper', e.target.value as Paper)} disabled={busy}>
                    {(Object.keys(PAPER_LABEL) as Paper[]).map((p) => (
                      <option key={p} value={p}>
                        {PAPER_LABEL[p]}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </>
          )}
          <label className="field">
            <span className="field__label">{t('export.visual.background')}</span>
            <select aria-label={t('export.visual.background')} value={options.background} onChange={(e) => set('background', e.target.value as ExportBackground)} disabled={busy}>
              <option value="white">{t('export.visual.bg.white')}</option>
              {(format === 'png' || format === 'svg') && <option value="transparent">{t('export.visual.bg.transparent')}</option>}
              <option value="dark">{t('export.visual.bg.dark')}</option>
            </select>
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span className="field__label">{t('export.visual.frame')}</span>
            <select aria-label={t('export.visual.frame')} value={options.frame} onChange={(e) => set('frame', e.target.value as SlideFrame)} disabled={busy}>
              <option value="none">{t('export.visual.frame.none')}</option>
              <option value="16:9">{t('export.visual.frame.wide')}</option>
              <option value="4:3">{t('export.visual.frame.standard')}</option>
            </select>
          </label>
          {options.frame !== 'none' && stageName !== undefined && (
            <label className="field">
              <span className="field__label">{t('export.visual.frameScope')}</span>
              <select aria-label={t('export.visual.frameScope')} value={slideOfStage ? 'stage' : 'map'} onChange={(e) => setSlideOfStage(e.target.value === 'stage')} disabled={busy}>
                <option value="map">{t('export.visual.frameScope.map')}</option>
                <option value="stage">{t('export.visual.frameScope.stage', { name: stageName })}</option>
              </select>
            </label>
          )}
          {format === 'pdf' && options.frame === 'none' && options.pageMode !== 'fit-page-to-map' && (
            <label className="field">
              <span className="field__label">{t('export.visual.orientation')}</span>
              <select aria-label={t('export.visual.orientation')} value={options.orientation} onChange={(e) => set('orientation', e.target.value as Orientation)} disabled={busy}>
                <option value="auto">{t('export.visual.orientation.auto')}</option>
                <option value="landscape">{t('export.visual.landscape')}</option>
                <option value="portrait">{t('export.visual.portrait')}</option>
              </select>
            </label>
          )}
        </div>
        <div className="export-dialog__checks">
          {chart === null && check('titleBlock', 'export.visual.titleBlock')}
          {chart === null && check('legend', 'export.visual.legend')}
          {chart === null && Object.keys(doc.chains).length > 0 && check('chains', 'export.visual.chains')}
          {chart === null && format === 'pdf' && check('appendix', 'export.visual.appendix')}
          {chart === null && format === 'pdf' && check('analysisPages', 'export.chart.pages')}
          {chart === null && format === 'pdf' && comparisonPage && (
            <label className="export-dialog__check">
              <input type="checkbox" checked={withComparison} onChange={(e) => setWithComparison(e.target.checked)} disabled={busy} /> {t('export.visual.comparison')}
            </label>
          )}
        </div>

        <p className="export-dialog__size" data-testid="export-size" aria-live="polite">
          <strong>{fileName}</strong> · {size.text}
        </p>
        {size.notice && <p className="export-dialog__notice">{size.notice}</p>}
        {phase.kind === 'working' && (
          <div className="export-dialog__progress">
            <progress max={phase.total} value={phase.done} aria-label={t('export.visual.progress')} />
            <span className="muted">{phase.total > 1 ? t('export.visual.progress.tiles', { done: phase.done, total: phase.total }) : t('export.visual.progress')}</span>
          </div>
        )}
        {phase.kind === 'failed' && (
          <p className="field__error" role="alert">
            {phase.message}
          </p>
        )}
        <SlidesExportSection onExport={close} />
        <DataExportSection onExport={close} />
      </div>
    </Dialog>
  );
}
