/** The palette (Ctrl/Cmd+K): what the app mounts, and how the registry opens it. */
export { PaletteHost, type PaletteProps } from './Palette';
export { openPalette } from './palette-store';
export type { PaletteEntry } from './palette-filter';
