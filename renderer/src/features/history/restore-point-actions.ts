/**
 * What the Restore points dialog does with a point: name one of the open map, bring one back in
 * place of the open map (one undo step), or as a new map beside it.
 *
 * In place: the map as it is now is first kept as a restore point ('before-restore'), then the
 * point's map replaces the document in one `runCommand(…, { history: 'step' })` — so Undo brings
 * back what was there while the map stays open, and the copy keeps it after the map is closed.
 */
import { remapForImport } from '@shared/file-format';
import { newId } from '@shared/model/ids';
import type { MapDoc } from '@shared/model/types';
import { library, restorePoints } from '../../db/library';
import type { RestorePointSummary } from '../../db';
import { useDocumentStore } from '../../store/document-store';
import { runCommand } from '../../store/run-command';

/** Names a restore point of the open map as it is now. */
export async function saveNamedPoint(name: string): Promise<RestorePointSummary> {
  const doc = openDoc();
  return restorePoints().saveNamed(stampedNow(doc), name);
}

/** Replaces the open map with the one a point holds: one undo step. Rejects, changing nothing, if the point is another map's. */
export async function restoreInPlace(pointId: string): Promise<void> {
  const before = openDoc();
  const restored = await restorePoints().read(pointId);
  if (restored.map.id !== before.map.id) throw new Error('This restore point belongs to another map.');
  await restorePoints().saveAutomatic(stampedNow(before), 'before-restore');
  // The point's map, as this map: same id, so autosave rewrites this map's rows and nothing else.
  const ok = runCommand(() => ({ ...restored, map: { ...restored.map, id: before.map.id } }), { history: 'step' });
  if (!ok) throw new Error('The open map refused the restored copy.');
}

/** Stores the map a point holds as a new map (fresh ids, a title that says so); resolves to it. */
export async function restoreAsNewMap(pointId: string, title: (doc: MapDoc) => string): Promise<MapDoc> {
  const restored = await restorePoints().read(pointId);
  const [fresh] = remapForImport([{ ...restored, map: { ...restored.map, title: title(restored) } }], { mapIds: await library().mapIds() }, newId);
  const now = new Date().toISOString();
  const doc = { ...fresh!, map: { ...fresh!.map, createdAt: now, updatedAt: now } };
  await library().createMap(doc);
  return doc;
}

function openDoc(): MapDoc {
  const doc = useDocumentStore.getState().doc;
  if (!doc) throw new Error('No map is open.');
  return doc;
}

/**
 * The open doc with the time of its copy: the store's doc keeps the `updatedAt` it was opened
 * with (commands do not know the time; autosave stamps the row), so a copy says when it was taken.
 */
function stampedNow(doc: MapDoc): MapDoc {
  return { ...doc, map: { ...doc.map, updatedAt: new Date().toISOString() } };
}
