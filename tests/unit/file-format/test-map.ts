/**
 * A small driver for building maps in tests, in the words of the domain:
 *
 *   createTestMap('Clinic', { stages: ['Awareness'], competitors: ['City Clinic'] })
 *     .touchpoint('Context ad', { channel: 'online', stage: 'Awareness', score: 4, competitors: { 'City Clinic': 7 } })
 *     .detail('Context ad', 'Search ad')
 *     .chain('First visit', ['Context ad'])
 *     .doc()
 *
 * Ids are predictable (`t-1`, `s-1`…) and records refer to each other by label or name, so a
 * test reads like the story it tells. Absent fields stay absent (no `undefined` keys), as a
 * parsed file has them.
 */
import type { Chain, Locale, MapDoc, Topic, TopicFields } from '@shared/model/types';

type TopicSpec = Omit<TopicFields, 'label' | 'stageId' | 'segmentIds' | 'competitorScores'> & {
  /** Stage by name. */
  readonly stage?: string;
  /** Segments by name. */
  readonly segments?: readonly string[];
  /** Competitor scores by competitor name. */
  readonly competitors?: Readonly<Record<string, number>>;
  readonly order?: number;
};

export interface TestMap {
  touchpoint(label: string, spec?: TopicSpec): TestMap;
  detail(parentLabel: string, label: string, spec?: TopicSpec): TestMap;
  chain(name: string, stepLabels: readonly string[], segment?: string): TestMap;
  /** The id of the topic with this label. */
  id(label: string): string;
  doc(): MapDoc;
}

export function createTestMap(
  title: string,
  options: {
    readonly id?: string;
    readonly locale?: Locale;
    readonly root?: string;
    readonly stages?: readonly string[];
    readonly segments?: readonly string[];
    readonly competitors?: readonly string[];
  } = {},
): TestMap {
  const named = (prefix: string, names: readonly string[] = []) => names.map((name, i) => ({ id: `${prefix}-${i + 1}`, name }));
  const stages = named('s', options.stages);
  const segments = named('g', options.segments);
  const competitors = named('c', options.competitors);
  const byName = (list: readonly { id: string; name: string }[], name: string) => {
    const found = list.find((r) => r.name === name);
    if (!found) throw new Error(`test map: no record named ${name}`);
    return found.id;
  };
  const rootId = 't-0';
  const topics: Topic[] = [{ id: rootId, parentId: null, order: 0, label: options.root ?? title }];
  const chains: Chain[] = [];
  const idOf = (label: string) => {
    const found = topics.find((t) => t.label === label);
    if (!found) throw new Error(`test map: no topic labelled ${label}`);
    return found.id;
  };

  const add = (parentId: string, label: string, spec: TopicSpec = {}) => {
    const { stage, segments: segmentNames, competitors: scores, order, ...fields } = spec;
    const siblings = topics.filter((t) => t.parentId === parentId).length;
    topics.push({
      id: `t-${topics.length}`,
      parentId,
      order: order ?? siblings,
      label,
      ...(stage !== undefined && { stageId: byName(stages, stage) }),
      ...(segmentNames !== undefined && { segmentIds: segmentNames.map((n) => byName(segments, n)) }),
      ...(scores !== undefined && {
        competitorScores: Object.fromEntries(Object.entries(scores).map(([name, score]) => [byName(competitors, name), score])),
      }),
      ...fields,
    });
  };

  const map: TestMap = {
    touchpoint(label, spec) {
      add(rootId, label, spec);
      return map;
    },
    detail(parentLabel, label, spec) {
      add(idOf(parentLabel), label, spec);
      return map;
    },
    chain(name, stepLabels, segment) {
      chains.push({
        id: `j-${chains.length + 1}`,
        name,
        ...(segment !== undefined && { segmentId: byName(segments, segment) }),
        steps: stepLabels.map(idOf),
      });
      return map;
    },
    id: idOf,
    doc() {
      return {
        map: {
          id: options.id ?? 'm-1',
          title,
          locale: options.locale ?? 'en',
          stages,
          segments,
          competitors,
          createdAt: '2026-11-20T09:00:00.000Z',
          updatedAt: '2026-11-25T09:59:00.000Z',
        },
        topics: Object.fromEntries(topics.map((t) => [t.id, t])),
        chains: Object.fromEntries(chains.map((c) => [c.id, c])),
        chainOrder: chains.map((c) => c.id),
      };
    },
  };
  return map;
}

