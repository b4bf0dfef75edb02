/**
 * How big a map may be, in one place: the .touchmap reader refuses a file past any of these with a
 * message naming the limit, the README's "Limits" paragraph quotes them, and the exporters rely on
 * them to keep their output in proportion to their input. Each is far above any real workshop map
 * (the largest benchmark map has 20,000 topics, a few levels deep, labels under 100 characters), so
 * only a damaged or hostile file meets them. Pure, no imports.
 */

/**
 * Files up to 50 MB import. Past that the JSON alone costs hundreds of MB of memory in the
 * renderer, and no real map comes near it: a 2,000-touchpoint map is about 2 MB.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Topics in one map, the root, touchpoints and details together. */
export const MAX_TOPICS_PER_MAP = 100_000;

/**
 * Levels below the root: a touchpoint is level 1, its detail level 2. Deep enough for any outline a
 * person builds (and for the 5,000-deep line of details the tests round-trip), while a file of
 * 100,000 nested levels is refused instead of ending an export in "Invalid string length".
 */
export const MAX_TOPIC_DEPTH = 10_000;

/** Characters (UTF-16 code units) in a label, a title or a name of a stage, segment, competitor or chain. */
export const MAX_LABEL_LENGTH = 10_000;

/** Characters in a longer text: notes, the improvement action's fields, team, process, outcome, data. */
export const MAX_TEXT_LENGTH = 100_000;

/**
 * Stages, segments and competitors of one map. Each competitor is a column of the action plan and
 * of the outline, so the plan's size is touchpoints × competitors: capped, it stays proportional
 * to the file. Real maps have 3–7 stages and a handful of competitors.
 */
export const MAX_STAGES = 200;
export const MAX_SEGMENTS = 200;
export const MAX_COMPETITORS = 200;

/** Chains of one map. */
export const MAX_CHAINS = 10_000;

/**
 * Steps of one chain. A step names a touchpoint and may repeat one (a customer comes back to the
 * site), so steps are not bounded by the touchpoints; a customer's walk of 10,000 touches is far
 * past any journey a workshop draws, while a chain drawn across the grid stays cheap.
 */
export const MAX_CHAIN_STEPS = 10_000;

/**
 * Indentation levels the text exports (Markdown outline, clipboard outline) draw. Deeper details
 * are written at this level, so a file's output stays proportional to its size: drawing every one
 * of 10,000 levels would write 2 spaces × 10,000 before each of 10,000 lines, 100 MB from a 1 MB map.
 */
export const MAX_OUTLINE_INDENT = 20;

/** Readable form of a limit for the technical details: `100,000`, en-US digits in every language (sentences use countText). */
export function limitText(limit: number): string {
  return limit.toLocaleString('en-US');
}
