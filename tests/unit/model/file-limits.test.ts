/**
 * The limits of a map (shared/limits.ts): the .touchmap reader refuses a file past any of them with
 * a message naming the limit, and every text export's output stays in proportion to the file it
 * came from — a deep line of details or a long label repeated on many rows must not multiply.
 */
import { describe, expect, it } from 'vitest';
import { parseTouchmapFile, serializeTouchmapFile } from '@shared/file-format';
import {
  MAX_COMPETITORS,
  MAX_LABEL_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_TOPIC_DEPTH,
  MAX_TOPICS_PER_MAP,
  limitText,
  MAX_CHAIN_STEPS,
} from '@shared/limits';
import type { MapDoc, Topic } from '@shared/model/types';
import { actionPlanCsv } from '../../../renderer/src/features/export/data/action-plan-csv';
import { outlineMarkdown } from '../../../renderer/src/features/export/data/outline-markdown';
import { formatOutlineText, type OutlineEntry } from '../../../renderer/src/features/clipboard/outline-text';
import { asId } from '../../builders/ids';

const STAMP = '2026-12-01T00:00:00.000Z';

/** A map whose one touchpoint has a line of `depth` details, each with an action, labelled `label`. */
function deepMap(depth: number, label = 'Detail'): MapDoc {
  const topics: Record<string, Topic> = {
    't-root': { id: asId.topic('t-root'), parentId: null, order: 0, label: 'Clinic' },
    't-0': { id: asId.topic('t-0'), parentId: asId.topic('t-root'), order: 0, label, channel: 'online', stageId: asId.stage('s-1'), competitorScores: { [asId.competitor('c-1')]: 5 } },
  };
  for (let i = 1; i <= depth - 1; i += 1) {
    topics[`t-${i}`] = { id: asId.topic(`t-${i}`), parentId: asId.topic(`t-${i - 1}`), order: 0, label, action: { what: 'Fix', status: 'todo' } };
  }
  return {
    map: { id: asId.map('m-deep'), title: 'Deep', locale: 'en', stages: [{ id: asId.stage('s-1'), name: 'Awareness' }], segments: [], competitors: [{ id: asId.competitor('c-1'), name: 'Rival' }], createdAt: STAMP, updatedAt: STAMP },
    topics,
    chains: {},
    chainOrder: [],
  };
}

/** A file as text, built by hand so it may break the limits the writer's maps never do. */
function fileWith(doc: MapDoc): string {
  return serializeTouchmapFile([doc], STAMP);
}

