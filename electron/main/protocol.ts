/**
 * The `app://` scheme that serves the renderer (dist/renderer) to the window, and the print
 * documents to the hidden print window.
 *
 * Why a custom scheme rather than file://: registered as standard + secure it is a real
 * origin (`app://touchmap`, see app-origin.ts — it must never change), so IndexedDB,
 * localStorage and the Fetch API work, and the main process sets the CSP header on every
 * response. Paths are resolved strictly inside the renderer folder: `..`, encoded slashes and
 * absolute paths are refused.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME, PRINT_HOST } from './app-origin';
import { APP_CSP, PRINT_CSP } from './security/csp';

/** Passed to protocol.registerSchemesAsPrivileged before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
} as const;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** @example mimeTypeFor('assets/index-3f2a.js') // "text/javascript; charset=utf-8" */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Where a request goes. */
export type AppRoute =
  | { readonly kind: 'file'; readonly filePath: string; readonly csp: string }
  | { readonly kind: 'print-document'; readonly id: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404 | 405; readonly reason: string };

const PRINT_DOCUMENT_PATH = /^\/doc\/([A-Za-z0-9-]{1,64})\.html$/;

/**
 * Maps a request to a file under `rootDir`, a print document, or a refusal. Pure.
 * @example routeAppRequest('app://touchmap/', 'GET', '/app/dist/renderer') // { kind: 'file', filePath: '/app/dist/renderer/index.html', … }
 */
export function routeAppRequest(url: string, method: string, rootDir: string): AppRoute {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405, reason: `method ${method} not allowed` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return { kind: 'refused', status: 400, reason: 'not the app scheme' };
  const host = parsed.host;
  if (host !== APP_HOST && host !== PRINT_HOST) return { kind: 'refused', status: 404, reason: `unknown host ${host}` };

  const rawPath = parsed.pathname || '/';
  if (host === PRINT_HOST) {
    const doc = PRINT_DOCUMENT_PATH.exec(rawPath);
    if (doc?.[1]) return { kind: 'print-document', id: doc[1] };
  }

  // Refuse what could climb out of rootDir before decoding hides it, and again after.
  if (/%2f|%5c|%00/i.test(rawPath) || rawPath.includes('\\')) {
    return { kind: 'refused', status: 403, reason: 'encoded separators are not allowed' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed path encoding' };
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\0'))) {
    return { kind: 'refused', status: 403, reason: 'path traversal refused' };
  }
  // The renderer is a single page: a path without an extension is a client route → index.html.
  const relative = segments.length === 0 || path.extname(segments[segments.length - 1] ?? '') === '' ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
    return { kind: 'refused', status: 403, reason: 'outside the app folder' };
  }
  return { kind: 'file', filePath, csp: host === PRINT_HOST ? PRINT_CSP : APP_CSP };
}

/** Headers every response carries. */
export function responseHeaders(contentType: string, csp: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

export interface AppProtocolDeps {
  /** dist/renderer. */
  readonly rootDir: string;
  /** fs.promises.readFile (asar-aware inside Electron). */
  readonly readFile: (filePath: string) => Promise<Uint8Array>;
  /** The print documents waiting to be printed (print.ts). */
  readonly printDocument: (id: string) => string | undefined;
}

/**
 * The handler for protocol.handle('app', …).
 * @example protocol.handle('app', createAppProtocolHandler({ rootDir, readFile, printDocument }))
 */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: { url: string; method: string }) => Promise<Response> {
  return async (request) => {
    const route = routeAppRequest(request.url, request.method, deps.rootDir);
    if (route.kind === 'refused') {
      return new Response(route.reason, { status: route.status, headers: responseHeaders('text/plain; charset=utf-8', APP_CSP) });
    }
    if (route.kind === 'print-document') {
      const html = deps.printDocument(route.id);
      if (html === undefined) return new Response('no such print document', { status: 404, headers: responseHeaders('text/plain; charset=utf-8', PRINT_CSP) });
      return new Response(html, { status: 200, headers: responseHeaders('text/html; charset=utf-8', PRINT_CSP) });
    }
    try {
      const body = await deps.readFile(route.filePath);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: responseHeaders(mimeTypeFor(route.filePath), route.csp) });
    } catch {
      return new Response('not found', { status: 404, headers: responseHeaders('text/plain; charset=utf-8', route.csp) });
    }
  };
}

/** What registration needs of Electron's `protocol`. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: Array<typeof APP_SCHEME_PRIVILEGES>): void;
}

/** Must run before app 'ready': Chromium fixes a scheme's privileges at startup. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}
