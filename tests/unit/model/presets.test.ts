import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET_ID, LOCALES, STAGE_PRESETS, presetName, presetStages } from '@shared/model';

describe('stage presets', () => {
  it('lists the four presets of DOMAIN.md §2, the customer journey first as the default', () => {
    expect(STAGE_PRESETS.map((preset) => preset.id)).toEqual(['customer-journey', 'buying-decision', 'relationship', 'before-during-after']);
    expect(DEFAULT_PRESET_ID).toBe(STAGE_PRESETS[0]?.id);
    expect(presetStages('customer-journey', 'en')).toEqual(['Awareness', 'Consideration', 'Purchase', 'Experience', 'Loyalty', 'Advocacy']);
    expect(presetStages('relationship', 'en')).toHaveLength(7);
    expect(presetStages('buying-decision', 'en')).toHaveLength(5);
  });

  it('names every preset and every stage, non-empty, in every locale', () => {
    for (const preset of STAGE_PRESETS) {
      const count = preset.stages.en.length;
      for (const locale of LOCALES) {
        expect(presetName(preset.id, locale).trim()).not.toBe('');
        const stages = presetStages(preset.id, locale);
        expect(stages, `${preset.id} in ${locale}`).toHaveLength(count);
        for (const stage of stages) expect(stage.trim()).not.toBe('');
        expect(new Set(stages).size, `${preset.id} in ${locale} repeats a stage`).toBe(count);
      }
    }
    expect(presetStages('before-during-after', 'ko')).toEqual(['구매 전', '구매', '구매 후']);
  });

  it('hands out a copy, so a caller cannot edit the preset', () => {
    const stages = presetStages('customer-journey', 'en');
    stages.push('Churn');
    expect(presetStages('customer-journey', 'en')).toHaveLength(6);
  });
});
