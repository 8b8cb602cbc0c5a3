/**
 * A design file's text (the CLI's file or standard input) to the JSON object it holds. Bounded
 * before anything recurses over it: the nesting depth is measured by one scan first, so JSON nested
 * thousands deep is refused with a message instead of overflowing a stack. Never throws.
 */
import { duplicateKeyWarnings } from "../link/duplicate-keys";
import { MAX_DEPTH, safeCopy } from "../link/safe-copy";

export type DesignJson =
  | { readonly value: Record<string, unknown>; readonly warnings: readonly string[] }
  | { readonly error: string };

/** The deepest nesting of arrays and objects in JSON text, in one pass (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (ch === "[" || ch === "{") deepest = Math.max(deepest, ++depth);
    else if (ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
  }
  return deepest;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "string" ? "text" : typeof value === "number" ? "a number" : "true/false";
}

/** `name` says where the text came from, as the messages show it. */
export function parseDesignJson(text: string, name: string): DesignJson {
  // An editor's byte order mark is not part of the JSON.
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  if (body.trim() === "") return { error: `${name} is empty; a design is a JSON object.` };
  const depth = jsonDepth(body);
  if (depth > MAX_DEPTH)
    return {
      error: `${name} nests its JSON ${depth} levels deep; a design needs 4, and more than ${MAX_DEPTH} is refused.`,
    };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { error: `${name} is not JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { error: `${name} holds ${kindOf(parsed)}, not a design (a JSON object).` };
  const warnings = duplicateKeyWarnings(body);
  const value = safeCopy(parsed, warnings) as Record<string, unknown>;
  return { value, warnings };
}
