import { describe, expect, it } from 'vitest';
import { ChainSchema, MapMetaSchema, TOPIC_FIELD_NAMES, TopicSchema, issueText } from '@shared/model';

/** The topic of FILE-FORMAT.md's example, every field filled in. */
const exampleTopic = {
  id: 't-ad', parentId: 't-root', order: 0, label: 'Context ad',
  channel: 'online', stageId: 's-aw', kind: 'communication', segmentIds: ['g-1'],
  importance: 8, score: 4, competitorScores: { 'c-1': 7 },
  reaction: 'neutral', attention: 'short', lifespan: 'one-time',
  notes: 'Ad text promises a free first consultation',
  action: { what: 'Rewrite the ad around the free diagnosis', owner: 'Marketing', due: '2026-12-15', status: 'todo' },
  team: 'Marketing', process: 'Ad campaign', outcome: 'Click to the site', data: 'Clicks, cost per lead',
  position: { x: 420, y: -80 }, collapsed: false,
};

const messageOf = (result: { success: boolean; error?: { issues: Parameters<typeof issueText>[0][] } }, prefix = '') =>
  result.error?.issues.map((issue) => issueText(issue, prefix));

describe('record schemas (FILE-FORMAT.md)', () => {
  it('read the example file’s records as they are', () => {
    expect(TopicSchema.parse(exampleTopic)).toEqual(exampleTopic);
    expect(TopicSchema.parse({ id: 't-root', parentId: null, order: 0, label: 'Clinic' })).toEqual({ id: 't-root', parentId: null, order: 0, label: 'Clinic' });
    const chain = { id: 'j-1', name: 'First visit', segmentId: 'g-1', steps: ['t-ad', 't-site', 't-ad'] };
    expect(ChainSchema.parse(chain)).toEqual(chain);
    const meta = {
      id: 'm-7f3a', title: 'Clinic — new patients', locale: 'en',
      stages: [{ id: 's-aw', name: 'Awareness' }], segments: [{ id: 'g-1', name: 'New patients' }], competitors: [{ id: 'c-1', name: 'City Clinic' }],
      createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-25T09:59:00.000Z',
    };
    expect(MapMetaSchema.parse(meta)).toEqual(meta);
  });

  it('ignore fields they do not know (a later version may add some)', () => {
    expect(TopicSchema.parse({ id: 't-1', parentId: null, order: 0, label: 'X', mapId: 'm-1', colour: 'red' })).toEqual({ id: 't-1', parentId: null, order: 0, label: 'X' });
  });

  it('name the value and the rule, so a reader can prefix the path', () => {
    const bad = { ...exampleTopic, score: 14, importance: 0, competitorScores: { 'c-1': 7.5 }, channel: 'web', action: { what: 'X', due: '15.12.2026', status: 'later' } };
    expect(messageOf(TopicSchema.safeParse(bad), 'maps[0].topics[12]')).toEqual([
      'maps[0].topics[12].channel: "web" is not one of online, offline',
      'maps[0].topics[12].importance: 0 is not 1–10',
      'maps[0].topics[12].score: 14 is not 0–10',
      'maps[0].topics[12].competitorScores.c-1: 7.5 is not 0–10',
      'maps[0].topics[12].action.due: "15.12.2026" is not a date YYYY-MM-DD',
      'maps[0].topics[12].action.status: "later" is not one of todo, doing, done',
    ]);
    expect(messageOf(TopicSchema.safeParse({ id: 't-1', parentId: null, order: 0 }))).toEqual(['label: is missing (text)']);
    expect(messageOf(ChainSchema.safeParse({ id: 'j-1', name: 'X', steps: 't-1' }))).toEqual(['steps: "t-1" is not a list']);
    expect(messageOf(MapMetaSchema.safeParse(null))).toEqual(['null is not an object']);
  });

  it('refuse empty ids and "__proto__", since records are kept in objects keyed by id', () => {
    expect(messageOf(TopicSchema.safeParse({ id: '', parentId: null, order: 0, label: 'X' }))).toEqual(['id: "" is not an id']);
    expect(messageOf(TopicSchema.safeParse({ id: '__proto__', parentId: null, order: 0, label: 'X' }))).toEqual(['id: "__proto__" is not an id']);
  });

  it('list every editable topic field', () => {
    expect([...TOPIC_FIELD_NAMES].sort()).toEqual(
      ['label', 'channel', 'stageId', 'kind', 'segmentIds', 'importance', 'score', 'competitorScores', 'reaction', 'attention', 'lifespan',
        'notes', 'team', 'process', 'outcome', 'data', 'action', 'position', 'collapsed'].sort(),
    );
  });
});
