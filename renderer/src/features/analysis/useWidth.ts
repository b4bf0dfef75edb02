/** The width of an element, kept up to date as the window or the side panel is resized. */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth || fallback);
    const observer = new ResizeObserver(([entry]) => {
      // whole pixels: sub-pixel jitter would redraw every chart for nothing
      const next = Math.floor(entry?.contentRect.width ?? 0);
      if (next > 0) setWidth((old) => (old === next ? old : next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}
