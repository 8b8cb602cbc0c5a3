/**
 * Parsed JSON from a link or a design file copied into objects without a prototype, minus the keys
 * that could reach one. JSON.parse itself only makes `__proto__` an own key, but any later merge or
 * assignment of such an object could set a prototype; dropping the keys here means no later code
 * has to be careful.
 */

const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** A design nests five deep (response.fields.0.name); deeper input is not a design. */
export const MAX_DEPTH = 16;

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function safeCopy(value: unknown, warnings: string[], path = "", depth = 0): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_DEPTH) {
    warnings.push(`${path} is nested more than ${MAX_DEPTH} levels deep; it was dropped.`);
    return null;
  }
  if (Array.isArray(value))
    return value.map((item, i) => safeCopy(item, warnings, join(path, String(i)), depth + 1));
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) {
    if (PROTOTYPE_KEYS.has(key)) {
      const where = path ? `in ${path}` : "at the top level";
      warnings.push(
        `The key "${key}" ${where} was dropped: a design may not name object prototypes.`,
      );
    } else out[key] = safeCopy(item, warnings, join(path, key), depth + 1);
  }
  return out;
}
