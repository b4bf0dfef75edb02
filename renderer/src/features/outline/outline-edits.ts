/**
 * What an edit in the outline does to the document: each is one command, so one undo step, on
 * every target row at once (the selected rows when the cursor's row is among them — "edit a field
 * for all selected at once"). Refusals (importance 0, a stage for a detail…) become the usual
 * notice naming the field.
 */
import { moveToGroup, renameTopic, setCompetitorScore, setTopicFields } from '@shared/model/commands';
import { type ActionStatus, type MapDoc, type StageId, type TopicFields, type TopicId } from '@shared/model/types';
import { runCommand } from '../../store/run-command';
import { competitorOfColumn, type OutlineColumn } from './outline-model';

type Command = (doc: MapDoc) => MapDoc;

/** The action status set on each topic, keeping its what / owner / due (a new action starts empty). */
function withStatus(ids: readonly TopicId[], status: ActionStatus | undefined): Command {
  return (doc) =>
    ids.reduce((acc, id) => {
      const action = acc.topics[id]?.action;
      if (status === undefined) {
        // an action is its "what"; only an empty one goes away with its status
        return action && action.what.trim() === '' && !action.owner && !action.due ? setTopicFields(acc, [id], { action: undefined }) : acc;
      }
      return setTopicFields(acc, [id], { action: { ...(action ?? { what: '' }), status } });
    }, doc);
}

/** The command that sets (or with `undefined` clears) a cell of `column` on the topics. */
export function cellCommand(ids: readonly TopicId[], column: OutlineColumn, value: string | number | undefined): Command {
  const competitor = competitorOfColumn(column.id);
  if (competitor !== undefined) return (doc) => setCompetitorScore(doc, ids, competitor, value as number | undefined);
  switch (column.id) {
    case 'label':
      return (doc) => ids.reduce((acc, id) => renameTopic(acc, id, String(value ?? '')), doc);
    case 'channel':
      return (doc) => moveToGroup(doc, ids, { channel: (value as 'online' | 'offline' | undefined) ?? null });
    case 'stage':
      return (doc) => moveToGroup(doc, ids, { stageId: (value as StageId | undefined) ?? null });
    case 'status':
      return withStatus(ids, value as ActionStatus | undefined);
    default:
      return (doc) => setTopicFields(doc, ids, { [column.id]: value } as Partial<TopicFields>);
  }
}

/** One rating gesture: number keys on the same cell of the same rows. */
const ratingGesture = (ids: readonly TopicId[], column: OutlineColumn) => `rate:${column.id}:${ids.join(',')}`;

/**
 * Number keys on a number cell. With `replacesLast` (the "1 then 0" rule) the 10 is merged into the
 * 1's undo step, so 1 → 10 leaves one step that goes back to the value before the 1 — or, if
 * anything else changed the map after the 1 (or the 1 changed nothing), a step of its own.
 */
export function rateCell(ids: readonly TopicId[], column: OutlineColumn, value: number, replacesLast: boolean): boolean {
  const mergeKey = ratingGesture(ids, column);
  return runCommand(cellCommand(ids, column, value), replacesLast ? { history: 'merge', mergeKey } : { mergeKey });
}

/** Number key n on a choice cell: its n-th value (nothing beyond the last). */
export function chooseCell(ids: readonly TopicId[], column: OutlineColumn, index: number): boolean {
  const value = column.values?.[index];
  return value !== undefined && runCommand(cellCommand(ids, column, value));
}

/** Delete / Backspace: clears the field (a label is never cleared: edit it instead). */
export function clearCell(ids: readonly TopicId[], column: OutlineColumn): boolean {
  if (column.id === 'label') return false;
  return runCommand(cellCommand(ids, column, undefined));
}
