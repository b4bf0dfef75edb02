/** Commands on the map as a whole: create it, rename it. */
import { CommandError } from '../errors';
import { LocaleSchema, PresentationSchema, describeValue, pathText } from '../schema';
import { slideKey, type SlideRef } from '../presentation';
import { rootOf } from '../selectors';
import { PRESET_IDS, presetStages, type PresetId } from '../../templates/presets';
import { newId } from '../ids';
import type { Locale, MapDoc, MapId, StageId, TopicId } from '../types';
import { requireName, requireNewId, withMap, withTopics } from './internal';

export interface CreateMapArgs {
  readonly id: MapId;
  /** Id of the root topic, which is labelled with the title. */
  readonly rootId: TopicId;
  readonly title: string;
  /** The map's language: names the preset's stages. */
  readonly locale: Locale;
  readonly presetId: PresetId;
  /** ISO timestamp for createdAt and updatedAt. */
  readonly now: string;
  /** Ids for the preset's stages, in order; made with newId('s') when omitted. */
  readonly stageIds?: readonly StageId[];
}

/**
 * A new map: a root topic named after the title, the preset's stages in the map's locale, no
 * touchpoints, segments, competitors or chains.
 * @example createMap({ id: newId('m'), rootId: newId('t'), title: 'Corner coffee shop', locale: 'en',
 *   presetId: 'before-during-after', now: new Date().toISOString() })
 */
export function createMap(args: CreateMapArgs): MapDoc {
  const title = requireName(args.title, 'title');
  const id = requireNewId(args.id, () => false, 'a map', 'id');
  const rootId = requireNewId(args.rootId, () => false, 'a topic', 'rootId');
  const locale = LocaleSchema.safeParse(args.locale);
  if (!locale.success) throw new CommandError('locale', locale.error.issues[0]?.message ?? 'is not a locale');
  if (!PRESET_IDS.includes(args.presetId)) {
    throw new CommandError('presetId', `${describeValue(args.presetId)} is not one of ${PRESET_IDS.join(', ')}`);
  }
  const names = presetStages(args.presetId, locale.data);
  const stageIds = args.stageIds ?? names.map(() => newId('s'));
  if (stageIds.length !== names.length) {
    throw new CommandError('stageIds', `${stageIds.length} ids given for the ${names.length} stages of the preset`);
  }
  const seen = new Set<StageId>();
  const stages = names.map((name, i) => {
    const stageId = requireNewId(stageIds[i], (s) => seen.has(s), 'a stage', `stageIds[${i}]`);
    seen.add(stageId);
    return { id: stageId, name };
  });
  return {
    map: { id, title, locale: locale.data, stages, segments: [], competitors: [], createdAt: args.now, updatedAt: args.now },
    topics: { [rootId]: { id: rootId, parentId: null, order: 0, label: title } },
    chains: {},
    chainOrder: [],
  };
}

/**
 * Renames the map. The root topic follows while it still carries the old title (it was named
 * after the map and never renamed on its own), so a typo fixed in the library is fixed on the
 * canvas too; a root the user renamed keeps its label.
 */
export function renameMap(doc: MapDoc, title: string): MapDoc {
  const next = requireName(title, 'title');
  if (next === doc.map.title) return doc;
  const root = rootOf(doc);
  const renamed = withMap(doc, { ...doc.map, title: next });
  return root.label === doc.map.title ? withTopics(renamed, [{ ...root, label: next }]) : renamed;
}

/**
 * Saves the deck the facilitator picked and ordered: the slides shown while presenting and in the
 * PDF and PowerPoint decks. `null` forgets the saved deck, so the default one shows again.
 * Unchanged slides return the same doc (no undo step).
 * @example setPresentationSlides(doc, [{ kind: 'map' }, { kind: 'chain', chainId: 'j-1' }])
 */
export function setPresentationSlides(doc: MapDoc, slides: readonly SlideRef[] | null): MapDoc {
  if (slides === null) {
    if (doc.map.presentation === undefined) return doc;
    const { presentation: _dropped, ...rest } = doc.map;
    return withMap(doc, rest);
  }
  const parsed = PresentationSchema.safeParse({ slides });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandError(issue ? pathText(issue.path) : 'slides', issue?.message ?? 'is not a list of slides');
  }
  const keys = parsed.data.slides.map(slideKey);
  if (new Set(keys).size !== keys.length) throw new CommandError('slides', 'names a slide twice');
  const before = doc.map.presentation?.slides;
  if (before && before.length === keys.length && before.every((slide, i) => slideKey(slide) === keys[i])) return doc;
  return withMap(doc, { ...doc.map, presentation: { slides: parsed.data.slides } });
}
