/** The bounds on one check, the same in the browser and the CLI. */
import { MAX_FIELDS, MAX_SQL_LENGTH } from "../design/validate";

/**
 * Wall-clock limit of a check. PGlite ignores statement_timeout and runs on its thread's stack, so
 * both the browser and the CLI run it in a worker and terminate the worker past this.
 */
export const CHECK_TIMEOUT_MS = 5000;

/** A design's SQL may be this long (validate.ts); a check takes no more. */
export const MAX_STATEMENT_LENGTH = MAX_SQL_LENGTH;

/** Each `$n` is bound from one request field, and a request carries at most MAX_FIELDS. */
export const MAX_PLACEHOLDERS = MAX_FIELDS;
