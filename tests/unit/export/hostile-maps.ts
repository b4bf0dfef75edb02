/**
 * Maps built around one hostile string, for the tests that feed every text path pathological
 * input: the string is the touchpoint's label, its notes, its action, a detail's label, a stage
 * and a competitor name and the map's title, so each exporter meets it wherever it prints text.
 */
import type { MapDoc, Topic } from '@shared/model/types';
import { asId } from '../../builders/ids';

/** One megabyte (in UTF-16 code units) of `unit` repeated, cut to exactly that length. */
export function megabyteOf(unit: string, tail = ''): string {
  const size = 1024 * 1024;
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size - tail.length) + tail;
}

/**
 * The strings that make careless text code slow or wrong: long runs a regex backtracks over
 * (spaces, dots, line breaks with spaces, digits, dashes), each also followed by a letter that
 * makes a trailing-anchor match fail late; markup and CSV specials; lone surrogates; combining marks.
 */
export const PATHOLOGICAL_STRINGS: readonly (readonly [name: string, text: string])[] = [
  ['spaces', megabyteOf(' ')],
  ['spaces then a letter', megabyteOf(' ', 'x')],
  ['line breaks between spaces and tabs', megabyteOf(' \r\n\t ')],
  ['Unicode line separators and spaces', megabyteOf('\u2028 \u2029 ')],
  ['dots and spaces then a letter', megabyteOf('. ', 'x')],
  ['formula starts and digits', megabyteOf('=+-@＝＋－＠1.')],
  ['markup and CSV specials', megabyteOf('<&>"\',*_[]`|#\\')],
  ['control characters', megabyteOf('\u0000\u0001\u001f\u007f\u0085')],
  ['lone surrogates', megabyteOf('\ud800\udc00\udbff')],
  ['combining marks', megabyteOf('e\u0301\u0308')],
  ['ideographic spaces and bullets', megabyteOf('\u3000• ')],
];

/** A small map in which `text` is every piece of user text the exporters print. */
export function mapAround(text: string): MapDoc {
  const topic = (fields: Topic): [string, Topic] => [fields.id, fields];
  return {
    map: {
      id: asId.map('m-hostile'),
      title: text,
      locale: 'en',
      stages: [{ id: asId.stage('s-1'), name: text }],
      segments: [{ id: asId.segment('g-1'), name: text }],
      competitors: [{ id: asId.competitor('c-1'), name: text }],
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
    },
    topics: Object.fromEntries([
      topic({ id: asId.topic('t-root'), parentId: null, order: 0, label: text }),
      topic({
        id: asId.topic('t-1'),
        parentId: asId.topic('t-root'),
        order: 0,
        label: text,
        channel: 'online',
        stageId: asId.stage('s-1'),
        importance: 8,
        score: 4,
        competitorScores: { [asId.competitor('c-1')]: 7 },
        notes: text,
        action: { what: text, owner: text, status: 'todo' },
      }),
      topic({ id: asId.topic('t-2'), parentId: asId.topic('t-1'), order: 0, label: text, action: { what: text, status: 'doing' } }),
      topic({ id: asId.topic('t-3'), parentId: asId.topic('t-root'), order: 1, label: 'Plain', channel: 'offline', stageId: asId.stage('s-1') }),
    ]),
    chains: { [asId.chain('j-1')]: { id: asId.chain('j-1'), name: text, steps: asId.topics('t-1', 't-3') } },
    chainOrder: [asId.chain('j-1')],
  };
}
