/**
 * The UI and the words a map prints use the same term for the same idea in every language
 * (renderer/src/i18n/glossary.md): the inspector's "Online" is the canvas's "Online", the weak-link
 * tag on the chain card is the one on the map, the score bands read alike in both.
 */
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../renderer/src/i18n';
import { mapWords } from '../../../shared/templates/map-words';
import { LOCALES } from '../../../shared/model/types';

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
