/**
 * What the map holds must always save to a .touchmap file the app imports again, so the editing
 * commands and paste keep the limits the reader checks (shared/limits.ts): an over-long label,
 * notes or action, a paste nested past the depth limit, are refused with a message naming the
 * limit, and the map is left as it was. A deep paste also costs in proportion to its size.
 */
import { describe, expect, it } from 'vitest';
import { parseTouchmapFile, serializeTouchmapFile } from '@shared/file-format';
import { MAX_CHAIN_STEPS, MAX_CHAINS, MAX_COMPETITORS, MAX_LABEL_LENGTH, MAX_SEGMENTS, MAX_STAGES, MAX_TEXT_LENGTH, MAX_TOPIC_DEPTH, MAX_TOPICS_PER_MAP } from '@shared/limits';
import { addChain, appendChainStep } from '@shared/model/commands/chains';
import { addCompetitor, addSegment } from '@shared/model/commands/segments';
import { addDetail, addTouchpoint } from '@shared/model/commands/topics';
import { runCommand } from '../../../renderer/src/store/run-command';
import { mapDoc } from '../../builders/map-doc';
import { openEditor } from '../../builders/editor';
import { addStage, renameStage } from '@shared/model/commands/stages';
import { renameTopic, setTopicFields } from '@shared/model/commands/topics';
import { CommandError } from '@shared/model/errors';
import { touchpointsOf } from '@shared/model/selectors';
import type { ChainId, MapDoc, Topic } from '@shared/model/types';
import { pasteTopics, type ClipboardTopic } from '../../../renderer/src/features/clipboard/paste-topics';
import { mapAround } from '../export/hostile-maps';
import { asId } from '../../builders/ids';
import { idsOf } from '@shared/model/ids';

const doc = (): MapDoc => mapAround('Website');
const counter = () => {
  let n = 0;
  return () => asId.topic(`t-paste-${(n += 1)}`);
};

function nested(depth: number): ClipboardTopic {
  let entry: ClipboardTopic = { label: 'Leaf', children: [] };
  for (let i = 0; i < depth - 1; i += 1) entry = { label: 'Detail', children: [entry] };
  return entry;
}

describe('editing keeps the limits of a file', () => {
  it('refuses a label longer than MAX_LABEL_LENGTH, and accepts one at the limit that saves and imports', () => {
    expect(() => renameTopic(doc(), asId.topic('t-1'), 'x'.repeat(MAX_LABEL_LENGTH + 1))).toThrow(new CommandError('label', 'is 10,001 characters long; it may be up to 10,000'));
    const at = renameTopic(doc(), asId.topic('t-1'), 'x'.repeat(MAX_LABEL_LENGTH));
    expect(parseTouchmapFile(serializeTouchmapFile([at], '2026-12-01T00:00:00.000Z')).ok).toBe(true);
    expect(() => renameStage(doc(), asId.stage('s-1'), 'S'.repeat(MAX_LABEL_LENGTH + 1))).toThrow(/10,000/);
  });

  it('refuses notes and an action longer than MAX_TEXT_LENGTH', () => {
    expect(() => setTopicFields(doc(), [asId.topic('t-1')], { notes: 'n'.repeat(MAX_TEXT_LENGTH + 1) })).toThrow(/notes: is 100,001 characters long; it may be up to 100,000/);
    expect(() => setTopicFields(doc(), [asId.topic('t-1')], { action: { what: 'w'.repeat(MAX_TEXT_LENGTH + 1), status: 'todo' } })).toThrow(/action\.what/);
    expect((setTopicFields(doc(), [asId.topic('t-1')], { notes: 'n'.repeat(MAX_TEXT_LENGTH) }).topics[asId.topic('t-1')] as Topic).notes).toHaveLength(MAX_TEXT_LENGTH);
  });
});

