/**
 * A current-version payload to a design. validateDesign replaces each invalid field with the
 * empty design's value and says so; this adds the same for fields the payload lacks (a cut link),
 * so nothing falls back to a default without a message.
 */
import type { Design } from "../design/model";
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
    warnings.push(`Field "${key}" was missing from the link; the empty design's value is used.`);
  }
  const { design, problems } = validateDesign(fields);
  for (const p of problems)
    warnings.push(p.path && !p.message.includes(p.path) ? `${p.path}: ${p.message}` : p.message);
  warnings.push(...omitted.map(omittedNotice));
  return { design, omitted };
}
