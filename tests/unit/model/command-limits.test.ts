/**
 * What the map holds must always save to a .touchmap file the app imports again, so the editing
 * commands and paste keep the limits the reader checks (shared/limits.ts): an over-long label,
 * notes or action, a paste nested past the depth limit, are refused with a message naming the
 * limit, and the map is left as it was. A deep paste also costs in proportion to its size.
 */
import { describe, expect, it } from 'vitest';
import { parseTouchmapFile, serializeTouchmapFile } from '@shared/file-format';
import { MAX_LABEL_LENGTH, MAX_TEXT_LENGTH, MAX_TOPIC_DEPTH } from '@shared/limits';
import { renameStage } from '@shared/model/commands/stages';
import { renameTopic, setTopicFields } from '@shared/model/commands/topics';
import { CommandError } from '@shared/model/errors';
import { touchpointsOf } from '@shared/model/selectors';
import type { MapDoc, Topic } from '@shared/model/types';
import { pasteTopics, type ClipboardTopic } from '../../../renderer/src/features/clipboard/paste-topics';
import { mapAround } from '../export/hostile-maps';

const doc = (): MapDoc => mapAround('Website');
const counter = () => {
  let n = 0;
  return () => `t-paste-${(n += 1)}`;
};

function nested(depth: number): ClipboardTopic {
  let entry: ClipboardTopic = { label: 'Leaf', children: [] };
  for (let i = 0; i < depth - 1; i += 1) entry = { label: 'Detail', children: [entry] };
  return entry;
}

describe('editing keeps the limits of a file', () => {
  it('refuses a label longer than MAX_LABEL_LENGTH, and accepts one at the limit that saves and imports', () => {
    expect(() => renameTopic(doc(), 't-1', 'x'.repeat(MAX_LABEL_LENGTH + 1))).toThrow(new CommandError('label', 'is 10,001 characters long; it may be up to 10,000'));
    const at = renameTopic(doc(), 't-1', 'x'.repeat(MAX_LABEL_LENGTH));
    expect(parseTouchmapFile(serializeTouchmapFile([at], '2026-12-01T00:00:00.000Z')).ok).toBe(true);
    expect(() => renameStage(doc(), 's-1', 'S'.repeat(MAX_LABEL_LENGTH + 1))).toThrow(/10,000/);
  });

  it('refuses notes and an action longer than MAX_TEXT_LENGTH', () => {
    expect(() => setTopicFields(doc(), ['t-1'], { notes: 'n'.repeat(MAX_TEXT_LENGTH + 1) })).toThrow(/notes: is 100,001 characters long; it may be up to 100,000/);
    expect(() => setTopicFields(doc(), ['t-1'], { action: { what: 'w'.repeat(MAX_TEXT_LENGTH + 1), status: 'todo' } })).toThrow(/action\.what/);
    expect((setTopicFields(doc(), ['t-1'], { notes: 'n'.repeat(MAX_TEXT_LENGTH) }).topics['t-1'] as Topic).notes).toHaveLength(MAX_TEXT_LENGTH);
  });
});

describe('paste keeps the limits of a file', () => {
  it('refuses a pasted label over the limit, naming the entry', () => {
    expect(() => pasteTopics(doc(), [{ label: 'y'.repeat(MAX_LABEL_LENGTH + 1), children: [] }], { target: {}, newId: counter() })).toThrow(/topics\[0\]\.label: is 10,001 characters long/);
  });

  it(`pastes ${MAX_TOPIC_DEPTH.toLocaleString('en-US')} levels fast, and refuses one level more`, () => {
    const started = performance.now();
    const { doc: pasted } = pasteTopics(doc(), [nested(MAX_TOPIC_DEPTH)], { target: {}, newId: counter() });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(Object.keys(pasted.topics)).toHaveLength(Object.keys(doc().topics).length + MAX_TOPIC_DEPTH);
    expect(touchpointsOf(pasted).at(-1)?.label).toBe('Detail');
    expect(() => pasteTopics(doc(), [nested(MAX_TOPIC_DEPTH + 1)], { target: {}, newId: counter() })).toThrow(/10,001 levels deep; details nest up to 10,000 levels/);
  });
});