/**
 * A map with every field and every script the app must carry: English, Russian, Korean,
 * Japanese, nested details, two chains, competitors and segments.
 */
export function richTestMap(id = 'm-rich'): MapDoc {
  return createTestMap('Клиника — новые пациенты', {
    id,
    locale: 'ru',
    root: 'Клиника',
    stages: ['Awareness', 'Consideration', '購入'],
    segments: ['New patients', '재방문'],
    competitors: ['City Clinic', 'Городская клиника'],
  })
    .touchpoint('Context ad', {
      channel: 'online',
      stage: 'Awareness',
      kind: 'communication',
      segments: ['New patients'],
      importance: 8,
      score: 4,
      competitors: { 'City Clinic': 7, 'Городская клиника': 0 },
      reaction: 'neutral',
      attention: 'short',
      lifespan: 'one-time',
      notes: 'Ad text promises a free first consultation\nsecond line',
      action: { what: 'Rewrite the ad around the free diagnosis', owner: 'Marketing', due: '2026-12-15', status: 'todo' },
      team: 'Marketing',
      process: 'Ad campaign',
      outcome: 'Click to the site',
      data: 'Clicks, cost per lead',
      position: { x: 420, y: -80.5 },
      collapsed: false,
    })
    .detail('Context ad', "Search ad, 'varicose laser'")
    .detail("Search ad, 'varicose laser'", 'Ключевые слова')
    .touchpoint('Запись на приём', { channel: 'offline', stage: 'Consideration', importance: 10, score: 2, action: { what: 'Позвонить', status: 'doing' } })
    .touchpoint('예약 확인 문자', { channel: 'online', stage: '購入', score: 9, segments: ['재방문', 'New patients'] })
    .touchpoint('受付・よやく', { channel: 'offline', order: 0.5, collapsed: true })
    .touchpoint('<img src=x onerror=alert(1)>', {})
    .chain('First visit', ['Context ad', 'Запись на приём', 'Context ad'], 'New patients')
    .chain('재방문 여정', ['예약 확인 문자'])
    .doc();
}

/**
 * The map with every id replaced by what it names (stage and competitor names, a topic's label
 * path), so two maps compare equal when they are the same map "ids aside".
 */
export function withoutIds(doc: MapDoc): unknown {
  const name = (list: readonly { id: string; name: string }[], id: string) => list.find((r) => r.id === id)?.name ?? `?${id}`;
  const { map } = doc;
  const topics = Object.values(doc.topics);
  const pathOf = (id: string): string => {
    const t = doc.topics[id];
    if (!t) return `?${id}`;
    return t.parentId === null ? t.label : `${pathOf(t.parentId)} / ${t.label}`;
  };
  const tree = (t: Topic): unknown => {
    const { id: _id, parentId: _parentId, stageId, segmentIds, competitorScores, ...rest } = t;
    return {
      ...rest,
      ...(stageId !== undefined && { stage: name(map.stages, stageId) }),
      ...(segmentIds !== undefined && { segments: segmentIds.map((s) => name(map.segments, s)) }),
      ...(competitorScores !== undefined && {
        competitors: Object.fromEntries(Object.entries(competitorScores).map(([c, score]) => [name(map.competitors, c), score])),
      }),
      children: topics
        .filter((c) => c.parentId === t.id)
        .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
        .map(tree),
    };
  };
  const { id: _mapId, ...meta } = map;
  return {
    ...meta,
    stages: map.stages.map((s) => s.name),
    segments: map.segments.map((s) => s.name),
    competitors: map.competitors.map((c) => c.name),
    roots: topics.filter((t) => t.parentId === null).map(tree),
    chains: doc.chainOrder.map((id) => {
      const c = doc.chains[id];
      return c && { name: c.name, segment: c.segmentId && name(map.segments, c.segmentId), steps: c.steps.map(pathOf) };
    }),
  };
}
