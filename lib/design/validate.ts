/**
 * Reads a design from untrusted input (a link, a pasted file, the CLI) field by field. Never
 * throws: each invalid field falls back to its default with a problem naming it, so one bad value
 * never loses the rest of the design.
 */
import { KNOWN_MESSAGES, SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import { DATA_CATEGORIES } from "../catalogue/tables";
import { EMPTY_DESIGN } from "./defaults";
import {
  CONVERGENT_SHAPES,
  DESIGN_CHOICES,
  SCALAR_TYPES,
  type ChoiceField,
  type Design,
  type FieldDesign,
  type LeaderSafety,
  type ResponseDesign,
} from "./model";
import type { Problem } from "./problem";
import { unknownKeyProblems } from "./unknown-keys";

export const MAX_FIELDS = 40;
export const MAX_SQL_LENGTH = 20_000;
export const MAX_TEXT = 500;
export const MAX_TABLES = 20;
/** The longest RPC name kept as text; rules then ask for PascalCase under 80 characters. */
export const MAX_RPC_NAME_TEXT = 120;
/** The longest field name, field type or idempotency-key field kept. */
export const MAX_NAME = 64;
export const FIELD_NAME = /^[a-z][a-z0-9_]{0,63}$/;
export const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value shown in a message: short, and never walked (it may be nested thousands deep). */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 40));
  if (Array.isArray(value)) return "a list";
  return isObj(value) ? "an object" : String(value);
}

export const FIELD_KEYS = ["name", "type", "optional", "repeated", "comment"] as const;

function pick<T extends string>(
  value: unknown,
  options: readonly T[],
  fallback: T,
  path: string,
  problems: Problem[],
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (options as readonly string[]).includes(value))
    return value as T;
  problems.push({
    path,
    severity: "error",
    message: `${path} must be one of ${options.join(", ")}; got ${shown(value)}.`,
  });
  return fallback;
}

function text(
  value: unknown,
  fallback: string,
  path: string,
  problems: Problem[],
  max = MAX_TEXT,
): string {
  if (value === undefined) return fallback;
  if (typeof value === "string" && value.length <= max) return value;
  problems.push({
    path,
    severity: "error",
    message:
      typeof value === "string"
        ? `${path} is longer than ${max} characters.`
        : `${path} must be text.`,
  });
  return fallback;
}

function bool(value: unknown, fallback: boolean, path: string, problems: Problem[]): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  problems.push({ path, severity: "error", message: `${path} must be true or false.` });
  return fallback;
}

export function isKnownType(type: string): boolean {
  return (SCALAR_TYPES as readonly string[]).includes(type) || Object.hasOwn(KNOWN_MESSAGES, type);
}

function readField(raw: unknown, path: string, problems: Problem[]): FieldDesign | null {
  if (!isObj(raw)) {
    problems.push({ path, severity: "error", message: `${path} is not a field; it was left out.` });
    return null;
  }
  problems.push(...unknownKeyProblems(raw, FIELD_KEYS, path));
  const name = text(raw.name, "", `${path}.name`, problems, MAX_NAME);
  if (!FIELD_NAME.test(name)) {
    problems.push({
      path: `${path}.name`,
      severity: "error",
      message: `Field name ${JSON.stringify(name)} must be snake_case (lowercase letters, digits, _), starting with a letter.`,
    });
  }
  const type = text(raw.type, "int64", `${path}.type`, problems, MAX_NAME);
  if (!isKnownType(type)) {
    problems.push({
      path: `${path}.type`,
      severity: "error",
      message: `Unknown type ${JSON.stringify(type)}: use a scalar (${SCALAR_TYPES.join(", ")}) or ${Object.keys(KNOWN_MESSAGES).join(", ")}.`,
    });
  }
  return {
    name,
    type,
    optional: bool(raw.optional, false, `${path}.optional`, problems),
    repeated: bool(raw.repeated, false, `${path}.repeated`, problems),
    comment: text(raw.comment, "", `${path}.comment`, problems),
  };
}

function readFields(
  raw: unknown,
  path: string,
  fallback: readonly FieldDesign[],
  problems: Problem[],
): FieldDesign[] {
  if (raw === undefined) return [...fallback];
  if (!Array.isArray(raw)) {
    problems.push({ path, severity: "error", message: `${path} must be a list of fields.` });
    return [...fallback];
  }
  if (raw.length > MAX_FIELDS)
    problems.push({
      path,
      severity: "error",
      message: `Only the first ${MAX_FIELDS} fields of ${path} were kept.`,
    });
  return raw.slice(0, MAX_FIELDS).flatMap((f, i) => readField(f, `${path}.${i}`, problems) ?? []);
}

