/**
 * How big a PNG or JPEG export comes out: the pixel size at the asked scale, whether it needs
 * more than one browser canvas, and — when it cannot be made at that scale — the scale it gets
 * and a notice saying why. Pure, so the export dialog can show the size before drawing anything.
 */
import type { RasterFormat } from '@shared/export-formats';
import { t } from '../../../../i18n';

export type { RasterFormat };

/** One canvas can hold this much (Chromium: 32,767 a side and 268 M pixels; we stay well inside). */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 16_384 * 16_384;
/** Tile side for images past one canvas. */
export const TILE_SIDE = 4_096;
/** A PNG this big (raw RGBA ~2 GB) is more than the app can assemble in memory; larger ones scale down. */
export const MAX_PNG_PIXELS = 500_000_000;

/**
 * The pixel size and scale an export will come out at, and why it differs from the ask.
 * @example rasterPlan(1000, 800, 2, 'png') // { width: 2000, height: 1600, scale: 2, tiled: false }
 */
export function rasterPlan(
  width: number,
  height: number,
  scale: number,
  format: RasterFormat,
  limits: { readonly maxCanvasSide?: number } = {},
): { width: number; height: number; scale: number; tiled: boolean; notice?: string } {
  if (!Number.isFinite(scale) || scale < 1 || scale > 4) throw new RangeError(`The scale must be 1–4; got ${scale}.`);
  const side = limits.maxCanvasSide ?? MAX_CANVAS_SIDE;
  const area = Math.min(MAX_CANVAS_AREA, side * side);
  const size = (s: number) => ({ width: Math.max(1, Math.ceil(width * s)), height: Math.max(1, Math.ceil(height * s)) });
  const wanted = size(scale);
  const fitsCanvas = (w: number, h: number) => w <= side && h <= side && w * h <= area;
  if (format === 'jpeg') {
    if (fitsCanvas(wanted.width, wanted.height)) return { ...wanted, scale, tiled: false };
    const s = Math.min(scale, (side - 1) / width, (side - 1) / height, Math.sqrt(area / (width * height))) * 0.999;
    const got = size(s);
    return {
      ...got,
      scale: s,
      tiled: false,
      // in the UI language (English in the headless export, which never chooses one)
      notice: t('export.raster.jpegScaled', { scale, wantedWidth: wanted.width, wantedHeight: wanted.height, side, got: s.toFixed(2), width: got.width, height: got.height }),
    };
  }
  if (wanted.width * wanted.height <= MAX_PNG_PIXELS) return { ...wanted, scale, tiled: !fitsCanvas(wanted.width, wanted.height) };
  const s = Math.sqrt(MAX_PNG_PIXELS / (width * height)) * 0.999;
  const got = size(s);
  return {
    ...got,
    scale: s,
    tiled: !fitsCanvas(got.width, got.height),
    notice: t('export.raster.pngScaled', { scale, wantedWidth: wanted.width, wantedHeight: wanted.height, million: MAX_PNG_PIXELS / 1e6, got: s.toFixed(2), width: got.width, height: got.height }),
  };
}
