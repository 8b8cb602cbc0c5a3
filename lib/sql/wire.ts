/**
 * The few frontend messages of PostgreSQL's extended query protocol the lab sends, so a check
 * (begin, prepare, explain, roll back) reaches the database in two batches. The server is meant
 * to skip the messages after an error up to the Sync, but safety never rests on that: PGlite
 * does not always (see session.ts), so nothing state-changing shares a batch with the user's Parse.
 */

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

import { concatBytes } from "../bytes";

const utf8 = new TextEncoder();

/** NUL ends a protocol string: text with one inside would be cut there, so it never goes out. */
function cstring(text: string): Uint8Array {
  if (text.includes("\0"))
    throw new Error("The SQL contains a NUL character, which PostgreSQL does not accept.");
  const bytes = utf8.encode(text);
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  return out;
}

function int16(n: number): Uint8Array {
  return new Uint8Array([(n >> 8) & 0xff, n & 0xff]);
}

function int32(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

/** A message: one type byte, then a length that counts itself and the body. */
function frame(type: string, ...body: Uint8Array[]): Uint8Array {
  const payload = concatBytes(body);
  return concatBytes([utf8.encode(type), int32(payload.length + 4), payload]);
}

/** Parse: the server accepts exactly one statement here, whatever the text holds. */
export function parseMessage(statementName: string, text: string): Uint8Array {
  return frame("P", cstring(statementName), cstring(text), int16(0));
}

/** Describe a named statement: the reply carries its parameter types. */
export function describeStatement(statementName: string): Uint8Array {
  return frame("D", utf8.encode("S"), cstring(statementName));
}

/** Close a named statement: cheaper than a DEALLOCATE statement, and no error if it is absent. */
export function closeStatement(statementName: string): Uint8Array {
  return frame("C", utf8.encode("S"), cstring(statementName));
}

export function syncMessage(): Uint8Array {
  return frame("S");
}

/**
 * Parse, Bind and Execute one of the lab's own parameterless statements through the unnamed
 * statement and portal. Never used for the user's text.
 */
export function runFixed(text: string): Uint8Array {
  const bind = frame("B", cstring(""), cstring(""), int16(0), int16(0), int16(0));
  const execute = frame("E", cstring(""), int32(0));
  return concatBytes([parseMessage("", text), bind, execute]);
}
