/** Parts an author may leave out of a link to shorten it, and how a reader is told. */
import type { Design, FieldDesign } from "../design/model";

export type BulkyPart = "sql" | "comments";
export const BULKY_PARTS: readonly BulkyPart[] = ["sql", "comments"];

export const isBulkyPart = (value: unknown): value is BulkyPart =>
  (BULKY_PARTS as readonly unknown[]).includes(value);

const NOTICES: Readonly<Record<BulkyPart, string>> = {
  sql: "The author left the SQL out of this link; the design has no SQL.",
  comments: "The author left the field comments out of this link.",
};

/** The warning a decoded link carries for a part left out on purpose (not damage). */
export const omittedNotice = (part: BulkyPart): string => NOTICES[part];

const uncommented = (fields: readonly FieldDesign[]) => fields.map((f) => ({ ...f, comment: "" }));

/** The design as a link carries it when `omit` parts are left out. */
export function withoutParts(design: Design, omit: readonly BulkyPart[]): Partial<Design> {
  const { sql, ...rest } = design;
  const response = design.response;
  const out: Partial<Design> = omit.includes("sql") ? rest : { ...rest, sql };
  if (!omit.includes("comments")) return out;
  return {
    ...out,
    request: uncommented(design.request),
    response:
      response.kind === "new" ? { ...response, fields: uncommented(response.fields) } : response,
  };
}

/** The `omitted` list of a payload; anything else in it is named in a warning. */
export function readOmitted(value: unknown, warnings: string[]): BulkyPart[] {
  if (value === undefined) return [];
  const rule = `omitted must list parts among ${BULKY_PARTS.join(", ")}`;
  if (!Array.isArray(value)) {
    warnings.push(`${rule}; it was ignored.`);
    return [];
  }
  const bad = value.filter((v) => !isBulkyPart(v));
  if (bad.length > 0) warnings.push(`${rule}; ${JSON.stringify(bad).slice(0, 60)} was ignored.`);
  return BULKY_PARTS.filter((part) => value.includes(part));
}
