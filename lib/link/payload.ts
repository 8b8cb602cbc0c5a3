/**
 * A link's data bytes to the JSON object they hold. Damage found on the way (by transport, in the
 * UTF-8, in the JSON) never loses what came before it: complete members are kept, and one warning
 * says what happened and what was kept.
 */
import { fieldLabel } from "../design/field-labels";
import { duplicateKeyWarnings } from "./duplicate-keys";
import { safeCopy } from "./safe-copy";
import { salvageObject, type Salvaged } from "./salvage";
import { decodeUtf8 } from "./utf8";

/** A version's payload: members of the design, or of an older version's equivalent. */
export type Payload = Record<string, unknown>;

const CAUSES: Readonly<Record<Salvaged["stop"], string>> = {
  end: "was cut off",
  malformed: "is damaged (its JSON breaks off)",
  trailing: "has extra text after its design",
  complete: "could not be read as JSON",
  "not-object": "does not hold JSON",
};

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "string" ? "text" : typeof value === "number" ? "a number" : "true/false";
}

/** The kept members as the form names them (an older version's own keys as they are). */
function names(keys: readonly string[]): string {
  const shown = keys.slice(0, 20).map((key) => `"${fieldLabel(key.slice(0, 40))}"`);
  return keys.length > 20 ? `${shown.join(", ")} and ${keys.length - 20} more` : shown.join(", ");
}

function salvaged(text: string, damage: string | null, warnings: string[]): Payload | null {
  const s = salvageObject(text);
  const what = damage ?? CAUSES[s.stop];
  if (s.kept.length === 0) {
    warnings.push(`The link ${what}; nothing could be read from it.`);
    return null;
  }
  const lost =
    s.stop === "trailing" || s.stop === "complete"
      ? "what followed the design was ignored"
      : `lost ${s.lostFrom === null ? "the rest" : `from "${fieldLabel(s.lostFrom.slice(0, 40))}" onwards`}`;
  warnings.push(`The link ${what}. Kept: ${names(s.kept)}; ${lost}.`);
  return safeCopy(s.members, warnings) as Payload;
}

/** `damage` is what transport already found, worded to follow "The link ". */
export function readPayload(
  bytes: Uint8Array,
  damage: string | null,
  warnings: string[],
): Payload | null {
  const { text, invalidAt } = decodeUtf8(bytes);
  const found =
    damage ??
    (invalidAt === null ? null : `is damaged (its text is not UTF-8 after byte ${invalidAt})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return salvaged(text, found, warnings);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    warnings.push(
      found
        ? `The link ${found}; nothing usable was left.`
        : `The link holds ${kindOf(parsed)}, not a design; nothing was loaded.`,
    );
    return null;
  }
  if (found) warnings.push(`The link ${found}; its whole design was read but cannot be trusted.`);
  warnings.push(...duplicateKeyWarnings(text));
  return safeCopy(parsed, warnings) as Payload;
}
