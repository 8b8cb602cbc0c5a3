/**
 * A current-version payload to a design. validateDesign replaces each invalid field with the
 * empty design's value and says so; this adds the same for fields the payload lacks (a cut link),
 * so nothing falls back to a default without a message.
 */
import { fieldLabel, fieldPlace } from "../design/field-labels";
import type { Design } from "../design/model";
import type { Problem } from "../design/problem";
import { validateDesign } from "../design/validate";
import { DESIGN_KEYS } from "./design-keys";
import { omittedNotice, readOmitted, type BulkyPart } from "./omit";
import type { Payload } from "./payload";

export function readDesign(
  payload: Payload,
  warnings: string[],
): { design: Design | null; omitted: BulkyPart[] } {
  const omitted = readOmitted(payload.omitted, warnings);
  const fields: Payload = Object.create(null);
  for (const [key, value] of Object.entries(payload)) if (key !== "omitted") fields[key] = value;
  const present = DESIGN_KEYS.filter((key) => Object.hasOwn(fields, key));
  if (present.length === 0) {
    warnings.push("The link holds none of the design's fields; nothing was loaded.");
    return { design: null, omitted };
  }
  for (const key of DESIGN_KEYS) {
    if (present.includes(key) || (key === "sql" && omitted.includes("sql"))) continue;
    warnings.push(
      `"${fieldLabel(key)}" was missing from the link; a new RPC's value is used: check it ${fieldPlace(key)}.`,
    );
  }
  const { design, problems } = validateDesign(fields);
  for (const p of problems) warnings.push(inFormWords(p));
  warnings.push(...omitted.map(omittedNotice));
  return { design, omitted };
}

/**
 * A problem in the form's words: `"Code layout" must be one of …`, not `target must be …`. A value
 * that "must" be something else was replaced by the default, which the warning says.
 */
function inFormWords(p: Problem): string {
  if (!p.path) return p.message;
  const label = `"${fieldLabel(p.path)}"`;
  const place = fieldPlace(p.path);
  if (!p.message.startsWith(`${p.path} `)) return `${label}: ${p.message} Check it ${place}.`;
  const rest = p.message.slice(p.path.length + 1);
  const check = rest.startsWith("must ") ? "A default is used in its place; check" : "Check";
  return `${label} ${rest} ${check} it ${place}.`;
}
