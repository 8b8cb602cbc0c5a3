/**
 * Convention and guide rules over a design. Each problem cites its rule so people learn the
 * convention, not only the fix. Pure: runs on every keystroke.
 */
import { TABLE_DOMAIN } from "../catalogue/domains";
import { EXISTING_RPCS } from "../catalogue/existing-rpcs";
import { documentedCap } from "./documented-cap";
import { findTable } from "../sql/schema";
import type { SqlFacts } from "../sql/summary";
import { derive, mixedCategories, tablesOutside } from "./derive";
import { fieldNameClashes, invalidFieldNames } from "./field-names";
import { lostWhenShared } from "./kept-when-shared";
import type { Design, FieldDesign } from "./model";
import { problem, quoted, type Problem } from "./problem";
import { rpcNameProblems } from "./rpc-name";
import { ROW_RULE, sqlAgreementProblems } from "./sql-agreement";
import { generateInput } from "../generate/context";
import { selectFitOf } from "../generate/rust-query";
import { returnShape } from "../generate/rust-response";
import { carriesPersonKey, rustPlan } from "../generate/rust-types";

const JSON_FIELDS = new Set([
  "properties",
  "properties_last_updated_at",
  "properties_last_operation",
  "default_columns",
  "group_properties",
  "set_properties",
]);
const STRING_IDS = new Set([
  "distinct_id",
  "distinct_ids",
  "uuid",
  "uuids",
  "group_key",
  "group_keys",
  "hash_key",
  "feature_flag_key",
  "operation_id",
  "request_id",
  "idempotency_key",
]);
const INT64_NAME = /(^|_)(id|ids|version|versions|count)$|_ms$|_at$/;

function fieldRules(fields: readonly FieldDesign[], path: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = `${path}.${i}`;
    if (seen.has(f.name))
      problems.push(
        problem(
          `${at}.name`,
          "error",
          `${f.name} appears twice; field names (and numbers) must be unique.`,
          "unique-fields",
        ),
      );
    seen.add(f.name);
    if (f.name === "read_options")
      problems.push(
        problem(
          `${at}.name`,
          "error",
          "read_options is added for you, last, when the read needs consistency control.",
          "read-options-last",
        ),
      );
    if (f.optional && f.repeated)
      problems.push(
        problem(at, "error", `${f.name} cannot be both optional and repeated in proto3.`, "proto3"),
      );
    if (JSON_FIELDS.has(f.name) && f.type !== "bytes")
      problems.push(
        problem(
          `${at}.type`,
          "error",
          `${f.name} carries JSON: make it bytes, not ${f.type}.`,
          "json-as-bytes",
        ),
      );
    if (
      INT64_NAME.test(f.name) &&
      !STRING_IDS.has(f.name) &&
      f.type !== "int64" &&
      !f.name.endsWith("group_type_index")
    ) {
      problems.push(
        problem(
          `${at}.type`,
          "warning",
          `${f.name} looks like an id, version, count or timestamp: those are int64 (timestamps in epoch milliseconds).`,
          "int64-ids",
        ),
      );
    }
    if (f.name === "team_id" && i !== 0)
      problems.push(
        problem(at, "warning", "team_id is field 1 by habit: move it first.", "team-id-first"),
      );
  });
  return problems;
}

function nameRules(design: Design): Problem[] {
  const problems: Problem[] = rpcNameProblems(design.rpcName).map((message) =>
    problem("rpcName", "error", message, "rpc-naming"),
  );
  if (/[A-Z]{2,}/.test(design.rpcName)) {
    problems.push(
      problem(
        "rpcName",
        "warning",
        "Write acronyms as words (ByUuids, not ByUUIDs): snake_case names are split at capitals (get_persons_by_uui_ds).",
        "rpc-naming",
      ),
    );
  }
  if ((EXISTING_RPCS as readonly string[]).includes(design.rpcName)) {
    problems.push(
      problem(
        "rpcName",
        "error",
        `${design.rpcName} already exists in PersonHogService; pick a new name or extend it.`,
        "rpc-naming",
      ),
    );
  }
  return problems;
}

function eligibilityRules(design: Design): Problem[] {
  const problems: Problem[] = [];
  if (design.tables.length === 0)
    problems.push(
      problem(
        "tables",
        "error",
        "Pick the tables the RPC reads or writes (or check its SQL to read them).",
        "eligibility",
      ),
    );
  const outside = tablesOutside(design);
  for (const t of outside) {
    problems.push(
      problem(
        "tables",
        "error",
        `${t} is not a personhog table: this RPC does not belong in personhog.`,
        "eligibility",
      ),
    );
  }
  if (outside.length === 0 && mixedCategories(design) && !design.categoryOverride) {
    problems.push(
      problem(
        "categoryOverride",
        "error",
        "The tables mix PersonData and NonPersonData: say which category the RPC belongs to (by its purpose).",
        "mixed-categories",
      ),
    );
  }
  const suggested = new Set(
    design.tables.filter((t) => Object.hasOwn(TABLE_DOMAIN, t)).map((t) => TABLE_DOMAIN[t]),
  );
  if (suggested.size === 1 && !suggested.has(design.domain)) {
    problems.push(
      problem(
        "domain",
        "warning",
        `These tables belong to the ${[...suggested][0]} domain; messages for them go in types/v1/${[...suggested][0]}.proto.`,
        "domain-file",
      ),
    );
  }
  if (design.domain === "common")
    problems.push(
      problem(
        "domain",
        "warning",
        "common.proto holds shared keys and ReadOptions, not request messages.",
        "domain-file",
      ),
    );
  return problems;
}

