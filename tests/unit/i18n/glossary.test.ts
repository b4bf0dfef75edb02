/**
 * The UI and the words a map prints use the same term for the same idea in every language
 * (renderer/src/i18n/glossary.md): the inspector's "Online" is the canvas's "Online", the weak-link
 * tag on the chain card is the one on the map, the score bands read alike in both.
 */
import { describe, expect, it } from 'vitest';
import { TABLES as RESOURCES } from './tables';
import { mapWords } from '../../../shared/templates/map-words';
import { LOCALES } from '../../../shared/model/types';
import { analysisWords } from '../../../shared/templates/analysis-words';
import { slideWords } from '../../../shared/templates/slide-words';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

describe.each(LOCALES)('the %s UI and the map’s words agree', (locale) => {
  const ui = RESOURCES[locale] as Record<string, string>;
  const words = mapWords(locale);

  it('names the channels and the unsorted group alike', () => {
    expect([ui['channel.online'], ui['channel.offline'], ui['group.unsorted'], ui['group.noChannel']]).toEqual([words.groups.online, words.groups.offline, words.groups.unsorted, words.groups.noChannel]);
  });

  it('tags a weak link alike, and names the score bands as the legend does', () => {
    expect(ui['chains.weakTag']?.toLowerCase()).toBe(words.legend.weakLink.toLowerCase());
    for (const band of ['awful', 'ok', 'wow'] as const) expect(words.legend[band].toLowerCase()).toContain(ui[`band.${band}`]?.toLowerCase());
  });

  it('calls a touchpoint and its stage, channel and importance by the same words', () => {
    expect(ui['outline.col.label']).toBe(words.csv.touchpoint);
    expect(ui['outline.col.stage']).toBe(words.csv.stage);
    expect(ui['outline.col.channel']).toBe(words.csv.channel);
    expect(ui['outline.col.importance']).toBe(words.csv.importance);
    expect(ui['export.visual.chains']).toBe(words.legend.chains);
  });

  it('names the reactions, statuses and kinds as the PDF appendix does', () => {
    for (const reaction of ['positive', 'neutral', 'negative'] as const) expect(ui[`reaction.${reaction}`]).toBe(words.appendix.reactions[reaction]);
    for (const status of ['todo', 'doing', 'done'] as const) expect(ui[`status.${status}`]).toBe(words.appendix.statuses[status]);
    for (const kind of ['communication', 'human', 'physical', 'sensory'] as const) expect(ui[`kind.${kind}`]).toBe(words.appendix.kinds[kind]);
  });
});

/** The glossary's table: idea → its term in each language, read from glossary.md itself. */
function glossaryTerms(): ReadonlyMap<string, Readonly<Record<(typeof LOCALES)[number], string>>> {
  const text = readFileSync(fileURLToPath(new URL('../../../renderer/src/i18n/glossary.md', import.meta.url)), 'utf8');
  const rows = text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| idea'));
  return new Map(
    rows.map((line) => {
      const [idea = '', en = '', ru = '', ko = '', ja = ''] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return [idea, { en, ru, ko, ja }];
    }),
  );
}

describe.each(LOCALES)('the %s analysis, slides and new screens use the glossary’s terms', (locale) => {
  const ui = RESOURCES[locale] as Record<string, string>;
  const terms = glossaryTerms();
  const term = (idea: string) => {
    const row = terms.get(idea);
    if (!row) throw new Error(`glossary.md has no row “${idea}”`);
    return row[locale].toLowerCase();
  };
  const analysis = analysisWords(locale);
  const slides = slideWords(locale);

  it('names the priority matrix’s quadrants as the glossary does', () => {
    expect([analysis.fixFirst, analysis.keep, analysis.watch, analysis.overInvested].map((word) => word.toLowerCase())).toEqual(['quadrant: fix first', 'quadrant: keep', 'quadrant: watch', 'quadrant: over-invested'].map(term));
    expect(ui['analysis.section.priority']?.toLowerCase()).toBe(term('priority matrix (importance × our score)'));
    expect(ui['analysis.section.journeys']?.toLowerCase()).toContain(term("journey curve (a chain's scores, step by step)").split(' ').at(-1));
  });

  it('titles the rating round and the action plan as the glossary does', () => {
    expect(ui['rating.title']?.toLowerCase()).toBe(term('rating round (scoring every touchpoint in turn)'));
    expect(ui['actions.title']?.toLowerCase()).toBe(term('action plan'));
    expect(slides.actionPlan.toLowerCase()).toBe(term('action plan'));
    expect(ui['slides.title']?.toLowerCase()).toContain(term('slide'));
  });

  it('prints the slide deck’s weak link, columns and statuses as the UI shows them', () => {
    expect(slides.weakLink.toLowerCase()).toContain(ui['chains.weakTag']?.toLowerCase());
    expect([slides.columns.touchpoint, slides.columns.what, slides.columns.owner, slides.columns.due, slides.columns.status]).toEqual(['actions.col.touchpoint', 'actions.col.what', 'actions.col.owner', 'actions.col.due', 'actions.col.status'].map((key) => ui[key]));
    expect([slides.statuses.todo, slides.statuses.doing, slides.statuses.done]).toEqual(['status.todo', 'status.doing', 'status.done'].map((key) => ui[key]));
    expect(analysis.bandsTitle.toLowerCase().split(' · ').sort()).toEqual(['awful', 'ok', 'wow'].map((band) => ui[`band.${band}`]?.toLowerCase()).sort());
  });

  it('names the live room, its participants, the facilitator, the inbox, reveal and apply as the glossary does', () => {
    const shows = (key: string, idea: string) => expect(ui[key]?.toLowerCase(), key).toContain(term(idea));
    shows('room.panel.title', 'room (the live workshop room phones join)');
    shows('room.participants.heading', 'participant (a person in the room)');
    shows('participant.waiting', 'facilitator (who runs the workshop)');
    shows('participant.propose.submit', 'facilitator (who runs the workshop)');
    shows('room.inbox.heading', "inbox (the facilitator's list of proposed touchpoints)");
    shows('room.round.reveal', "reveal (show a round's hidden results)");
    shows('room.results.apply', "apply (write the round's means to the map)");
  });

  it('never calls a chain’s step a stage', () => {
    const stage = term('stage (lifecycle)');
    for (const word of [slides.steps, analysis.emptyChain, ui['rating.chainStep'] ?? '', ui['present.step'] ?? '']) expect(word.toLowerCase()).not.toContain(stage);
  });
});
