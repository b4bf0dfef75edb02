/**
 * Generators of hostile .touchmap files for the fuzz suite: a valid map's file, mutated the ways
 * damaged and crafted files differ from good ones — wrong types, missing fields, cycles, dangling
 * ids, huge and whitespace-only strings, deep nesting, keys named like Object.prototype members
 * (`__proto__`, `constructor`, `toString`), lone surrogates, numbers written as strings.
 */
import * as fc from 'fast-check';
import { serializeTouchmapFile } from '@shared/file-format';
import type { MapDoc, Topic } from '@shared/model/types';
import { asId } from '../../builders/ids';

const STAMP = '2026-12-01T00:00:00.000Z';

/** Names that are members of Object.prototype, or special to it. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf'] as const;

/** The ids of the base map, each a whole JSON string of its own. */
const BASE_IDS = ['m-base', 't-root', 't-1', 't-2', 't-3', 't-4', 's-1', 's-2', 'g-1', 'c-1', 'c-2', 'j-1'] as const;

/** A valid map to mutate: stages, a competitor, touchpoints with details, scores, an action, a chain. */
export function baseMap(): MapDoc {
  const topics: Topic[] = [
    { id: asId.topic('t-root'), parentId: null, order: 0, label: 'Clinic' },
    { id: asId.topic('t-1'), parentId: asId.topic('t-root'), order: 0, label: 'Context ad', channel: 'online', stageId: asId.stage('s-1'), importance: 8, score: 4, competitorScores: { [asId.competitor('c-1')]: 7 }, segmentIds: [asId.segment('g-1')], action: { what: 'Rewrite', owner: 'Marketing', due: '2026-12-15', status: 'todo' } },
    { id: asId.topic('t-2'), parentId: asId.topic('t-1'), order: 0, label: 'Search ad', notes: 'varicose laser' },
    { id: asId.topic('t-3'), parentId: asId.topic('t-root'), order: 1, label: 'Reception', channel: 'offline', stageId: asId.stage('s-2'), score: 9, reaction: 'positive' },
    { id: asId.topic('t-4'), parentId: asId.topic('t-3'), order: 0, label: 'Card and questionnaire', action: { what: 'Shorten', status: 'doing' } },
  ];
  return {
    map: {
      id: asId.map('m-base'),
      title: 'Clinic — new patients',
      locale: 'en',
      stages: [
        { id: asId.stage('s-1'), name: 'Awareness' },
        { id: asId.stage('s-2'), name: 'Purchase' },
      ],
      segments: [{ id: asId.segment('g-1'), name: 'Families' }],
      // Two, and touchpoints scored by the first only: renaming the second's id to "constructor" finds scores read from Object.prototype.
      competitors: [
        { id: asId.competitor('c-1'), name: 'City Clinic' },
        { id: asId.competitor('c-2'), name: 'Health Centre' },
      ],
      createdAt: STAMP,
      updatedAt: STAMP,
    },
    topics: Object.fromEntries(topics.map((t) => [t.id, t])),
    chains: { [asId.chain('j-1')]: { id: asId.chain('j-1'), name: 'First visit', steps: asId.topics('t-1', 't-3') } },
    chainOrder: [asId.chain('j-1')],
  };
}

/** The base map's file as parsed JSON, a fresh copy each time. */
export function baseFileJson(): Record<string, unknown> {
  return JSON.parse(serializeTouchmapFile([baseMap()], STAMP)) as Record<string, unknown>;
}

/** Strings careless code mishandles, kept short enough for hundreds of runs a second. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...PROTOTYPE_KEYS, '', ' ', '\n', '\u0000', '\ud800', '\udfff', 'x\ud800y', '=1+1', '＝SUM(A1)', '<img src=x onerror=alert(1)>', '1e309', 'NaN', '-0', '8', 't-root', 't-1', 's-1', 'c-1', 'g-1', 'j-1'),
  fc.integer({ min: 1, max: 20_000 }).map((n) => ' '.repeat(n)),
  fc.integer({ min: 1, max: 5_000 }).map((n) => ' \n'.repeat(n)),
  fc.integer({ min: 1, max: 5_000 }).map((n) => `${'.'.repeat(n)}x`),
);

/** Any JSON value a hand-edited or crafted file may hold where something else was expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.constantFrom(null, true, false, 0, -1, 1.5, 10, 11, 1e308, -1e308, Number.MAX_SAFE_INTEGER),
    fc.integer().map(String),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom(...PROTOTYPE_KEYS)), tie('value'), { maxKeys: 4 }),
  ),
})).value;

type Json = unknown;

/** Every path to a value in a JSON tree, parents before children. */
function pathsOf(tree: Json, at: readonly (string | number)[] = [], out: (readonly (string | number)[])[] = []): (readonly (string | number)[])[] {
  out.push(at);
  if (Array.isArray(tree)) tree.forEach((item, i) => pathsOf(item, [...at, i], out));
  else if (tree !== null && typeof tree === 'object') for (const key of Object.keys(tree)) pathsOf((tree as Record<string, Json>)[key], [...at, key], out);
  return out;
}

