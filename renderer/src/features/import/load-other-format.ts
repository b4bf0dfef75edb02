/**
 * The other tools' readers on demand: `import-other` pulls in the XML, Markdown, CSV and zip
 * parsers (the largest part of the import), which the library screen does not need until a file
 * of another tool is chosen or dropped. While they load the window says it is busy; a failed load
 * (an app updated underneath, a missing file) is reported as the reason, never thrown.
 */
type OtherFormatModule = typeof import('./import-other');

export type LoadedOtherFormat = { readonly ok: true; readonly module: OtherFormatModule } | { readonly ok: false; readonly reason: string };

let pending: Promise<OtherFormatModule> | null = null;

/** Fetches the readers once; later calls share the same load. A failed load may be retried. */
function fetchOtherFormat(): Promise<OtherFormatModule> {
  pending ??= import('./import-other').catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}

/**
 * Starts fetching the readers without waiting: the background prefetch after the library shows,
 * so the first import of another tool's file does not wait for the download.
 */
export function prefetchOtherFormatImport(): void {
  void fetchOtherFormat().catch(() => undefined);
}

/**
 * The import of another tool's file, loaded; the window shows it is busy meanwhile.
 * @example const loaded = await loadOtherFormatImport(); if (loaded.ok) await loaded.module.importOtherFormat(file, deps);
 */
export async function loadOtherFormatImport(): Promise<LoadedOtherFormat> {
  const root = typeof document === 'undefined' ? null : document.documentElement;
  root?.setAttribute('aria-busy', 'true');
  root?.classList.add('is-loading');
  try {
    return { ok: true, module: await fetchOtherFormat() };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    root?.removeAttribute('aria-busy');
    root?.classList.remove('is-loading');
  }
}