describe('adding keeps the counts of a file', () => {
  const full = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

  it(`refuses a stage, a segment and a competitor past ${MAX_STAGES} each, naming the limit`, () => {
    const base = doc();
    const crowded: MapDoc = {
      ...base,
      map: {
        ...base.map,
        stages: full(MAX_STAGES, (i) => ({ id: asId.stage(`s-f${i}`), name: `Stage ${i}` })),
        segments: full(MAX_SEGMENTS, (i) => ({ id: asId.segment(`g-f${i}`), name: `Segment ${i}` })),
        competitors: full(MAX_COMPETITORS, (i) => ({ id: asId.competitor(`c-f${i}`), name: `Rival ${i}` })),
      },
    };
    expect(() => addStage(crowded, { id: asId.stage('s-new'), name: 'One more' })).toThrow(new CommandError('stages', 'the map has 200 stages; a map holds up to 200 stages'));
    expect(() => addSegment(crowded, { id: asId.segment('g-new'), name: 'One more' })).toThrow(/segments: the map has 200 segments; a map holds up to 200 segments/);
    expect(() => addCompetitor(crowded, { id: asId.competitor('c-new'), name: 'One more' })).toThrow(/competitors: the map has 200 competitors; a map holds up to 200 competitors/);
    // One below the limit, each still adds.
    const roomy = { ...crowded, map: { ...crowded.map, stages: crowded.map.stages.slice(1), competitors: crowded.map.competitors.slice(1) } };
    expect(addStage(roomy, { id: asId.stage('s-new'), name: 'Last' }).map.stages).toHaveLength(MAX_STAGES);
    expect(addCompetitor(roomy, { id: asId.competitor('c-new'), name: 'Last' }).map.competitors).toHaveLength(MAX_COMPETITORS);
  });

  it(`refuses a chain past ${MAX_CHAINS.toLocaleString('en-US')} and a step past ${MAX_CHAIN_STEPS.toLocaleString('en-US')}`, () => {
    const base = doc();
    const chains = Object.fromEntries(full(MAX_CHAINS, (i) => [`j-f${i}`, { id: asId.chain(`j-f${i}`), name: `Chain ${i}`, steps: [] }]));
    const many: MapDoc = { ...base, chains, chainOrder: idsOf<ChainId>(chains) };
    expect(() => addChain(many, { id: asId.chain('j-new'), name: 'One more' })).toThrow(/chains: the map has 10,000 chains; a map holds up to 10,000 chains/);
    const long: MapDoc = { ...base, chains: { [asId.chain('j-1')]: { id: asId.chain('j-1'), name: 'Loop', steps: full(MAX_CHAIN_STEPS, () => asId.topic('t-1')) } }, chainOrder: [asId.chain('j-1')] };
    expect(() => appendChainStep(long, asId.chain('j-1'), asId.topic('t-1'))).toThrow(/steps: the chain has 10,000 steps; a chain holds up to 10,000 steps/);
  });

  it(`refuses a touchpoint or a detail past ${MAX_TOPICS_PER_MAP.toLocaleString('en-US')} topics`, () => {
    const base = doc();
    const topics = { ...base.topics };
    for (let i = Object.keys(topics).length; i < MAX_TOPICS_PER_MAP; i += 1) topics[asId.topic(`t-f${i}`)] = { id: asId.topic(`t-f${i}`), parentId: asId.topic('t-1'), order: i, label: '' };
    const full = { ...base, topics };
    expect(() => addTouchpoint(full, { id: asId.topic('t-new'), label: 'One more' })).toThrow(/topics: the map has 100,000 topics; a map holds up to 100,000 topics/);
    expect(() => addDetail(full, { id: asId.topic('t-new'), parentId: asId.topic('t-1'), label: 'One more' })).toThrow(/100,000 topics/);
  });

  it('shows the refusal to the user and leaves the map as it was', () => {
    const base = mapDoc('Clinic', { stages: full(MAX_STAGES, (i) => `Stage ${i}`) }).build();
    const editor = openEditor(base);
    const before = editor.doc;
    runCommand((current) => addStage(current, { id: asId.stage('s-new'), name: 'One more' }));
    editor.expectRefused('stages: the map has 200 stages; a map holds up to 200 stages', before);
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
