import { describe, expect, it } from 'vitest';
import { APP_CSP, APP_CSP_DIRECTIVES, cspHeader, PRINT_CSP } from '../../../electron/main/security/csp';

function directives(header: string): Map<string, string[]> {
  return new Map(
    header.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name ?? '', sources];
    }),
  );
}

describe('the app Content-Security-Policy', () => {
  const csp = directives(APP_CSP);

  it('loads everything from the app itself by default', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // The app's own scripts, and WebAssembly they compile (the export's font subsetter): no JS eval.
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('never allows eval or inline scripts', () => {
    expect(APP_CSP).not.toContain("'unsafe-eval'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('names no remote origin: no http(s), no wildcard — only the loopback room socket', () => {
    // The workshop room's socket on this computer; the network guard narrows it to the open room's port.
    expect(csp.get('connect-src')).toContain('ws://127.0.0.1:*');
    for (const [name, sources] of csp) {
      for (const source of sources) {
        if (name === 'connect-src' && source === 'ws://127.0.0.1:*') continue;
        expect(source).not.toMatch(/^(https?:|wss?:|\*)/);
        expect(source).not.toContain('.');
      }
    }
  });

  it('allows inline styles (React Flow) and data:/blob: images and fonts (exports)', () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:']));
    expect(csp.get('font-src')).toEqual(expect.arrayContaining(["'self'", 'data:']));
  });

  it('forbids plugins, frames, base changes and form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('is the header form of its directives', () => {
    expect(APP_CSP).toBe(cspHeader(APP_CSP_DIRECTIVES));
    expect(cspHeader({ 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] })).toBe("default-src 'self'; img-src 'self' data:");
  });
});

describe('the print window Content-Security-Policy', () => {
  const csp = directives(PRINT_CSP);

  it('runs no script at all', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'none'"]);
  });

  it('still draws the layout: inline styles, fonts and images from the app or data:', () => {
    expect(csp.get('style-src')).toContain("'unsafe-inline'");
    expect(csp.get('font-src')).toEqual(expect.arrayContaining(["'self'", 'data:']));
    expect(csp.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:']));
  });
});
