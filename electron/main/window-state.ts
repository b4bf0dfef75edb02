/**
 * Where the window comes back: size, position and maximised, clamped to the displays that
 * exist now. Pure — the display list and the saved state are parameters.
 *
 * Why clamp: a window saved on a monitor that is since unplugged would open off-screen, and
 * the user could not reach it.
 */
import * as z from 'zod';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
/** Below this the editor's canvas, inspector and toolbar no longer fit side by side. */
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
/** How much of the window must be on a display to count as reachable (its title bar, roughly). */
const MIN_VISIBLE = 64;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function centredIn(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return { x: Math.round(area.x + (area.width - w) / 2), y: Math.round(area.y + (area.height - h) / 2), width: w, height: h };
}

/**
 * The bounds to open with: the saved ones if still reachable (shrunk to fit their display),
 * else the default size centred on the primary display.
 * @param workAreas the displays' work areas; the first is the primary display.
 * @example restoreWindowState(undefined, [{ x: 0, y: 0, width: 1920, height: 1040 }]) // centred 1280×820
 */
export function restoreWindowState(saved: WindowState | undefined, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (saved) {
    const home = workAreas.find((area) => {
      const o = overlap(saved, area);
      return o.width >= MIN_VISIBLE && o.height >= MIN_VISIBLE;
    });
    if (home) {
      const width = Math.max(Math.min(saved.width, home.width), Math.min(MIN_WINDOW_SIZE.width, home.width));
      const height = Math.max(Math.min(saved.height, home.height), Math.min(MIN_WINDOW_SIZE.height, home.height));
      // Pull the window fully inside its display if it hangs over an edge.
      const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - width);
      const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - height);
      return { x, y, width, height, maximized: saved.maximized };
    }
  }
  return { ...centredIn(primary, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height), maximized: saved?.maximized ?? false };
}

/** What saving needs of a BrowserWindow. */
export interface StatefulWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/** The state to save: the normal (unmaximised) bounds, so un-maximising later returns there. */
export function captureWindowState(win: StatefulWindow): WindowState {
  const b = win.getNormalBounds();
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height), maximized: win.isMaximized() };
}
