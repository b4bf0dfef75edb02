/**
 * The history policy a caller states when it runs a command: a new undo step (the default), a
 * change folded into the last step made by the same gesture, or a change not recorded at all.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addTouchpoint, createMap, renameTopic, setTopicFields } from '@shared/model/commands';
import type { MapDoc } from '@shared/model/types';
import { documentHistory, useDocumentStore } from '../../../renderer/src/store/document-store';
import { useUiStore } from '../../../renderer/src/store/ui-store';
import { runCommand } from '../../../renderer/src/store/run-command';
import { asId } from '../../builders/ids';

const doc = () => useDocumentStore.getState().doc as MapDoc;
const undoSteps = () => useDocumentStore.temporal.getState().pastStates.length;
const redoSteps = () => useDocumentStore.temporal.getState().futureStates.length;
const label = (id: string) => doc().topics[asId.topic(id)]?.label;
const score = (id: string) => doc().topics[asId.topic(id)]?.score;
const rename = (id: string, text: string) => (d: MapDoc) => renameTopic(d, asId.topic(id), text);
const rate = (id: string, value: number) => (d: MapDoc) => setTopicFields(d, [asId.topic(id)], { score: value });

describe('the history policy of a command', () => {
  beforeEach(() => {
    useDocumentStore.getState().open(createMap({ id: asId.map('m-1'), rootId: asId.topic('t-root'), title: 'Clinic', locale: 'en', presetId: 'customer-journey', now: '2026-12-06T10:00:00.000Z' }));
    const stageId = doc().map.stages[0]!.id;
    runCommand((d) => addTouchpoint(d, { id: asId.topic('t-ad'), label: 'Context ad', channel: 'online', stageId }));
    runCommand((d) => addTouchpoint(d, { id: asId.topic('t-site'), label: 'Site page', channel: 'online', stageId }));
    useUiStore.setState({ notice: null });
  });

  describe('step (the default)', () => {
    it('makes each change one undo step', () => {
      const before = undoSteps();
      runCommand(rate('t-ad', 3));
      runCommand(rate('t-ad', 5), { history: 'step' });
      expect(undoSteps()).toBe(before + 2);
      documentHistory.undo();
      expect(score('t-ad')).toBe(3);
    });

    it('clears the redo stack', () => {
      runCommand(rate('t-ad', 3));
      documentHistory.undo();
      expect(redoSteps()).toBe(1);
      runCommand(rate('t-ad', 4));
      expect(redoSteps()).toBe(0);
    });
  });

  describe('merge', () => {
    it('folds the change into the last step of the same gesture: one undo goes back to before it', () => {
      runCommand(rate('t-site', 8));
      const before = undoSteps();
      runCommand(rate('t-site', 1), { mergeKey: 'score:t-site' });
      runCommand(rate('t-site', 10), { history: 'merge', mergeKey: 'score:t-site' });
      expect(score('t-site')).toBe(10);
      expect(undoSteps()).toBe(before + 1);
      documentHistory.undo();
      expect(score('t-site')).toBe(8);
      documentHistory.redo();
      expect(score('t-site')).toBe(10);
    });

    it('makes a new step when the last step was another gesture', () => {
      runCommand(rate('t-site', 1), { mergeKey: 'score:t-site' });
      const before = undoSteps();
      runCommand(rate('t-ad', 4), { history: 'merge', mergeKey: 'score:t-ad' });
      expect(undoSteps()).toBe(before + 1);
      documentHistory.undo();
      expect(score('t-site')).toBe(1);
      expect(score('t-ad')).toBeUndefined();
    });

    it('makes a new step when a different change came in between, so that change is never undone with it', () => {
      runCommand(rate('t-site', 1), { mergeKey: 'score:t-site' });
      runCommand(rename('t-ad', 'Search ad'));
      const before = undoSteps();
      runCommand(rate('t-site', 10), { history: 'merge', mergeKey: 'score:t-site' });
      expect(undoSteps()).toBe(before + 1);
      documentHistory.undo();
      expect(score('t-site')).toBe(1);
      expect(label('t-ad')).toBe('Search ad');
    });

    it('makes a new step when the last step was undone in between', () => {
      runCommand(rate('t-site', 1), { mergeKey: 'score:t-site' });
      runCommand(rate('t-site', 2), { mergeKey: 'score:t-site' });
      documentHistory.undo();
      const before = undoSteps();
      runCommand(rate('t-site', 10), { history: 'merge', mergeKey: 'score:t-site' });
      expect(undoSteps()).toBe(before + 1);
      documentHistory.undo();
      expect(score('t-site')).toBe(1);
    });

    it('makes a new step when the change before made no step (nothing to fold into)', () => {
      runCommand(rate('t-site', 1));
      runCommand(rename('t-ad', 'Search ad'));
      // the cell already holds 1: this "1" changes nothing and records nothing
      runCommand(rate('t-site', 1), { mergeKey: 'score:t-site' });
      runCommand(rate('t-site', 10), { history: 'merge', mergeKey: 'score:t-site' });
      documentHistory.undo();
      expect(score('t-site')).toBe(1);
      expect(label('t-ad')).toBe('Search ad');
    });

    it('makes a new step on a freshly opened map', () => {
      useDocumentStore.getState().open(doc());
      runCommand(rate('t-site', 10), { history: 'merge', mergeKey: 'score:t-site' });
      expect(undoSteps()).toBe(1);
    });

    it('clears the redo stack', () => {
      runCommand(rate('t-ad', 3));
      documentHistory.undo();
      runCommand(rate('t-site', 1), { history: 'merge', mergeKey: 'score:t-site' });
      expect(redoSteps()).toBe(0);
      runCommand(rate('t-site', 2), { mergeKey: 'score:t-site' });
      runCommand(rate('t-site', 3), { history: 'merge', mergeKey: 'score:t-site' });
      expect(redoSteps()).toBe(0);
    });

    it('leaves no step at all when the folded change takes the document back to where the step began', () => {
      const start = doc();
      const before = undoSteps();
      runCommand((d) => addTouchpoint(d, { id: asId.topic('t-new'), label: 'New touchpoint', channel: 'online' }), { mergeKey: 'new:t-new' });
      runCommand(() => start, { history: 'merge', mergeKey: 'new:t-new' });
      expect(doc()).toBe(start);
      expect(undoSteps()).toBe(before);
      expect(redoSteps()).toBe(0);
      documentHistory.undo();
      expect(label('t-site')).toBeUndefined();
    });

    it('folds nothing and keeps the step when the command is refused', () => {
      runCommand(rate('t-site', 1), { mergeKey: 'score:t-site' });
      const before = undoSteps();
      expect(runCommand(rate('t-site', 14), { history: 'merge', mergeKey: 'score:t-site' })).toBe(false);
      expect(useUiStore.getState().notice?.text).toMatch(/score: 14 is not 0–10/);
      expect(undoSteps()).toBe(before);
      expect(score('t-site')).toBe(1);
    });
  });

  describe('skip', () => {
    it('changes the document and leaves the undo and redo stacks as they were', () => {
      runCommand(rate('t-ad', 3));
      runCommand(rate('t-ad', 4));
      documentHistory.undo();
      const [past, future] = [undoSteps(), redoSteps()];
      runCommand(rename('t-site', 'Landing page'), { history: 'skip' });
      expect(label('t-site')).toBe('Landing page');
      expect([undoSteps(), redoSteps()]).toEqual([past, future]);
    });

    it('is never undone or redone by the user: every earlier and later state keeps it', () => {
      runCommand(rate('t-ad', 3));
      runCommand(rate('t-ad', 4));
      documentHistory.undo();
      runCommand(rename('t-site', 'Landing page'), { history: 'skip' });
      documentHistory.redo();
      expect([score('t-ad'), label('t-site')]).toEqual([4, 'Landing page']);
      documentHistory.undo();
      documentHistory.undo();
      expect([score('t-ad'), label('t-site')]).toEqual([undefined, 'Landing page']);
    });

    it('is kept when undo goes all the way back to the map as it was opened', () => {
      useDocumentStore.getState().open(doc());
      runCommand(rate('t-ad', 3));
      runCommand(rename('t-site', 'Landing page'), { history: 'skip' });
      documentHistory.undo();
      expect([score('t-ad'), label('t-site')]).toEqual([undefined, 'Landing page']);
      documentHistory.redo();
      expect([score('t-ad'), label('t-site')]).toEqual([3, 'Landing page']);
    });

    it('keeps each of several skipped changes through undo and redo, in order', () => {
      runCommand(rate('t-ad', 3));
      runCommand(rename('t-site', 'Landing page'), { history: 'skip' });
      runCommand(rate('t-ad', 4));
      runCommand(rename('t-site', 'Home page'), { history: 'skip' });
      runCommand(rename('t-ad', 'Search ad'), { history: 'skip' });
      documentHistory.undo();
      documentHistory.undo();
      expect([score('t-ad'), label('t-site'), label('t-ad')]).toEqual([undefined, 'Home page', 'Search ad']);
      documentHistory.redo();
      documentHistory.redo();
      expect([score('t-ad'), label('t-site'), label('t-ad')]).toEqual([4, 'Home page', 'Search ad']);
    });

    it('leaves a state it cannot apply to as it was (the touchpoint did not exist yet there)', () => {
      documentHistory.undo(); // back to before "Site page" was added
      documentHistory.redo();
      runCommand(rename('t-site', 'Landing page'), { history: 'skip' });
      documentHistory.undo();
      expect(doc().topics[asId.topic('t-site')]).toBeUndefined();
      documentHistory.redo();
      expect(label('t-site')).toBe('Landing page');
    });

    it('makes a later merge a new step: the document changed since the last step', () => {
      runCommand(rate('t-site', 1), { mergeKey: 'score:t-site' });
      runCommand(rename('t-ad', 'Search ad'), { history: 'skip' });
      const before = undoSteps();
      runCommand(rate('t-site', 10), { history: 'merge', mergeKey: 'score:t-site' });
      expect(undoSteps()).toBe(before + 1);
    });
  });
});
