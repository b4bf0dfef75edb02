/**
 * The theme's colours read well in both themes: the grid's stage headers are dark in the dark
 * theme (not the root's light card) and their text has at least the WCAG AA contrast of 4.5:1.
 */
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, themeCssVariables } from '../../../renderer/src/drawing/theme';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('the grid’s stage headers', () => {
  it('are dark in the dark theme, close to its surfaces rather than a light bar', () => {
    expect(luminance(DARK.stageHeader)).toBeLessThan(0.1);
    expect(contrast(DARK.stageHeader, DARK.background)).toBeLessThan(2);
  });

  it.each([
    ['light', LIGHT],
    ['dark', DARK],
  ])('have text of at least 4.5:1 contrast in the %s theme', (_name, theme) => {
    expect(contrast(theme.stageHeader, theme.stageHeaderText)).toBeGreaterThanOrEqual(4.5);
  });

  it('reach the grid as CSS variables', () => {
    expect(themeCssVariables(DARK)).toMatchObject({ '--tm-stage-header': DARK.stageHeader, '--tm-stage-header-text': DARK.stageHeaderText });
  });
});

describe('the before-and-after badges', () => {
  it.each([
    ['light', LIGHT],
    ['dark', DARK],
  ])('carry white text at 4.5:1 or more in the %s theme', (_name, theme) => {
    for (const colour of [theme.compareNew, theme.compareUp, theme.compareDown]) expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
  });
});