function readWriteRules(design: Design): Problem[] {
  const problems: Problem[] = [];
  const d = derive(design);
  if (design.operation === "write" && design.readOptions)
    problems.push(
      problem(
        "readOptions",
        "error",
        "Writes carry no read_options: they always use the primary.",
        "read-options-last",
      ),
    );
  if (design.operation === "read" && !design.readOptions)
    problems.push(
      problem(
        "readOptions",
        "warning",
        "Reads that need consistency control carry ReadOptions read_options as their last field.",
        "read-options-last",
      ),
    );
  if (
    design.target === "current" &&
    d.category === "PersonData" &&
    design.operation === "read" &&
    design.consistency === "strong"
  ) {
    problems.push(
      problem(
        "consistency",
        "warning",
        "In current code only GetPerson serves strong person reads; the replica answers FAILED_PRECONDITION for others.",
        "strong-reads",
      ),
    );
  }
  if (d.leaderWrite) problems.push(...leaderRules(design), ...leaderKeyRules(design));
  if (design.response.kind === "new" && design.response.fields.length === 0)
    problems.push(
      problem("response.fields", "warning", "The response has no fields yet.", "response"),
    );
  return problems;
}

/**
 * The leader that owns a person is found from the request's team_id and person_id: the guide's
 * typed router reads them in call_leader!, today's proxy from the x-team-id/x-person-id headers
 * clients fill from them (a batch across persons is split per leader, as FencePersons is).
 */
function leaderKeyRules(design: Design): Problem[] {
  if (carriesPersonKey(design.request)) return [];
  const guide = design.target === "guide";
  return [
    problem(
      "request",
      guide ? "error" : "warning",
      guide
        ? "The leader is found from the request's team_id and person_id, and call_leader! reads them: add both fields. A write that names no person (a team-wide delete) cannot go to one leader; today's code serves such writes from the replica."
        : "The leader is found from team_id and person_id (clients send them as x-team-id/x-person-id): without both in the request, each caller must resolve the person itself, or the write splits per leader as FencePersons does. A write that names no person is better served from the replica.",
      "leader-person-key",
    ),
  ];
}

function leaderRules(design: Design): Problem[] {
  const s = design.leaderSafety;
  const rule = "leader-at-least-once";
  if (s.kind === "unanswered")
    return [
      problem(
        "leaderSafety",
        "error",
        "A person-data write goes to the leader, which may receive it more than once: say how it converges, or name its idempotency key.",
        rule,
      ),
    ];
  if (s.kind === "neither")
    return [
      problem(
        "leaderSafety",
        "error",
        "An operation that neither converges nor carries an idempotency key must not be added: redesign it with an idempotency key first.",
        rule,
      ),
    ];
  if (
    s.kind === "idempotency-key" &&
    !design.request.some((f) => f.name === s.field && (f.type === "string" || f.type === "bytes"))
  ) {
    return [
      problem(
        "leaderSafety.field",
        "error",
        `The idempotency key must be a string or bytes request field; ${s.field ? quoted(s.field) : "(none)"} is not.`,
        rule,
      ),
    ];
  }
  return [];
}

/** A response field named after a nullable column of the design's tables must be optional. */
function nullableRules(design: Design): Problem[] {
  if (design.response.kind !== "new") return [];
  const nullable = new Set(
    design.tables.flatMap(
      (t) =>
        findTable(t)
          ?.columns.filter((c) => !c.notNull)
          .map((c) => c.name) ?? [],
    ),
  );
  return design.response.fields.flatMap((f, i) =>
    nullable.has(f.name) && !f.optional && !f.repeated
      ? [
          problem(
            `response.fields.${i}.optional`,
            "warning",
            `${f.name} is nullable in ${design.tables.join(", ")}: make the field optional so "absent" differs from 0.`,
            "nullable-optional",
          ),
        ]
      : [],
  );
}

/** A request field's documented cap the generated handler cannot enforce, as a warning. */
function capRules(design: Design): Problem[] {
  return design.request.flatMap((f, i) => {
    const cap = documentedCap(f);
    return cap.kind === "ignored"
      ? [problem(`request.${i}.comment`, "warning", cap.note, "documented-cap")]
      : [];
  });
}

/** A SELECT the generator cannot write so that it decodes into the struct query_as! fills. */
function rowRules(design: Design): Problem[] {
  const input = generateInput(design);
  const plan = rustPlan(input);
  if (plan.leaderOnly) return [];
  const fit = selectFitOf(design, plan, returnShape(design, input.d.rpc));
  return (fit?.problems ?? []).map((message) => ({
    path: "sql",
    severity: "error",
    message,
    rule: ROW_RULE,
  }));
}

/**
 * Every problem with the design. `sql` is what a check of `design.sql` as it stands found (null
 * until one has run): the design and its SQL must agree, which only a check can show.
 */
export function designProblems(design: Design, sql: SqlFacts | null = null): Problem[] {
  const response =
    design.response.kind === "new"
      ? [...fieldRules(design.response.fields, "response.fields"), ...nullableRules(design)]
      : [];
  return [
    ...nameRules(design),
    ...invalidFieldNames(design),
    ...lostWhenShared(design),
    ...fieldNameClashes(design),
    ...eligibilityRules(design),
    ...fieldRules(design.request, "request"),
    ...capRules(design),
    ...response,
    ...readWriteRules(design),
    ...rowRules(design),
    ...(sql ? sqlAgreementProblems(design, sql) : []),
  ];
}
