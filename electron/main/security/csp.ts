/**
 * The Content-Security-Policy headers the `app://` protocol sends with every response (the
 * main process delivers them, so no page can weaken its own policy).
 *
 * Why each source:
 * - everything comes from the app itself ('self'); no remote origin anywhere (no network at all);
 * - no 'unsafe-eval' and no inline scripts; 'wasm-unsafe-eval' lets the app compile its own
 *   WebAssembly (the export's font subsetter, HarfBuzz) and nothing else — no JS eval;
 * - style-src needs 'unsafe-inline': React Flow positions nodes with inline style attributes;
 * - img-src/font-src take data: and blob:, the export pipeline rasterises SVG through them;
 * - connect-src takes blob:/data: so the renderer can fetch its own object URLs (image export),
 *   and ws://127.0.0.1:* for the workshop room's socket — a page's policy cannot change after it
 *   loads, so the network guard (network.ts) is what lets through only the open room's port.
 */

type Directives = Readonly<Record<string, readonly string[]>>;

/** The renderer's policy (app://touchmap). */
export const APP_CSP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'blob:', 'data:', 'ws://127.0.0.1:*'],
  'worker-src': ["'self'", 'blob:'],
  'media-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'child-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** The print window's policy (app://print): a static document, no script of any kind. */
export const PRINT_CSP_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * @example cspHeader(APP_CSP_DIRECTIVES) // "default-src 'self'; script-src 'self'; …"
 */
export function cspHeader(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export const APP_CSP = cspHeader(APP_CSP_DIRECTIVES);
export const PRINT_CSP = cspHeader(PRINT_CSP_DIRECTIVES);
