/**
 * Theme tokens: the one source of colours and type for the canvas (as CSS variables) and for
 * every export (read directly), so an exported map looks like the one on screen.
 *
 * Channel colours: a dark blue and a light orange. Blue/orange stays distinct for the common
 * colour-vision deficiencies, and the two differ strongly in lightness, so they also stay
 * apart in greyscale print and on a washed-out projector.
 */
export interface ThemeTokens {
  readonly background: string;
  readonly surface: string;
  readonly surfaceRaised: string;
  readonly border: string;
  readonly text: string;
  readonly textMuted: string;
  readonly accent: string;
  readonly selection: string;
  readonly edge: string;
  readonly root: string;
  readonly rootText: string;
  /**
   * The grid's stage column headers. Not the root's colours: the dark theme's root is a light card
   * (it stands out on the canvas), and a row of light headers over a dark grid glares.
   */
  readonly stageHeader: string;
  readonly stageHeaderText: string;
  /** Before and after badges: new, score up, score down — white text on each, AA contrast. */
  readonly compareNew: string;
  readonly compareUp: string;
  readonly compareDown: string;
  readonly online: string;
  readonly onlineSoft: string;
  readonly onlineText: string;
  readonly offline: string;
  readonly offlineSoft: string;
  readonly offlineText: string;
  readonly unsorted: string;
  readonly unsortedSoft: string;
  readonly awful: string;
  readonly ok: string;
  readonly wow: string;
  readonly danger: string;
  // chain palette: see CHAIN_TOKENS
  readonly chain1: string;
  readonly chain2: string;
  readonly chain3: string;
  readonly chain4: string;
  readonly chain5: string;
  readonly chain6: string;
  // Text on the coloured fills above (buttons, score badges, the weak-link tag, chain dots): white on
  // the light theme's deep fills, dark ink on the dark theme's bright ones, so each reads at 4.5:1.
  readonly accentText: string;
  readonly dangerText: string;
  readonly awfulText: string;
  readonly okText: string;
  readonly wowText: string;
  readonly unsortedText: string;
  readonly chainText: string;
  /** On the before-and-after badges (compareNew, compareUp, compareDown). */
  readonly compareText: string;
}

export const LIGHT: ThemeTokens = {
  background: '#f6f7f9',
  surface: '#ffffff',
  surfaceRaised: '#ffffff',
  border: '#d5d9e0',
  text: '#1b1f27',
  textMuted: '#5b6472',
  accent: '#3b5bdb',
  selection: '#3b5bdb',
  edge: '#9aa3b2',
  root: '#1b1f27',
  rootText: '#ffffff',
  stageHeader: '#1b1f27',
  stageHeaderText: '#ffffff',
  compareNew: '#1864ab',
  compareUp: '#237032',
  compareDown: '#c92a2a',
  online: '#1f4e9c',
  onlineSoft: '#e3ecfa',
  onlineText: '#ffffff',
  offline: '#f0a43a',
  offlineSoft: '#fdf0dc',
  offlineText: '#1b1f27',
  unsorted: '#6b7280',
  unsortedSoft: '#eceef2',
  awful: '#c92a2a',
  ok: '#6c727c',
  wow: '#257a36',
  danger: '#c92a2a',
  chain1: '#7048e8',
  chain2: '#0b7a8c',
  chain3: '#d6336c',
  chain4: '#527200',
  chain5: '#862e9c',
  chain6: '#8f5e3e',
  accentText: '#ffffff',
  dangerText: '#ffffff',
  awfulText: '#ffffff',
  okText: '#ffffff',
  wowText: '#ffffff',
  unsortedText: '#ffffff',
  chainText: '#ffffff',
  compareText: '#ffffff',
};

export const DARK: ThemeTokens = {
  background: '#15181e',
  surface: '#1e222a',
  surfaceRaised: '#262b35',
  border: '#3a404c',
  text: '#e8eaef',
  textMuted: '#a3aab6',
  accent: '#7d97f0',
  selection: '#8ea6ff',
  edge: '#5d6676',
  root: '#e8eaef',
  rootText: '#15181e',
  stageHeader: '#323846',
  stageHeaderText: '#e8eaef',
  compareNew: '#1971c2',
  compareUp: '#2b7a3b',
  compareDown: '#c92a2a',
  online: '#6e9ee8',
  onlineSoft: '#1f2c44',
  onlineText: '#0d1422',
  offline: '#f3b45c',
  offlineSoft: '#3a2e1c',
  offlineText: '#1b1f27',
  unsorted: '#8a92a1',
  unsortedSoft: '#2a2f38',
  awful: '#ff6b6b',
  ok: '#a3aab6',
  wow: '#69db7c',
  danger: '#ff6b6b',
  chain1: '#9775fa',
  chain2: '#3bc9db',
  chain3: '#ef75a3',
  chain4: '#a9e34b',
  chain5: '#db7ef8',
  chain6: '#d2a487',
  accentText: '#15181e',
  dangerText: '#15181e',
  awfulText: '#15181e',
  okText: '#15181e',
  wowText: '#15181e',
  unsortedText: '#15181e',
  chainText: '#15181e',
  compareText: '#ffffff',
};

/**
 * Chain colours: a fixed palette, assigned by a chain's place in the map's chain list.
 * Violet, teal, raspberry, olive, plum and brown stay clear of the channel blue / orange, and of
 * the score red / green / grey — red is kept for the weak-link marker, so a chain never looks
 * like a warning. Past six chains the palette repeats; the link numbers still tell them apart.
 */
export const CHAIN_TOKENS = ['chain1', 'chain2', 'chain3', 'chain4', 'chain5', 'chain6'] as const;

/**
 * The colour of the chain at `index` in the chain list, from a theme (for exports).
 * @example chainColour(LIGHT, 0) // '#7048e8'
 */
export function chainColour(theme: ThemeTokens, index: number): string {
  return theme[CHAIN_TOKENS[((index % CHAIN_TOKENS.length) + CHAIN_TOKENS.length) % CHAIN_TOKENS.length] as (typeof CHAIN_TOKENS)[number]];
}

/** The same colour as a CSS variable, for the canvas and the grid (follows the light / dark theme). */
export function chainColourVar(index: number): string {
  return `var(--tm-chain${(((index % CHAIN_TOKENS.length) + CHAIN_TOKENS.length) % CHAIN_TOKENS.length) + 1})`;
}


/** CSS custom properties for a theme, e.g. `--tm-online`. */
export function themeCssVariables(theme: ThemeTokens): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(theme)) {
    vars[`--tm-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`] = value;
  }
  return vars;
}
