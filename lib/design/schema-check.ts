/**
 * Test helper: a JSON Schema check for exactly the keywords designJsonSchema emits. Any other
 * keyword is reported as a violation, so the schema cannot grow a rule this check would skip.
 */
import type { JsonSchema } from "./json-schema";

const typeOf = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? "number" : typeof v;

/** Every way `value` breaks `schema`, as `$.path: reason`; empty when it conforms. */
export function schemaViolations(
  schema: JsonSchema,
  value: unknown,
  root: JsonSchema = schema,
  at = "$",
): string[] {
  const out: string[] = [];
  const sub = (s: unknown, v: unknown, path: string) =>
    schemaViolations(s as JsonSchema, v, root, path);
  for (const [keyword, rule] of Object.entries(schema)) {
    switch (keyword) {
      case "$schema":
      case "title":
      case "description":
      case "default":
      case "$defs":
        break;
      case "$ref": {
        const name = String(rule).replace("#/$defs/", "");
        out.push(...sub((root.$defs as Record<string, JsonSchema>)[name], value, at));
        break;
      }
      case "type":
        if (typeOf(value) !== rule) out.push(`${at}: not ${String(rule)}`);
        break;
      case "enum":
        if (!(rule as unknown[]).includes(value)) out.push(`${at}: not one of the enum`);
        break;
      case "const":
        if (value !== rule) out.push(`${at}: not ${JSON.stringify(rule)}`);
        break;
      case "pattern":
        if (typeof value === "string" && !new RegExp(String(rule), "u").test(value))
          out.push(`${at}: does not match ${String(rule)}`);
        break;
      case "maxLength":
        if (typeof value === "string" && [...value].length > Number(rule))
          out.push(`${at}: too long`);
        break;
      case "maxItems":
        if (Array.isArray(value) && value.length > Number(rule)) out.push(`${at}: too many items`);
        break;
      case "uniqueItems":
        if (Array.isArray(value) && new Set(value).size !== value.length)
          out.push(`${at}: items repeat`);
        break;
      case "items":
        if (Array.isArray(value)) value.forEach((v, i) => out.push(...sub(rule, v, `${at}[${i}]`)));
        break;
      case "required":
        if (typeOf(value) === "object")
          for (const key of rule as string[])
            if (!Object.hasOwn(value as object, key)) out.push(`${at}: ${key} is missing`);
        break;
      case "properties":
        if (typeOf(value) === "object")
          for (const [key, v] of Object.entries(value as object)) {
            const s = (rule as Record<string, unknown>)[key];
            if (s) out.push(...sub(s, v, `${at}.${key}`));
          }
        break;
      case "additionalProperties":
        if (rule !== false) out.push(`${at}: additionalProperties other than false is not checked`);
        if (typeOf(value) === "object")
          for (const key of Object.keys(value as object))
            if (!Object.hasOwn(schema.properties as object, key)) out.push(`${at}.${key}: unknown`);
        break;
      case "oneOf": {
        const matching = (rule as unknown[]).filter((s) => sub(s, value, at).length === 0);
        if (matching.length !== 1) out.push(`${at}: matches ${matching.length} of oneOf`);
        break;
      }
      case "not":
        if (sub(rule, value, at).length === 0) out.push(`${at}: matches what is excluded`);
        break;
      default:
        out.push(`${at}: the schema uses ${keyword}, which this check does not know`);
    }
  }
  return out;
}
