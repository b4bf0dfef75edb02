/**
 * The app's import of another tool's file, without the dialog: the preview's answer decides —
 * Cancel stores nothing, Import stores one new map per plan (a taken title told apart, nothing
 * overwritten), a refused file stores nothing and says why. A file the desktop shell hands over as
 * bytes goes the same way.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MapDoc, MapId } from '@shared/model/types';
import { planTree, type ImportPlan, type ImportSource } from '@shared/import';
import { importOtherFormat } from '../../../renderer/src/features/import/import-other';
import { openedFileToPicked } from '../../../renderer/src/platform/files';
import { fixture, summary } from './summary';
import { asId } from '../../builders/ids';

function repository(titles: string[] = []) {
  const saved: MapDoc[][] = [];
  return {
    saved,
    repo: {
      listMaps: vi.fn(async () => titles.map((title, i) => ({ id: `m-${i}`, title }) as never)),
      mapIds: vi.fn(async () => new Set<MapId>()),
      saveDocs: vi.fn(async (docs: readonly MapDoc[]) => void saved.push([...docs])),
    },
  };
}

let n = 0;
const deps = (repo: ReturnType<typeof repository>['repo'], ask: (name: string, source: ImportSource) => Promise<readonly ImportPlan[] | null>) => ({
  repository: repo,
  newId: asId.maker((p) => `${p}-${(n += 1)}`),
  now: () => new Date('2026-12-06T10:00:00Z'),
  locale: 'en-GB',
  ask,
});
const desktopFile = (name: string) => openedFileToPicked({ name, text: '', bytes: fixture(name) });

describe('importing another tool’s file in the app', () => {
  it('stores nothing when the user cancels the preview', async () => {
    const { repo, saved } = repository();
    const outcome = await importOtherFormat(desktopFile('coffee-zen.xmind'), deps(repo, async () => null));
    expect(outcome).toBeNull();
    expect(saved).toEqual([]);
  });

  it('stores a new map per sheet chosen, telling a taken title apart, in one write', async () => {
    const { repo, saved } = repository(['Coffee shop journey']);
    const ask = async (_name: string, source: ImportSource) => (source.kind === 'tree' ? source.sheets.map((s) => planTree(s, { structure: 'auto', markers: 'importance' })) : null);
    const outcome = await importOtherFormat(desktopFile('coffee-zen.xmind'), deps(repo, ask));
    expect(outcome).toMatchObject({ ok: true, maps: [{ title: 'Coffee shop journey (imported 6 Dec 2026)', fileTitle: 'Coffee shop journey' }, { title: 'Competitor' }] });
    expect(saved).toHaveLength(1);
    expect(summary(saved[0]![0]!).map((t) => t.label)).toEqual(['Instagram ad', 'Website menu', 'Receipt', 'Barista greeting']);
  });

  it('refuses a broken file before any preview, naming the problem, and stores nothing', async () => {
    const { repo, saved } = repository();
    const ask = vi.fn(async () => null);
    const broken = openedFileToPicked({ name: 'cut.xmind', text: '', bytes: fixture('coffee-zen.xmind').subarray(0, 100) });
    const outcome = await importOtherFormat(broken, deps(repo, ask));
    expect(outcome).toMatchObject({ ok: false, name: 'cut.xmind' });
    expect(outcome && !outcome.ok && outcome.problem).toMatch(/zip archive is damaged/);
    expect(ask).not.toHaveBeenCalled();
    expect(saved).toEqual([]);
  });
});
