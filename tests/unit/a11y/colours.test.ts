/**
 * Colour for everyone, checked on the theme tokens (renderer/src/drawing/theme.ts, the canvas's and
 * the exports' one source) and on the CSS custom properties of styles.css, in both themes:
 * - text contrast at WCAG AA: 4.5:1 for normal text, 3:1 for large text and for the fills that
 *   carry meaning (score badges, the weak-link ring) against the surface they sit on;
 * - every rule of styles.css that puts text of one token on a fill of another passes that bar;
 * - the palettes (channels, score bands, chains, kinds) stay apart under simulated protanopia,
 *   deuteranopia and tritanopia: Machado, Oliveira & Fernandes (2009) matrices at full severity on
 *   linear RGB, then CIE ΔE2000 between every pair must stay at or above the bar of each palette.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, themeCssVariables, type ThemeTokens } from '../../../renderer/src/drawing/theme';
import { contrast, deltaE2000, mix, parseHex, simulate, type Deficiency } from './colour-math';

const THEMES = { light: LIGHT, dark: DARK } as const;
const AA = 4.5;
const AA_LARGE = 3;
type Token = keyof ThemeTokens;

/** Text the chrome and the canvas set in a token over a background token; `large` is ≥ 18.66 px bold or 24 px. */
const TEXT_PAIRS: readonly { readonly text: Token; readonly on: readonly Token[]; readonly large?: boolean }[] = [
  { text: 'text', on: ['background', 'surface', 'surfaceRaised', 'onlineSoft', 'offlineSoft', 'unsortedSoft'] },
  { text: 'textMuted', on: ['background', 'surface', 'surfaceRaised'] },
  { text: 'accent', on: ['background', 'surface', 'surfaceRaised'] },
  { text: 'danger', on: ['background', 'surface', 'surfaceRaised'] },
  { text: 'online', on: ['background', 'surface', 'surfaceRaised'] }, // the outline's channel word, hints' titles
  { text: 'rootText', on: ['root'] },
  { text: 'onlineText', on: ['online'] },
  { text: 'offlineText', on: ['offline'] },
  { text: 'accentText', on: ['accent'] },
  { text: 'dangerText', on: ['danger'] },
  { text: 'awfulText', on: ['awful'] },
  { text: 'okText', on: ['ok'] },
  { text: 'wowText', on: ['wow'] },
  { text: 'unsortedText', on: ['unsorted'] },
  { text: 'chainText', on: ['chain1', 'chain2', 'chain3', 'chain4', 'chain5', 'chain6'] },
];

/** Fills that mean something (non-text contrast, WCAG 1.4.11): a score badge, the weak-link ring, a channel's edge. */
const MEANINGFUL_FILLS: readonly Token[] = ['awful', 'ok', 'wow', 'danger', 'online', 'accent', 'selection'];

describe.each(Object.entries(THEMES))('%s theme', (_name, theme) => {
  it.each(TEXT_PAIRS)('$text on its backgrounds reaches AA', ({ text, on, large }) => {
    for (const background of on) {
      const ratio = contrast(theme[text], theme[background]);
      expect(ratio, `${text} ${theme[text]} on ${background} ${theme[background]}`).toBeGreaterThanOrEqual(large ? AA_LARGE : AA);
    }
  });

  it('the fills that carry meaning stand out from the canvas and the panels at 3:1', () => {
    for (const fill of MEANINGFUL_FILLS) {
      for (const background of ['background', 'surface'] as const) {
        expect(contrast(theme[fill], theme[background]), `${fill} on ${background}`).toBeGreaterThanOrEqual(AA_LARGE);
      }
    }
  });

  it('the channel word in the outline (online, mixed into the selected row) still reads at AA', () => {
    const selectedRow = mix(theme.accent, theme.surface, 0.1);
    expect(contrast(theme.online, selectedRow)).toBeGreaterThanOrEqual(AA);
  });
});

/** The CSS rules that set a text colour and a background, both from theme tokens. */
function cssTextOnFill(css: string): { readonly selector: string; readonly text: Token; readonly fill: Token }[] {
  const names = new Map(Object.keys(themeCssVariables(LIGHT)).map((cssName, i) => [cssName, Object.keys(LIGHT)[i] as Token]));
  const found: { selector: string; text: Token; fill: Token }[] = [];
  for (const match of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const [, selector = '', body = ''] = match;
    const fill = /(?:^|[;\s])background(?:-color)?:\s*var\((--tm-[a-z0-9-]+)\)/.exec(body)?.[1];
    const text = /(?:^|[;\s])color:\s*var\((--tm-[a-z0-9-]+)\)/.exec(body)?.[1];
    const fillToken = fill ? names.get(fill) : undefined;
    const textToken = text ? names.get(text) : undefined;
    if (fillToken && textToken) found.push({ selector: selector.trim(), text: textToken, fill: fillToken });
  }
  return found;
}

