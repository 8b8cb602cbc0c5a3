import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { WORKED_EXAMPLE } from "./defaults";
import { DESIGN_FIXTURES } from "./fixtures";
import type { Design } from "./model";
import { designProblems } from "./rules";
import { BINDS_RULE, TABLES_RULE, sqlAgreementProblems } from "./sql-agreement";
import { stepStates } from "./steps";
import { MAX_FIELDS, MAX_SQL_LENGTH } from "./validate";
import { checkSql } from "../sql/session";
import { summarizeSql } from "../sql/summary";
import { sharedLabDatabase } from "../sql/test-lab";

const getLab = sharedLabDatabase();

async function checked(design: Design) {
  const summary = summarizeSql(design.sql, await checkSql(getLab().db, getLab().ctx, design.sql));
  assert.ok(summary.facts, `${design.sql} did not plan: ${summary.reasons.join(" ")}`);
  return { summary, problems: sqlAgreementProblems(design, summary.facts) };
}

const field = (name: string, type: string, repeated = false) => ({
  name,
  type,
  optional: false,
  repeated,
  comment: "",
});

/** The example: the design says posthog_person, the SQL reads distinct ids by text. */
const MISMATCHED: Design = {
  ...WORKED_EXAMPLE,
  sql: "SELECT * FROM posthog_persondistinctid WHERE distinct_id = $1",
  request: [field("team_id", "int64")],
};

describe("the design and its SQL agree", () => {
  it("for the worked example and every fixture", async () => {
    for (const [name, design] of [
      ["worked example", WORKED_EXAMPLE] as const,
      ...Object.entries(DESIGN_FIXTURES),
    ]) {
      const { problems } = await checked(design);
      assert.deepEqual(problems, [], name);
    }
  });

  it("names a table the SQL touches that the design does not, and one the SQL never touches", async () => {
    const { problems } = await checked(MISMATCHED);
    const tables = problems.filter((p) => p.rule === TABLES_RULE);
    assert.deepEqual(
      tables.map((p) => [p.path, p.severity]),
      [
        ["tables", "error"],
        ["tables", "error"],
      ],
    );
    assert.match(
      tables[0]?.message ?? "",
      /^The SQL touches posthog_persondistinctid, which the design does not name/,
    );
    assert.match(
      tables[1]?.message ?? "",
      /^The design names posthog_person, but the SQL never touches it/,
    );
  });

  it("names the expression of a $n whose request field has another type", async () => {
    const { problems } = await checked(MISMATCHED);
    const binds = problems.filter((p) => p.rule === BINDS_RULE);
    assert.equal(binds.length, 1);
    assert.equal(binds[0]?.path, "request.0.type");
    assert.equal(
      binds[0]?.message,
      "$1 in `distinct_id = $1` takes text, but is bound to team_id (int64): $n takes the n-th request field, so reorder the fields or change the SQL.",
    );
  });

  it("fails Eligibility and Rust for the mismatch, and passes Proto and Clients", async () => {
    const { summary } = await checked(MISMATCHED);
    const states = stepStates(designProblems(MISMATCHED, summary.facts), summary, true);
    assert.equal(states.eligibility, "failed");
    assert.equal(states.rust, "failed");
    assert.equal(states.proto, "pass");
    assert.equal(states.clients, "pass");
  });

  it("takes an int64 for an integer column and epoch milliseconds for a timestamp", async () => {
    const design: Design = {
      ...WORKED_EXAMPLE,
      sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND created_at > $2 LIMIT $3",
      request: [
        field("team_id", "int64"),
        field("created_after_ms", "int64"),
        field("limit", "int32"),
      ],
    };
    assert.deepEqual((await checked(design)).problems, []);
  });

  it("wants a repeated field for a list and a single one for one value", async () => {
    const design: Design = {
      ...WORKED_EXAMPLE,
      sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND uuid = ANY($2)",
      request: [field("team_id", "int64", true), field("uuids", "string")],
    };
    const messages = (await checked(design)).problems.map((p) => p.message);
    assert.deepEqual(messages, [
      "$1 in `team_id = $1` takes one integer, but is bound to team_id (repeated int64): compare with = ANY(…), or make the field single.",
      "$2 in `uuid = ANY($2)` takes a list (uuid[]), but is bound to uuids (string): make the field repeated, or compare with one value.",
    ]);
  });

  it("stays linear on hostile SQL: every field mismatched, each placed in a long text", () => {
    const many = Array.from({ length: MAX_FIELDS }, (_, i) => `c = $${i + 1}`).join(" AND ");
    const sql = `SELECT 1 FROM t WHERE ${"x".repeat(MAX_SQL_LENGTH * 10)} = 1 AND ${many}`;
    const design: Design = {
      ...WORKED_EXAMPLE,
      sql,
      request: Array.from({ length: MAX_FIELDS }, (_, i) => field(`f${i}`, "bool")),
    };
    const facts = {
      statement: { kind: "read", operation: "select", locking: false, target: null },
      tables: ["posthog_person"],
      params: Array.from({ length: MAX_FIELDS }, () => 25),
    } as const;
    const started = performance.now();
    const problems = sqlAgreementProblems(design, facts);
    assert.equal(problems.length, MAX_FIELDS);
    // Linear takes milliseconds, quadratic minutes: the bound leaves room for a loaded machine.
    assert.ok(performance.now() - started < 5000, `${Math.round(performance.now() - started)} ms`);
  });

  it("names the placeholders no request field takes", async () => {
    const design: Design = {
      ...WORKED_EXAMPLE,
      sql: "SELECT id FROM posthog_person WHERE team_id = $1 AND id = $2 AND is_deleted = $3",
      request: [field("team_id", "int64")],
    };
    const binds = (await checked(design)).problems;
    assert.equal(binds.length, 1);
    assert.equal(binds[0]?.path, "request");
    assert.match(binds[0]?.message ?? "", /^\$2…\$3 have no request field to take/);
  });
});
