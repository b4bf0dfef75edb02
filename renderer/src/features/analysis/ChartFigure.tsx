/**
 * One chart, drawn live from the document by the same code as its exported file (chartScene →
 * sceneSvg), with the priority matrix's dots as buttons over it: each has its touchpoint's name,
 * so a keyboard or a screen reader reaches a dot as a mouse does.
 */
import { memo, useMemo } from 'react';
import type { MapDoc } from '@shared/model/types';
import { chartScene, chartTitle, sceneSvg, type ChartKind } from '../../drawing/charts';
import { FONT_FAMILY } from '../../drawing/text-metrics';
import { t } from '../../i18n';
import { showTouchpointOnMap } from './select-touchpoint';

/** Past this many dots the matrix keeps one click handler rather than a button per dot. */
const MAX_DOT_BUTTONS = 300;

interface Props {
  readonly kind: ChartKind;
  readonly doc: MapDoc;
  readonly width: number;
  readonly height: number;
  readonly theme: 'light' | 'dark';
}

export const ChartFigure = memo(function ChartFigure({ kind, doc, width, height, theme }: Props) {
  const scene = useMemo(() => chartScene(kind, doc, { width, height, theme }), [kind, doc, width, height, theme]);
  const markup = useMemo(() => sceneSvg(scene, { inline: true, fontFamily: FONT_FAMILY, title: chartTitle(kind, doc) }), [scene, kind, doc]);
  const targets = scene.targets;
  const pick = (event: React.MouseEvent<HTMLDivElement>) => {
    if (targets.length <= MAX_DOT_BUTTONS) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - box.left) * scene.width) / box.width;
    const y = ((event.clientY - box.top) * scene.height) / box.height;
    let best: (typeof targets)[number] | undefined;
    let bestDistance = Infinity;
    for (const target of targets) {
      const distance = Math.hypot(target.x - x, target.y - y);
      if (distance <= target.r && distance < bestDistance) [best, bestDistance] = [target, distance];
    }
    if (best) showTouchpointOnMap(best.topicId);
  };
  return (
    <div className="analysis-chart" data-chart={kind} style={{ width: scene.width, height: scene.height }} onClick={targets.length > MAX_DOT_BUTTONS ? pick : undefined}>
      <div className="analysis-chart__svg" dangerouslySetInnerHTML={{ __html: markup }} />
      {targets.length > 0 && targets.length <= MAX_DOT_BUTTONS && (
        <div className="analysis-chart__targets" role="group" aria-label={t('analysis.matrix.dots')}>
          {targets.map((target) => (
            <button
              key={target.topicId}
              type="button"
              className="analysis-chart__dot"
              style={{ left: target.x - target.r, top: target.y - target.r, width: 2 * target.r, height: 2 * target.r }}
              aria-label={target.label}
              title={t('analysis.matrix.dotTitle', { label: target.label })}
              onClick={() => showTouchpointOnMap(target.topicId)}
            />
          ))}
        </div>
      )}
    </div>
  );
});
