/**
 * Errors of the domain layer. A command that refuses its input throws a `CommandError` and
 * returns nothing, so the document the caller holds is unchanged; the message is shown to the
 * user as is, so it names the field and the problem:
 * `score: 14 is not 0–10`, `stageId: "s-x" is not a stage of this map`.
 */

/** A command refused its input; the doc it was given is unchanged. */
export class CommandError extends Error {
  /** The argument or topic field at fault, e.g. `score`, `parentId`, `name`. */
  readonly field: string;

  /** @param problem what is wrong, without the field: `14 is not 0–10`. */
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'CommandError';
    this.field = field;
  }
}

/**
 * A stored map could not be restored at all: its meta (id) is unusable. Everything less than that
 * is repaired by `restoreMapDoc` instead of refused.
 */
export class RestoreError extends Error {
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'RestoreError';
    this.field = field;
  }
}