function readResponse(raw: unknown, problems: Problem[]): ResponseDesign {
  const fallback = EMPTY_DESIGN.response;
  if (raw === undefined) return fallback;
  if (isObj(raw) && raw.kind === "shared") {
    problems.push(...unknownKeyProblems(raw, ["kind", "name"], "response"));
    const name = text(raw.name, "", "response.name", problems, 80);
    if (Object.hasOwn(SHARED_RESPONSES, name)) return { kind: "shared", name };
    problems.push({
      path: "response.name",
      severity: "error",
      message: `${JSON.stringify(name)} is not a shared response; choose one of ${Object.keys(SHARED_RESPONSES).join(", ")}.`,
    });
    return fallback;
  }
  if (isObj(raw) && raw.kind === "new") {
    problems.push(...unknownKeyProblems(raw, ["kind", "fields"], "response"));
    return { kind: "new", fields: readFields(raw.fields, "response.fields", [], problems) };
  }
  problems.push({
    path: "response",
    severity: "error",
    message: "response must be a new message with fields or a shared response.",
  });
  return fallback;
}

/** The keys each answer has besides `kind`. */
export const LEADER_SAFETY_KEYS: Readonly<Record<string, readonly string[]>> = {
  unanswered: [],
  convergent: ["shape"],
  "idempotency-key": ["field"],
  neither: [],
};

function readLeaderSafety(raw: unknown, problems: Problem[]): LeaderSafety {
  if (raw === undefined) return { kind: "unanswered" };
  if (isObj(raw) && typeof raw.kind === "string" && Object.hasOwn(LEADER_SAFETY_KEYS, raw.kind))
    problems.push(
      ...unknownKeyProblems(raw, ["kind", ...LEADER_SAFETY_KEYS[raw.kind]!], "leaderSafety"),
    );
  if (isObj(raw) && raw.kind === "unanswered") return { kind: "unanswered" };
  if (isObj(raw) && raw.kind === "convergent") {
    return {
      kind: "convergent",
      shape: pick(raw.shape, CONVERGENT_SHAPES, "read-only", "leaderSafety.shape", problems),
    };
  }
  if (isObj(raw) && raw.kind === "idempotency-key")
    return {
      kind: "idempotency-key",
      field: text(raw.field, "", "leaderSafety.field", problems, MAX_NAME),
    };
  if (isObj(raw) && raw.kind === "neither") return { kind: "neither" };
  problems.push({
    path: "leaderSafety",
    severity: "error",
    message: "leaderSafety must say how the write converges or which field is its idempotency key.",
  });
  return { kind: "unanswered" };
}

function readTables(raw: unknown, problems: Problem[]): string[] {
  if (raw === undefined) return [];
  if (Array.isArray(raw) && raw.every((t) => typeof t === "string" && TABLE_NAME.test(t))) {
    const unique = [...new Set(raw as string[])];
    if (unique.length < raw.length)
      problems.push({
        path: "tables",
        severity: "warning",
        message: "tables names a table more than once; each is kept once.",
      });
    if (unique.length > MAX_TABLES)
      problems.push({
        path: "tables",
        severity: "error",
        message: `Only the first ${MAX_TABLES} tables were kept.`,
      });
    return unique.slice(0, MAX_TABLES);
  }
  problems.push({
    path: "tables",
    severity: "error",
    message: "tables must be a list of table names.",
  });
  return [];
}

export function validateDesign(input: unknown): { design: Design; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!isObj(input)) {
    return {
      design: EMPTY_DESIGN,
      problems: [
        {
          path: "",
          severity: "error",
          message: "The design is not an object; the empty design was used.",
        },
      ],
    };
  }
  const d = EMPTY_DESIGN;
  const category = input.categoryOverride;
  const choice = <F extends ChoiceField>(field: F) =>
    pick<Design[F]>(input[field], DESIGN_CHOICES[field], d[field], field, problems);
  const design: Design = {
    target: choice("target"),
    rpcName: text(input.rpcName, d.rpcName, "rpcName", problems, MAX_RPC_NAME_TEXT),
    domain: choice("domain"),
    tables: readTables(input.tables, problems),
    categoryOverride:
      category === null || category === undefined
        ? null
        : pick(category, DATA_CATEGORIES, "PersonData", "categoryOverride", problems),
    operation: choice("operation"),
    consistency: choice("consistency"),
    batch: choice("batch"),
    sql: text(input.sql, d.sql, "sql", problems, MAX_SQL_LENGTH),
    request: readFields(input.request, "request", d.request, problems),
    readOptions: bool(input.readOptions, d.readOptions, "readOptions", problems),
    response: readResponse(input.response, problems),
    leaderSafety: readLeaderSafety(input.leaderSafety, problems),
    personWriteBackend: choice("personWriteBackend"),
    nodeLayout: choice("nodeLayout"),
  };
  problems.push(...unknownKeyProblems(input, Object.keys(d), ""));
  return { design, problems };
}
