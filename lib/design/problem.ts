import { fourDigits, replaceUnsafe } from "../escape/chars";

/** A message about a design: where it points, how bad it is, and the rule it cites. */
export interface Problem {
  /** Dotted path into the design (`request.2.type`), or "" for the whole design. */
  readonly path: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  /** The convention or guide rule behind it, shown beside the message. */
  readonly rule?: string;
}

export function problem(
  path: string,
  severity: Problem["severity"],
  message: string,
  rule?: string,
): Problem {
  return rule === undefined ? { path, severity, message } : { path, severity, message, rule };
}

/**
 * Design text inside a message, which terminals and pages show: JSON string syntax, with every
 * character no output may hold raw (controls, separators, bidi) escaped as `\uXXXX` too.
 */
export function quoted(text: string): string {
  return replaceUnsafe(JSON.stringify(text), fourDigits);
}
