/**
 * No function that reads the user's SQL (or the plan text PostgreSQL prints from it) takes more
 * than linear time. Each input is 10× the longest statement a check takes, shaped to make a
 * backtracking regular expression or a rescanning loop quadratic: quadratic here means minutes,
 * linear means milliseconds, so a generous bound cannot be missed by a slow machine alone.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { highlight } from "../highlight/highlight";
import { parseCondition } from "./conditions";
import { errorSpan } from "./error-span";
import { MAX_STATEMENT_LENGTH } from "./limits";
import { placeholderCount } from "./params";
import { plannableStatement } from "./plannable";
import { unwrapColumn } from "./rewrite-unwrap";
import { tokenize } from "./tokens";
import { writtenEqualities } from "./written-joins";

const N = 10 * MAX_STATEMENT_LENGTH;
// Linear runs take tens of milliseconds, quadratic ones minutes: the bound leaves room for a loaded machine.
const BOUND_MS = 5000;

/** `unit` repeated to about N characters, between `head` and `tail`. */
function shaped(head: string, unit: string, tail = ""): string {
  return head + unit.repeat(Math.ceil(N / unit.length)) + tail;
}

const HOSTILE_SQL: Record<string, string> = {
  "trailing spaces before a comment": shaped("SELECT 1", " ", "-- end"),
  "a long identifier compared with a placeholder": shaped("SELECT 1 FROM t WHERE ", "a", " = $1"),
  "ten thousand placeholders and more": shaped("SELECT ", "$1 = $2 AND "),
  "quotes never closed, one after another": shaped("SELECT ", `'"`),
  "escaped quotes in E strings": shaped("SELECT E'", "\\'"),
  "dollar-quote openers": shaped("SELECT ", "$a$"),
  "dollar tags that never match": shaped("SELECT $tag$", "$ta$tag"),
  "nested comment openers": shaped("SELECT ", "/*"),
  operators: shaped("SELECT 1 ", "<>!=-+"),
  parentheses: shaped("SELECT ", "(", "1"),
  "placeholder digits": shaped("SELECT $", "9"),
  "raw strings and backslashes": shaped("SELECT ", 'r#"\\"'),
  "nested COALESCE": shaped("SELECT 1 WHERE ", "coalesce(team_id, ", "0"),
  "chained join keys": shaped("SELECT 1 WHERE ", "a.b = c.d = "),
  "shifted columns": shaped("SELECT 1 WHERE ", "(id + 1) = "),
  "subqueries compared with columns": shaped("SELECT 1 WHERE ", "a.b = (SELECT c FROM t "),
  "nested WITH queries": shaped("", "WITH a AS (SELECT b, (", "1"),
  "long WITH lists": shaped("WITH ", "a AS (SELECT b, c, d FROM t), "),
};

const HOSTILE_CONDITIONS: Record<string, string> = {
  "nested parentheses": `${"(".repeat(N / 2)}a = 1${")".repeat(N / 2)}`,
  "a long identifier before a call": shaped("", "a", "(x) = 1"),
  "quotes never closed": shaped("", "'a"),
  "identifiers and spaces": shaped("", "a ", "("),
  "AND chains": shaped("", "(a = 1) AND "),
  casts: shaped("a", "::text", " x"),
  "row comparisons": shaped("ROW(", "a, ", " < 3"),
};

function assertFast(label: string, run: () => unknown): void {
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  assert.ok(ms < BOUND_MS, `${label}: ${Math.round(ms)} ms`);
}

describe("linear time on hostile text", () => {
  for (const [label, sql] of Object.entries(HOSTILE_SQL)) {
    it(`tokenizes, counts placeholders, admits and highlights: ${label}`, () => {
      assertFast(`tokenize ${label}`, () => tokenize(sql));
      assertFast(`placeholderCount ${label}`, () => placeholderCount(sql));
      assertFast(`plannableStatement ${label}`, () => plannableStatement(sql));
      assertFast(`admit at the limit ${label}`, () =>
        plannableStatement(sql.slice(0, MAX_STATEMENT_LENGTH)),
      );
      assertFast(`highlight ${label}`, () => highlight(sql, "sql"));
      assertFast(`errorSpan ${label}`, () => errorSpan(sql, Math.floor(sql.length / 2)));
      assertFast(`writtenEqualities ${label}`, () => writtenEqualities(sql));
      const target = { table: "t", alias: "t" };
      assertFast(`unwrap COALESCE ${label}`, () =>
        unwrapColumn(sql, target, "team_id", "integer", { kind: "coalesce" }),
      );
      assertFast(`unwrap a shift ${label}`, () =>
        unwrapColumn(sql, target, "id", "bigint", { kind: "shift", op: "+", amount: "1" }),
      );
    });
  }

  for (const [label, condition] of Object.entries(HOSTILE_CONDITIONS)) {
    it(`reads plan conditions: ${label}`, () => {
      assertFast(label, () => parseCondition(condition));
    });
  }
});
