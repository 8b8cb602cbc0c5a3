/**
 * The few frontend messages of PostgreSQL's extended query protocol the lab sends, so a check
 * (begin, prepare, explain, roll back) reaches the database in two batches. PGlite's own
 * serializer writes them; this module only names the ones the lab uses and refuses a NUL. The
 * server is meant to skip the messages after an error up to the Sync, but safety never rests on
 * that: PGlite does not always (see session.ts), so nothing state-changing shares a batch with the
 * user's Parse.
 */
import { protocol } from "@electric-sql/pglite";
import { concatBytes } from "../bytes";

/** What the lab reads back; PGlite's parsed backend messages and our native adapter both fit. */
export interface BackendMessage {
  readonly name: string;
  /** parameterDescription: the type OID of each `$n`. */
  readonly dataTypeIDs?: readonly number[];
  /** dataRow: one text value per column. */
  readonly fields?: readonly unknown[];
  /** error: the server's message, 1-based position in the statement, SQLSTATE. */
  readonly message?: string;
  readonly position?: string;
  readonly code?: string;
  /** readyForQuery: I idle, T in a transaction, E in a failed transaction. */
  readonly status?: string;
}

export interface WireDatabase {
  /** Sends encoded messages and returns every backend message up to ReadyForQuery. */
  execProtocol(
    message: Uint8Array,
    /** PGlite's options; a native client ignores them. */
    options?: { throwOnError?: boolean; syncToFs?: boolean },
  ): Promise<{ messages: readonly BackendMessage[] }>;
}

const { serialize } = protocol;

/** NUL ends a protocol string: text with one inside would be cut there, so it never goes out. */
function protocolString(text: string): string {
  if (text.includes("\0"))
    throw new Error("The SQL contains a NUL character, which PostgreSQL does not accept.");
  return text;
}

/** Parse: the server accepts exactly one statement here, whatever the text holds. */
export function parseMessage(statementName: string, text: string): Uint8Array {
  return serialize.parse({ name: protocolString(statementName), text: protocolString(text) });
}

/** Describe a named statement: the reply carries its parameter types. */
export function describeStatement(statementName: string): Uint8Array {
  return serialize.describe({ type: "S", name: protocolString(statementName) });
}

/** Close a named statement: cheaper than a DEALLOCATE statement, and no error if it is absent. */
export function closeStatement(statementName: string): Uint8Array {
  return serialize.close({ type: "S", name: protocolString(statementName) });
}

export function syncMessage(): Uint8Array {
  return serialize.sync();
}

/**
 * Parse, Bind and Execute one of the lab's own parameterless statements through the unnamed
 * statement and portal. Never used for the user's text.
 */
export function runFixed(text: string): Uint8Array {
  return concatBytes([parseMessage("", text), serialize.bind(), serialize.execute()]);
}
