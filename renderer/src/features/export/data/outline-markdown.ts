/**
 * The map as a Markdown outline: channels and stages as headings,
 * touchpoints as list items with their scores, details nested below — for pasting into notes,
 * wikis and reports. Pure, no DOM.
 *
 * Labels are plain text in any script (FILE-FORMAT.md: nothing is ever rendered as HTML), so every
 * user string is escaped: `<img src=x onerror=alert(1)>` comes out as `\<img src=x onerror=alert(1)\>`,
 * which every CommonMark renderer shows as that literal text.
 */
import { childrenOf, competitorScoreOf, touchpointsOf } from '@shared/model/selectors';
import type { Channel, CompetitorId, MapDoc, Topic } from '@shared/model/types';
import { MAX_OUTLINE_INDENT } from '@shared/limits';
import { mapWords, type MapOutlineWords } from '@shared/templates/map-words';
import { oneLine } from '@shared/plain-text';

/** The words the outline adds around the user's text (map-words.ts); the map's language's by default. */
export type OutlineWords = MapOutlineWords;

/** The English words: what an `en` map's outline says. */
export const DEFAULT_OUTLINE_WORDS: OutlineWords = mapWords('en').outline;

/**
 * The outline of a map:
 *
 * ```md
 * # Clinic — new patients
 *
 * ## Online
 *
 * ### Awareness
 *
 * - Context ad — importance 8 · score 4 · City Clinic 7
 *   - Action: Rewrite the ad around the free diagnosis — Marketing, due 2026-12-15, todo
 *   - Search ad, 'varicose laser'
 * ```
 *
 * Online, then Offline, then Unsorted; stages in the map's order; touchpoints in sibling order.
 * Empty channels and stages get no heading. A touchpoint without a channel or a stage is
 * unsorted (FILE-FORMAT.md), listed under `## Unsorted` with whichever of the two it has. A
 * touchpoint's improvement action is its first sub-item, before its details. The outline's own
 * words are in the map's language (`doc.map.locale`); `words` overrides some of them.
 *
 * @example
 * const md = outlineMarkdown(doc);
 * const ru = outlineMarkdown(doc, { online: 'Онлайн', offline: 'Офлайн' });
 */
export function outlineMarkdown(doc: MapDoc, words: Partial<OutlineWords> = {}): string {
  const w = { ...mapWords(doc.map.locale).outline, ...words };
  const stageName = new Map(doc.map.stages.map((s) => [s.id, s.name]));
  const competitorName = new Map(doc.map.competitors.map((c) => [c.id, c.name]));
  const touchpoints = touchpointsOf(doc);
  const isSorted = (t: Topic) => t.channel !== undefined && t.stageId !== undefined && stageName.has(t.stageId);

  const lines: string[] = [`# ${heading(doc.map.title, w.untitled)}`];
  // One blank line around every heading, never two.
  const section = (title: string) => {
    if (lines.at(-1) !== '') lines.push('');
    lines.push(title, '');
  };

  /** A touchpoint and, nested below, its action and its details. A stack, not recursion: details may nest deep. */
  const listItem = (touchpoint: Topic, context: readonly string[] = []) => {
    const stack: { topic: Topic; depth: number }[] = [{ topic: touchpoint, depth: 0 }];
    while (stack.length > 0) {
      const { topic, depth } = stack.pop() as { topic: Topic; depth: number };
      // Capped, so a line of 10,000 nested details costs 10,000 lines, not 10,000 × 10,000 spaces.
      const indent = '  '.repeat(Math.min(depth, MAX_OUTLINE_INDENT));
      const facts = [...(depth === 0 ? context : []), ...scoreFacts(topic, w, competitorName)];
      lines.push(`${indent}- ${label(topic.label, w.untitled)}${facts.length > 0 ? ` — ${facts.join(' · ')}` : ''}`);
      if (topic.action) {
        const { what, owner, due, status } = topic.action;
        const about = [owner && escapeMarkdown(owner), due && `${escapeMarkdown(w.due)} ${escapeMarkdown(due)}`, escapeMarkdown(w.statuses[status])].filter(Boolean).join(', ');
        lines.push(`${indent}  - ${escapeMarkdown(w.action)}: ${escapeMarkdown(what)}${about ? ` — ${about}` : ''}`);
      }
      const children = childrenOf(doc, topic.id);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ topic: children[i] as Topic, depth: depth + 1 });
    }
  };

  const channels: readonly [Channel, string][] = [
    ['online', w.online],
    ['offline', w.offline],
  ];
  for (const [channel, channelTitle] of channels) {
    const inChannel = touchpoints.filter((t) => isSorted(t) && t.channel === channel);
    if (inChannel.length === 0) continue;
    section(`## ${escapeMarkdown(channelTitle)}`);
    for (const stage of doc.map.stages) {
      const inStage = inChannel.filter((t) => t.stageId === stage.id);
      if (inStage.length === 0) continue;
      section(`### ${heading(stage.name, w.untitled)}`);
      for (const t of inStage) listItem(t);
    }
  }

  const unsorted = touchpoints.filter((t) => !isSorted(t));
  if (unsorted.length > 0) {
    section(`## ${escapeMarkdown(w.unsorted)}`);
    for (const t of unsorted) {
      // Say what is known, so the reader sees what is missing.
      const known = [t.channel === 'online' ? w.online : t.channel === 'offline' ? w.offline : undefined, t.stageId && stageName.get(t.stageId)];
      listItem(
        t,
        known.filter((k): k is string => Boolean(k)).map(escapeMarkdown),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function scoreFacts(topic: Topic, w: OutlineWords, competitorName: ReadonlyMap<CompetitorId, string>): string[] {
  const facts: string[] = [];
  if (topic.importance !== undefined) facts.push(`${escapeMarkdown(w.importance)} ${topic.importance}`);
  if (topic.score !== undefined) facts.push(`${escapeMarkdown(w.score)} ${topic.score}`);
  // In the map's competitor order, not the record's, so every item reads the same way.
  for (const [id, name] of competitorName) {
    const score = competitorScoreOf(topic, id);
    if (score !== undefined) facts.push(`${escapeMarkdown(name)} ${score}`);
  }
  return facts;
}

function label(text: string, untitled: string): string {
  const escaped = escapeMarkdown(text);
  return escaped === '' ? `*${escapeMarkdown(untitled)}*` : escaped;
}

function heading(text: string, untitled: string): string {
  const escaped = escapeMarkdown(text);
  return escaped === '' ? escapeMarkdown(untitled) : escaped;
}

/** Characters with inline meaning anywhere in CommonMark or GFM: code, emphasis, links, HTML, entities, tables, strikethrough, heading closers. */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~#]/g;
/** Starts that open a block inside a list item or heading: `- x`, `+ x`, `1. x`, `2) x`, `===`. */
const BLOCK_START = /^([-+=]|\d+[.)])/;

/**
 * Makes user text literal Markdown: line breaks become spaces (a label's new line must not start
 * a new block), surrounding space goes (four spaces would start a code block), every inline
 * special character is backslash-escaped, and so is a start that would open a list.
 *
 * @example escapeMarkdown('<img src=x onerror=alert(1)>') // '\\<img src=x onerror=alert(1)\\>'
 * @example escapeMarkdown('1. *Best* offer') // '1\\. \\*Best\\* offer'
 */
export function escapeMarkdown(text: string): string {
  const inline = oneLine(text).replace(INLINE_SPECIAL, '\\$&');
  return inline.replace(BLOCK_START, (start: string) => `${start.slice(0, -1)}\\${start.slice(-1)}`);
}
