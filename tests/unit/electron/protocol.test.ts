import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appEntryUrl, clientRouteOf } from '../../../electron/main/app-origin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, mimeTypeFor, registerAppScheme, routeAppRequest } from '../../../electron/main/protocol';
import { APP_CSP, PRINT_CSP } from '../../../electron/main/security/csp';

const ROOT = path.resolve('/app/dist/renderer');

describe('the app:// origin', () => {
  it('is app://touchmap — it must never change, or IndexedDB maps vanish', () => {
    expect(APP_ORIGIN).toBe('app://touchmap');
  });

  it('is registered standard and secure, with fetch, before ready', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('the entry URL', () => {
  it('reopens the screen of last time, and only a plain client route', () => {
    expect(appEntryUrl()).toBe('app://touchmap/index.html');
    expect(appEntryUrl('#/map/m-1')).toBe('app://touchmap/index.html#/map/m-1');
    expect(appEntryUrl('#/')).toBe('app://touchmap/index.html#/');
    expect(appEntryUrl('#/map/<script>')).toBe('app://touchmap/index.html');
    expect(appEntryUrl('https://evil.example/')).toBe('app://touchmap/index.html');
  });

  it('reads the client route of the app’s own URL only', () => {
    expect(clientRouteOf('app://touchmap/index.html#/map/m-1')).toBe('#/map/m-1');
    expect(clientRouteOf('app://touchmap/index.html')).toBeUndefined();
    expect(clientRouteOf('app://print/doc/x.html#/map/m-1')).toBeUndefined();
    expect(clientRouteOf('garbage')).toBeUndefined();
  });
});

describe('routing app:// requests', () => {
  it('serves index.html for the root and for client routes', () => {
    expect(routeAppRequest('app://touchmap/', 'GET', ROOT)).toEqual({ kind: 'file', filePath: path.join(ROOT, 'index.html'), csp: APP_CSP });
    expect(routeAppRequest('app://touchmap', 'GET', ROOT)).toMatchObject({ filePath: path.join(ROOT, 'index.html') });
    expect(routeAppRequest('app://touchmap/map/m-123', 'GET', ROOT)).toMatchObject({ filePath: path.join(ROOT, 'index.html') });
  });

  it('serves assets by path, query and hash ignored', () => {
    expect(routeAppRequest('app://touchmap/assets/index-3f2a.js?v=1#x', 'GET', ROOT)).toMatchObject({ kind: 'file', filePath: path.join(ROOT, 'assets', 'index-3f2a.js') });
    expect(routeAppRequest('app://touchmap/assets/Noto%20Sans.woff2', 'GET', ROOT)).toMatchObject({ filePath: path.join(ROOT, 'assets', 'Noto Sans.woff2') });
  });

  it('refuses path traversal in every spelling', () => {
    for (const url of [
      'app://touchmap/../../etc/passwd',
      'app://touchmap/assets/%2e%2e/%2e%2e/etc/passwd',
      'app://touchmap/assets/..%2f..%2fetc%2fpasswd',
      'app://touchmap/assets/..%5c..%5cwindows%5cwin.ini',
      'app://touchmap/%2e%2e%2fsecret.txt',
      'app://touchmap/assets/x%00.js',
      'app://touchmap/..\\..\\secret.txt',
    ]) {
      const route = routeAppRequest(url, 'GET', ROOT);
      if (route.kind === 'file') expect(route.filePath.startsWith(ROOT + path.sep), url).toBe(true);
      else expect(route.kind, url).toBe('refused');
    }
    // URL parsing already folds "..", even percent-encoded: what is left stays under the root.
    expect(routeAppRequest('app://touchmap/assets/%2e%2e/%2e%2e/etc/secret.txt', 'GET', ROOT)).toMatchObject({ kind: 'file', filePath: path.join(ROOT, 'etc', 'secret.txt') });
    // Encoded separators survive parsing, so they are refused outright.
    expect(routeAppRequest('app://touchmap/assets/..%2f..%2fetc%2fpasswd', 'GET', ROOT)).toMatchObject({ kind: 'refused', status: 403 });
    expect(routeAppRequest('app://touchmap/assets/x%00.js', 'GET', ROOT)).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('refuses other hosts, schemes and methods', () => {
    expect(routeAppRequest('app://evil/index.html', 'GET', ROOT)).toMatchObject({ kind: 'refused', status: 404 });
    expect(routeAppRequest('https://touchmap/index.html', 'GET', ROOT)).toMatchObject({ kind: 'refused', status: 400 });
    expect(routeAppRequest('app://touchmap/index.html', 'POST', ROOT)).toMatchObject({ kind: 'refused', status: 405 });
  });

  it('routes print documents on the print host, with the print CSP for its assets', () => {
    expect(routeAppRequest('app://print/doc/3b1f-9c.html', 'GET', ROOT)).toEqual({ kind: 'print-document', id: '3b1f-9c' });
    expect(routeAppRequest('app://touchmap/doc/3b1f-9c.html', 'GET', ROOT)).toMatchObject({ kind: 'file', csp: APP_CSP });
    expect(routeAppRequest('app://print/assets/noto.woff2', 'GET', ROOT)).toMatchObject({ kind: 'file', csp: PRINT_CSP });
  });
});

describe('MIME types', () => {
  it('names what the renderer build contains', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('f.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('i.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('i.png')).toBe('image/png');
    expect(mimeTypeFor('m.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream');
  });
});

describe('the protocol handler', () => {
  const files = new Map<string, string>([
    [path.join(ROOT, 'index.html'), '<!doctype html><h1>Your maps</h1>'],
    [path.join(ROOT, 'assets', 'app.js'), 'console.log(1)'],
  ]);
  const handler = createAppProtocolHandler({
    rootDir: ROOT,
    readFile: async (p) => {
      const text = files.get(p);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
    printDocument: (id) => (id === 'doc-1' ? '<!doctype html><svg></svg>' : undefined),
  });

  it('serves a file with its MIME type, the CSP header and nosniff', async () => {
    const response = await handler({ url: 'app://touchmap/', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Your maps');
    const js = await handler({ url: 'app://touchmap/assets/app.js', method: 'GET' });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file and 403 for traversal, never reading outside the root', async () => {
    expect((await handler({ url: 'app://touchmap/assets/missing.js', method: 'GET' })).status).toBe(404);
    expect((await handler({ url: 'app://touchmap/..%2f..%2fetc%2fpasswd', method: 'GET' })).status).toBe(403);
  });

  it('serves a print document once registered, with the script-free print CSP', async () => {
    const doc = await handler({ url: 'app://print/doc/doc-1.html', method: 'GET' });
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-security-policy')).toBe(PRINT_CSP);
    expect((await handler({ url: 'app://print/doc/doc-2.html', method: 'GET' })).status).toBe(404);
  });
});