describe('the .touchmap reader refuses maps past a limit, naming it', { timeout: 60_000 }, () => {
  it('refuses a line of details deeper than MAX_TOPIC_DEPTH and accepts one at it', () => {
    const tooDeep = parseTouchmapFile(fileWith(deepMap(MAX_TOPIC_DEPTH + 1)));
    expect(tooDeep).toMatchObject({ ok: false, error: expect.stringContaining(`up to ${limitText(MAX_TOPIC_DEPTH)} levels deep`) });
    expect(tooDeep.ok === false && tooDeep.details).toContain('MAX_TOPIC_DEPTH');
    expect(parseTouchmapFile(fileWith(deepMap(MAX_TOPIC_DEPTH))).ok).toBe(true);
  });

  it('refuses 99,000 levels with the depth limit instead of failing on the export', () => {
    const result = parseTouchmapFile(fileWith(deepMap(99_000)));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/Map "Deep": topic "Detail" is 10,001 levels below the centre topic; details nest up to 10,000 levels deep\./) });
  });

  it('refuses more topics than MAX_TOPICS_PER_MAP', () => {
    const doc = deepMap(1);
    const topics: Record<string, Topic> = { ...doc.topics };
    for (let i = 0; i < MAX_TOPICS_PER_MAP; i += 1) topics[`t-x${i}`] = { id: asId.topic(`t-x${i}`), parentId: asId.topic('t-root'), order: i, label: '' };
    const result = parseTouchmapFile(fileWith({ ...doc, topics }));
    expect(result).toMatchObject({ ok: false, path: 'maps[0].topics', error: expect.stringContaining(`has ${limitText(MAX_TOPICS_PER_MAP + 2)} topics; a map holds up to ${limitText(MAX_TOPICS_PER_MAP)} topics`) });
  });

  it('refuses a label longer than MAX_LABEL_LENGTH and notes longer than MAX_TEXT_LENGTH, and accepts both at their limit', () => {
    const doc = deepMap(2);
    const withTopic = (fields: Partial<Topic>) => ({ ...doc, topics: { ...doc.topics, 't-0': { ...(doc.topics[asId.topic('t-0')] as Topic), ...fields } } });
    const label = parseTouchmapFile(fileWith(withTopic({ label: ' '.repeat(MAX_LABEL_LENGTH + 1) })));
    expect(label).toMatchObject({ ok: false, path: 'maps[0].topics[1].label', error: expect.stringContaining(`labels and names are up to ${limitText(MAX_LABEL_LENGTH)} characters`) });
    const notes = parseTouchmapFile(fileWith(withTopic({ notes: 'n'.repeat(MAX_TEXT_LENGTH + 1) })));
    expect(notes).toMatchObject({ ok: false, path: 'maps[0].topics[1].notes', error: expect.stringContaining(`up to ${limitText(MAX_TEXT_LENGTH)} characters`) });
    expect(parseTouchmapFile(fileWith(withTopic({ label: 'l'.repeat(MAX_LABEL_LENGTH), notes: 'n'.repeat(MAX_TEXT_LENGTH) }))).ok).toBe(true);
  });

  it('refuses a chain of more steps than MAX_CHAIN_STEPS, and accepts one at it', () => {
    const doc = deepMap(1);
    const withSteps = (n: number) => ({ ...doc, chains: { [asId.chain('j-1')]: { id: asId.chain('j-1'), name: 'Loop', steps: Array.from({ length: n }, () => asId.topic('t-0')) } }, chainOrder: [asId.chain('j-1')] });
    const result = parseTouchmapFile(fileWith(withSteps(MAX_CHAIN_STEPS + 1)));
    expect(result).toMatchObject({ ok: false, path: 'maps[0].chains[0].steps', error: expect.stringContaining(`chain "Loop" has ${limitText(MAX_CHAIN_STEPS + 1)} steps; a chain holds up to ${limitText(MAX_CHAIN_STEPS)} steps`) });
    expect(result.ok === false && result.details).toContain('MAX_CHAIN_STEPS');
    expect(parseTouchmapFile(fileWith(withSteps(MAX_CHAIN_STEPS))).ok).toBe(true);
  });

  it('refuses more competitors than MAX_COMPETITORS', () => {
    const doc = deepMap(1);
    const competitors = Array.from({ length: MAX_COMPETITORS + 1 }, (_, i) => ({ id: asId.competitor(`c-${i}`), name: `Rival ${i}` }));
    const result = parseTouchmapFile(fileWith({ ...doc, map: { ...doc.map, competitors } }));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining(`a map holds up to ${limitText(MAX_COMPETITORS)} competitors`) });
  });
});

describe('text exports stay in proportion to the file', { timeout: 60_000 }, () => {
  it('writes the Markdown outline of a 10,000-deep line of details in a few times the file size, not 100 MB', () => {
    const doc = deepMap(MAX_TOPIC_DEPTH);
    const file = fileWith(doc);
    const markdown = outlineMarkdown(doc);
    expect(markdown.split('\n').filter((line) => line.includes('Detail'))).toHaveLength(MAX_TOPIC_DEPTH);
    expect(markdown.length).toBeLessThan(file.length);
  });

  it('writes the clipboard outline of a 10,000-deep line in proportion too', () => {
    let entry: OutlineEntry = { label: 'Leaf', children: [] };
    for (let i = 0; i < MAX_TOPIC_DEPTH; i += 1) entry = { label: 'Detail', children: [entry] };
    const text = formatOutlineText([entry]);
    expect(text.length).toBeLessThan(60 * MAX_TOPIC_DEPTH);
  });

  it('writes the action plan of many detail actions under a long label in proportion to the file, not 60 MB', () => {
    const doc = deepMap(3_000, 'L'.repeat(MAX_LABEL_LENGTH));
    const file = fileWith(doc);
    const csv = actionPlanCsv(doc);
    // Every detail with an action has its row, named by its touchpoint and parent.
    expect(csv.split('\r\n').length - 2).toBe(3_000);
    expect(csv.length).toBeLessThan(file.length);
  });
});
