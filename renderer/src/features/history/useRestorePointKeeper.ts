/**
 * The automatic restore points of the open map: one when it is opened, and at most one every ten
 * minutes while it is edited — checked after a saved write, so a point is always a map that was
 * on disk. The database decides what is kept (db/restore-points.ts); a failure to make a point
 * never stops editing and is not worth a notice: the map itself is saved.
 */
import { useEffect } from 'react';
import { EDITING_POINT_EVERY_MS } from '../../db';
import { restorePoints, watchWrites } from '../../db/library';
import { useDocumentStore } from '../../store/document-store';
import type { MapDoc, MapId } from '@shared/model/types';

export function useRestorePointKeeper(mapId: MapId): void {
  useEffect(() => {
    let opened = false;
    let lastTry = 0;
    const snapshot = (doc: MapDoc): MapDoc => ({ ...doc, map: { ...doc.map, updatedAt: new Date().toISOString() } });
    const keep = (kind: 'opened' | 'editing') => {
      const doc = useDocumentStore.getState().doc;
      if (doc?.map.id !== mapId) return;
      lastTry = Date.now();
      // On opening, the doc is as stored: its own `updatedAt` is when it last changed.
      void restorePoints()
        .saveAutomatic(kind === 'opened' ? doc : snapshot(doc), kind)
        .catch(() => undefined);
    };
    const onDoc = () => {
      if (opened || useDocumentStore.getState().doc?.map.id !== mapId) return;
      opened = true;
      keep('opened');
    };
    onDoc();
    const offDoc = useDocumentStore.subscribe(onDoc);
    const offWrites = watchWrites((report) => {
      if (report.mapId === mapId && Date.now() - lastTry >= EDITING_POINT_EVERY_MS) keep('editing');
    });
    return () => {
      offDoc();
      offWrites();
    };
  }, [mapId]);
}
