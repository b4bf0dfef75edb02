import { describe, expect, it } from 'vitest';
import { publishedView } from '../../../shared/room';
import { mapDoc } from '../../builders/map-doc';

describe('publishedView', () => {
  it('shows participants the stages, the touchpoints (no details) and the chains over touchpoints', () => {
    const cafe = mapDoc('Cafe', { stages: ['Awareness', 'Purchase'] })
      .touchpoint('Website', { channel: 'online', stage: 'Awareness', score: 3, notes: 'internal' })
      .detail('Menu page')
      .touchpoint('Till', { channel: 'offline', stage: 'Purchase' })
      .chain('Visit', ['Website', 'Menu page', 'Till']);
    const view = publishedView(cafe.build(), { index: 1, total: 4, title: 'Ratings' });
    expect(view).toEqual({
      title: 'Cafe',
      locale: 'en',
      stages: [
        { id: cafe.ids.stage('Awareness'), name: 'Awareness' },
        { id: cafe.ids.stage('Purchase'), name: 'Purchase' },
      ],
      touchpoints: [
        { id: cafe.ids.topic('Website'), label: 'Website', stageId: cafe.ids.stage('Awareness'), channel: 'online' },
        { id: cafe.ids.topic('Till'), label: 'Till', stageId: cafe.ids.stage('Purchase'), channel: 'offline' },
      ],
      chains: [{ id: cafe.ids.chain('Visit'), name: 'Visit', steps: [cafe.ids.topic('Website'), cafe.ids.topic('Till')] }],
      slide: { index: 1, total: 4, title: 'Ratings' },
    });
  });
});
