/**
 * The preview's choices turned into plans (features/import/import-options.ts): every sheet or one,
 * a guessed channel the user changed, a column role the user changed.
 */
import { describe, expect, it } from 'vitest';
import { readImportFile, type ImportSource } from '@shared/import';
import { initialChoices, plansFor } from '../../../renderer/src/features/import/import-options';
import { build, fixture, summary } from './summary';

function source(name: string): ImportSource {
  const read = readImportFile(fixture(name), name);
  if (!read.ok) throw new Error(read.problem);
  return read.source;
}

describe('the preview’s choices', () => {
  it('start with every sheet, sorted by words, priority markers as importance', () => {
    const xmind = source('coffee-zen.xmind');
    const choices = initialChoices(xmind);
    expect(choices).toMatchObject({ sheet: -1, structure: 'auto', markers: 'importance' });
    expect(plansFor(xmind, choices).map((p) => p.title)).toEqual(['Coffee shop journey', 'Competitor']);
  });

  it('keep the user’s change to a guessed channel and stage, no longer marked a guess', () => {
    const xmind = source('coffee-zen.xmind');
    const choices = { ...initialChoices(xmind), sheet: 0, changes: { 0: { 2: { channel: 'online' as const, stage: null } } } };
    const [plan] = plansFor(xmind, choices);
    expect(plan!.touchpoints[2]).toMatchObject({ label: 'Receipt', channel: 'online', guessed: { channel: false, stage: false } });
    expect(summary(build(plan!))[2]).toEqual({ label: 'Receipt', channel: 'online', importance: 6 });
  });

  it('map a table by the roles chosen, starting from the guessed ones', () => {
    const xlsx = source('hotel-two-sheets.xlsx');
    const choices = initialChoices(xlsx);
    expect(choices.roles).toEqual(['stage', 'label', 'channel', 'importance', 'score', 'competitor', 'owner', 'due']);
    const roles = choices.roles.map((r) => (r === 'competitor' ? 'ignore' : r));
    const [plan] = plansFor(xlsx, { ...choices, roles });
    expect(plan!.competitors).toEqual([]);
    expect(plan!.touchpoints.map((t) => t.label)).toEqual(['Booking.com listing', 'Check-in desk', 'Room cleaning']);
  });
});
