// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import { readFileSync } from 'node:fs';
// Node's URL: jsdom replaces the global one, which fileURLToPath does not accept.
import { URL as NodeURL, fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveFileArgs, TouchmapBridge } from '@shared/ipc';
import { library } from '../../../renderer/src/db/library';
import { DataExportSection } from '../../../renderer/src/features/export/data/DataExportSection';
import { importFromPicker, importTouchmapText } from '../../../renderer/src/features/import';
import { clinicMap } from '../../fixtures/clinic-map';
import { openEditor, type Editor } from '../../builders/editor';
import { runOperation } from '../../../renderer/src/app/operations';
import { installOperationRunner } from '../../../renderer/src/operations/run-operation';
import { asId } from '../../builders/ids';

// as the app's entry does: the export section's buttons run the registry's operations
installOperationRunner(runOperation);

const example = readFileSync(fileURLToPath(new NodeURL('../../fixtures/files/example-v1-complete.touchmap', import.meta.url)), 'utf8');

/** Lets the export's promise chain run to its notice. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function fakeBridge(overrides: Partial<TouchmapBridge>): TouchmapBridge {
  return overrides as TouchmapBridge;
}

let editor: Editor;

beforeEach(async () => {
  editor = openEditor(clinicMap({ title: 'Clinic — new patients' }));
  for (const map of await library().listMaps()) await library().deleteMap(map.id);
  window.location.hash = '#/';
});
afterEach(() => {
  cleanup();
  delete (window as unknown as Record<string, unknown>).touchmap;
  vi.restoreAllMocks();
});

describe('data exports from the export section', () => {
  it('in a browser, downloads the action plan through an anchor, named after the map, BOM first', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:test'));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('Clinic — new patients — action plan.csv');
      expect(this.href).toBe('blob:test');
    });
    const onExport = vi.fn();
    render(createElement(DataExportSection, { onExport }));
    fireEvent.click(screen.getByRole('button', { name: 'Action plan (CSV)' }));
    // the data exports load on first use: wait for the download, not a fixed time
    await vi.waitFor(() => expect(clicked).toHaveBeenCalledOnce());
    expect(onExport).toHaveBeenCalledOnce();
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(editor.notice).toEqual({ kind: 'info', text: 'Downloaded “Clinic — new patients — action plan.csv”.' });
  });

  it('in the desktop app, goes through the native Save dialog and says where the file went', async () => {
    const calls: SaveFileArgs[] = [];
    (window as unknown as Record<string, unknown>).touchmap = fakeBridge({
      saveFile: (args) => (calls.push(args), Promise.resolve({ saved: true, path: '/home/ana/Clinic — new patients — outline.md' })),
    });
    render(createElement(DataExportSection));
    fireEvent.click(screen.getByRole('button', { name: 'Outline (Markdown)' }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await settle();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ suggestedName: 'Clinic — new patients — outline.md', kind: 'markdown', filters: [{ extensions: ['md'] }] });
    expect(calls[0]!.data).toMatch(/^# Clinic — new patients\n/);
    expect(editor.notice?.text).toBe('Saved “Clinic — new patients — outline.md” to /home/ana/Clinic — new patients — outline.md');
  });

  it('says nothing when the user cancels the Save dialog, and names the reason when writing fails', async () => {
    let result: Promise<{ saved: boolean }> = Promise.resolve({ saved: false });
    (window as unknown as Record<string, unknown>).touchmap = fakeBridge({ saveFile: () => result });
    render(createElement(DataExportSection));
    fireEvent.click(screen.getByRole('button', { name: '.touchmap (this map)' }));
    await settle();
    expect(editor.notice).toBeNull();
    result = Promise.reject(new Error('EACCES: permission denied'));
    fireEvent.click(screen.getByRole('button', { name: '.touchmap (this map)' }));
    await settle();
    expect(editor.notice).toEqual({ kind: 'error', text: 'Could not export “Clinic — new patients.touchmap”: EACCES: permission denied' });
  });
});

describe('files from the desktop shell', () => {
  it('Import… uses the native Open dialog and opens the single imported map', async () => {
    (window as unknown as Record<string, unknown>).touchmap = fakeBridge({ openTouchmapFile: () => Promise.resolve({ name: 'Clinic.touchmap', text: example }) });
    await importFromPicker();
    expect(await library().listMaps()).toMatchObject([{ id: 'm-7f3a', title: 'Clinic — new patients' }]);
    expect(window.location.hash).toBe('#/map/m-7f3a');
  });

  it('a file handed over by the OS comes in as a new map, never over the one already here', async () => {
    await importTouchmapText('Clinic.touchmap', example);
    const before = await library().loadMap(asId.map('m-7f3a'));
    const outcomes = await importTouchmapText('Clinic.touchmap', example);
    const [outcome] = outcomes;
    if (!outcome?.ok) throw new Error('expected the file to be imported');
    expect(outcome.maps[0]!.id).not.toBe('m-7f3a');
    expect(window.location.hash).toBe(`#/map/${outcome.maps[0]!.id}`);
    expect(await library().loadMap(asId.map('m-7f3a'))).toEqual(before);
    expect(await library().listMaps()).toHaveLength(2);
  });

  it('a refused file from the OS changes nothing and opens nothing', async () => {
    const outcomes = await importTouchmapText('Broken.touchmap', '{"format":"touchmap","version":99,"maps":[]}');
    expect(outcomes[0]?.ok).toBe(false);
    expect(editor.notice?.kind).toBe('error');
    expect(editor.notice?.text).toMatch(/^“Broken\.touchmap” was not imported, and nothing was changed\. This file was made by a newer Touchmap \(file version 99\).* Update Touchmap to open it\.$/);
    expect(editor.notice?.details).toBe('Broken.touchmap: version: 99 is newer than 1, the newest this app reads');
    expect(window.location.hash).toBe('#/');
    expect(await library().listMaps()).toEqual([]);
  });
});