function parentOf(tree: Json, path: readonly (string | number)[]): Record<string | number, Json> | undefined {
  let here: Json = tree;
  for (const key of path.slice(0, -1)) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, Json>)[key];
  }
  return here !== null && typeof here === 'object' ? (here as Record<string | number, Json>) : undefined;
}

/** Sets a key as an own property, even "__proto__", the way JSON.parse would have made it. */
function setOwn(target: Record<string | number, Json>, key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** One change to a file's JSON. */
export type Mutation =
  | { readonly kind: 'replace'; readonly pick: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'add-key'; readonly pick: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'reparent'; readonly topic: number; readonly parent: number }
  | { readonly kind: 'dangle'; readonly topic: number; readonly id: string }
  | { readonly kind: 'deep'; readonly depth: number }
  | { readonly kind: 'duplicate'; readonly topic: number }
  | { readonly kind: 'rename-id'; readonly id: string; readonly to: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add-key' as const), pick: fc.nat(), key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), hostileString), value: hostileValue }),
  fc.record({ kind: fc.constant('reparent' as const), topic: fc.nat(), parent: fc.nat() }),
  fc.record({ kind: fc.constant('dangle' as const), topic: fc.nat(), id: hostileString }),
  fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 1, max: 3_000 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), topic: fc.nat() }),
  // An id renamed everywhere it is used, to a name Object.prototype has: a valid file a careless lookup misreads.
  fc.record({ kind: fc.constant('rename-id' as const), id: fc.constantFrom(...BASE_IDS), to: fc.constantFrom(...PROTOTYPE_KEYS) }),
);

/** Applies mutations to a file's JSON in place; each picks its target by index, modulo what is there. */
export function mutate(original: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  let file = original;
  for (const m of mutations) {
    const topics = ((file.maps as Json[] | undefined)?.[0] as { topics?: Json } | undefined)?.topics;
    const topicList = Array.isArray(topics) ? (topics as Record<string, Json>[]) : [];
    const objectAt = (i: number) => topicList[i % Math.max(1, topicList.length)];
    switch (m.kind) {
      case 'replace':
      case 'delete':
      case 'add-key': {
        const paths = pathsOf(file).filter((p) => p.length > 0);
        if (paths.length === 0) break;
        const path = paths[m.pick % paths.length] as readonly (string | number)[];
        const parent = parentOf(file, path);
        if (!parent) break;
        const key = path[path.length - 1] as string | number;
        if (m.kind === 'replace') setOwn(parent, key, structuredClone(m.value));
        else if (m.kind === 'delete') {
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else delete parent[key];
        } else {
          const target = (parent as Record<string | number, Json>)[key];
          if (target !== null && typeof target === 'object' && !Array.isArray(target)) setOwn(target as Record<string, Json>, m.key, structuredClone(m.value));
        }
        break;
      }
      case 'reparent': {
        const topic = objectAt(m.topic);
        const parent = objectAt(m.parent);
        if (topic && typeof topic === 'object' && parent && typeof parent === 'object') topic.parentId = parent.id;
        break;
      }
      case 'dangle': {
        const topic = objectAt(m.topic);
        if (topic && typeof topic === 'object') topic.parentId = m.id;
        break;
      }
      case 'deep': {
        if (!Array.isArray(topics)) break;
        let parentId: Json = 't-1';
        for (let i = 0; i < m.depth; i += 1) {
          const id = `t-deep-${i}`;
          (topics as Json[]).push({ id, parentId, order: 0, label: `Level ${i}`, action: { what: 'x', status: 'todo' } });
          parentId = id;
        }
        break;
      }
      case 'rename-id': {
        // Ids are whole JSON strings of their own ("c-2"), so renaming the text renames every reference too.
        file = JSON.parse(JSON.stringify(file).replaceAll(JSON.stringify(m.id), JSON.stringify(m.to))) as Record<string, unknown>;
        break;
      }
      case 'duplicate': {
        const topic = objectAt(m.topic);
        if (Array.isArray(topics) && topic) (topics as Json[]).push(structuredClone(topic));
        break;
      }
    }
  }
  return file;
}

/** A file's text: the base map mutated 1–4 times, sometimes with its text cut or padded. */
export const hostileFileText: fc.Arbitrary<string> = fc
  .tuple(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.oneof(fc.constant('whole' as const), fc.constant('cut' as const), fc.constant('bom' as const)), fc.nat())
  .map(([mutations, shape, cut]) => {
    const text = JSON.stringify(mutate(baseFileJson(), mutations), null, 2);
    if (shape === 'cut') return text.slice(0, cut % (text.length + 1));
    if (shape === 'bom') return `\ufeff${text}`;
    return text;
  });