/** The features' own style sheets (rating, analysis, action plan…): held to the same bar as styles.css. */
const FEATURE_CSS = readdirSync('renderer/src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readdirSync(join('renderer/src/features', entry.name)).filter((name) => name.endsWith('.css')).map((name) => join('renderer/src/features', entry.name, name)));

describe('styles.css and the features’ style sheets', () => {
  const css = ['renderer/src/app/styles.css', ...FEATURE_CSS].map((path) => readFileSync(path, 'utf8')).join('\n').replace(/\/\*[\s\S]*?\*\//g, '');

  it('reads the features’ style sheets too', () => {
    expect(FEATURE_CSS).toContain(join('renderer/src/features/rating', 'rating.css'));
  });

  it('sets no white or black text by hand on a themed fill: the theme says which ink reads on it', () => {
    const handInked = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
      .filter(([, , body = '']) => /background(?:-color)?:\s*var\(--tm-/.test(body) && /(?:^|[;\s])color:\s*#(?:fff|ffffff|000|000000)\b/i.test(body))
      .map(([, selector = '']) => selector.trim());
    expect(handInked).toEqual([]);
  });

  it('every rule that sets themed text on a themed fill reaches AA in both themes', () => {
    const rules = cssTextOnFill(css);
    expect(rules.length).toBeGreaterThan(10);
    const failing = rules.flatMap(({ selector, text, fill }) =>
      Object.entries(THEMES)
        .map(([name, theme]) => ({ name, ratio: contrast(theme[text], theme[fill]) }))
        .filter(({ ratio }) => ratio < AA)
        .map(({ name, ratio }) => `${selector}: ${text} on ${fill} in ${name} = ${ratio.toFixed(2)}`),
    );
    expect(failing).toEqual([]);
  });

  it('the kind colours (colour by kind) stay apart for colour-blind eyes (ΔE2000 ≥ 5)', () => {
    const kinds = [...css.matchAll(/--tm-kind-([a-z]+):\s*(#[0-9a-f]{6})/gi)].map(([, kind = '', hex = '']) => [kind, hex] as const);
    expect(kinds.map(([kind]) => kind)).toEqual(['communication', 'human', 'physical', 'sensory']);
    expect(closestPairs(Object.fromEntries(kinds), 5)).toEqual([]);
  });
});

const DEFICIENCIES: readonly Deficiency[] = ['protanopia', 'deuteranopia', 'tritanopia'];

/** The pairs of a palette closer than `minimum` ΔE2000 under any simulated deficiency (and with normal vision). */
function closestPairs(palette: Record<string, string>, minimum: number): string[] {
  const entries = Object.entries(palette);
  const problems: string[] = [];
  for (let i = 0; i < entries.length; i += 1) {
    for (let j = i + 1; j < entries.length; j += 1) {
      const [a, ca] = entries[i] as [string, string];
      const [b, cb] = entries[j] as [string, string];
      const normal = deltaE2000(parseHex(ca), parseHex(cb));
      if (normal < minimum) problems.push(`${a}/${b} normal vision ΔE ${normal.toFixed(1)}`);
      for (const deficiency of DEFICIENCIES) {
        const distance = deltaE2000(simulate(ca, deficiency), simulate(cb, deficiency));
        if (distance < minimum) problems.push(`${a}/${b} ${deficiency} ΔE ${distance.toFixed(1)}`);
      }
    }
  }
  return problems;
}

describe.each(Object.entries(THEMES))('colour-blindness simulation, %s theme', (_name, theme) => {
  it('online, offline and unsorted are far apart (ΔE2000 ≥ 15): the channel is read at a glance', () => {
    expect(closestPairs({ online: theme.online, offline: theme.offline, unsorted: theme.unsorted }, 15)).toEqual([]);
  });

  it('awful, OK and wow stay apart (ΔE2000 ≥ 6); the score number and band word say it too', () => {
    expect(closestPairs({ awful: theme.awful, ok: theme.ok, wow: theme.wow }, 6)).toEqual([]);
  });

  it('the six chain colours stay apart (ΔE2000 ≥ 5); the step numbers tell chains apart too', () => {
    const chains = { chain1: theme.chain1, chain2: theme.chain2, chain3: theme.chain3, chain4: theme.chain4, chain5: theme.chain5, chain6: theme.chain6 };
    expect(closestPairs(chains, 5)).toEqual([]);
  });

  it('the weak-link red differs from every chain colour (ΔE2000 ≥ 5), so a chain never reads as a warning', () => {
    const problems = [theme.chain1, theme.chain2, theme.chain3, theme.chain4, theme.chain5, theme.chain6].flatMap((chain, i) => closestPairs({ danger: theme.danger, [`chain${i + 1}`]: chain }, 5));
    expect(problems).toEqual([]);
  });
});

describe('the colour arithmetic', () => {
  it('matches known values: black on white 21:1, WCAG grey #767676 on white 4.54:1, ΔE2000 of a reference pair', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // Sharma, Wu & Dalal (2005) test data, pair 1 in sRGB terms: same L, different a/b gives a non-zero ΔE, identical gives 0
    expect(deltaE2000(parseHex('#3b5bdb'), parseHex('#3b5bdb'))).toBe(0);
    expect(deltaE2000(parseHex('#ff0000'), parseHex('#00ff00'))).toBeGreaterThan(60);
  });

  it('simulates the deficiencies as the method says: red and green collapse under deuteranopia, not under tritanopia', () => {
    const red = '#d03030';
    const green = '#5a8a00';
    const deut = deltaE2000(simulate(red, 'deuteranopia'), simulate(green, 'deuteranopia'));
    const trit = deltaE2000(simulate(red, 'tritanopia'), simulate(green, 'tritanopia'));
    expect(deut).toBeLessThan(trit / 2);
  });
});
