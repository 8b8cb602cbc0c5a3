import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { MAX_PLACEHOLDERS, MAX_STATEMENT_LENGTH } from "./limits";
import { NOT_PLANNABLE, plannableStatement } from "./plannable";
import CASES from "./plannable.cases.json" with { type: "json" };

function refusal(sql: string) {
  const result = plannableStatement(sql);
  assert.equal(result.ok, false, sql);
  return result.ok ? undefined : result.refusal;
}

describe("plannableStatement", () => {
  it("accepts every statement that has a plan, in any case and behind parentheses", () => {
    for (const sql of CASES.hasPlan) {
      assert.equal(plannableStatement(sql).ok, true, sql);
    }
  });

  it("gives the statement without the comments, spaces and semicolons around it", () => {
    const sql = "  -- why\n  SELECT 1 /* keep */ + 1 ;; \n -- end\n";
    assert.deepEqual(plannableStatement(sql), {
      ok: true,
      statement: "SELECT 1 /* keep */ + 1",
      offset: sql.indexOf("SELECT"),
    });
  });

  it("refuses statements without a plan, pointing at the first word", () => {
    for (const sql of CASES.noPlan) {
      const refused = refusal(sql);
      assert.equal(refused?.message, NOT_PLANNABLE, sql);
      assert.equal(refused?.position, sql.search(/[A-Z]/) + 1, sql);
    }
  });

  it("answers a first word no statement starts with as PostgreSQL would, without asking it", () => {
    assert.deepEqual(refusal("  SELEC 1"), {
      message: 'syntax error at or near "SELEC"',
      position: 3,
    });
    assert.deepEqual(refusal("'SELECT 1'"), {
      message: `syntax error at or near "'SELECT 1'"`,
      position: 1,
    });
    assert.equal(
      refusal(`'${"x".repeat(100)}'`)?.message,
      `syntax error at or near "'${"x".repeat(39)}…"`,
    );
  });

  it("refuses SELECT … INTO wherever it stands, and says why", () => {
    for (const sql of [
      "SELECT 1 INTO t",
      "SELECT * INTO TEMP t FROM posthog_group",
      "WITH x AS (SELECT 1) SELECT * INTO t FROM x",
      "(SELECT 1 INTO t)",
      "SELECT 1 INTO t UNION SELECT 2",
      "INSERT INTO posthog_group SELECT 1 INTO t",
    ]) {
      const refused = refusal(sql);
      assert.match(refused?.message ?? "", /SELECT … INTO creates a table/, sql);
      assert.equal(refused?.position, sql.lastIndexOf("INTO") + 1, sql);
    }
  });

  it("refuses a second statement, even one hidden behind a comment", () => {
    assert.deepEqual(refusal("SELECT 1; DROP TABLE posthog_person"), {
      message: "One statement at a time: another one starts here.",
      position: 11,
    });
    assert.equal(refusal("SELECT 1; -- x\n DROP TABLE t")?.position, 17);
    assert.equal(plannableStatement("SELECT 1; -- that is all").ok, true);
  });

  it("refuses text that is never closed, pointing where it starts", () => {
    assert.deepEqual(refusal("SELECT 'abc"), {
      message: "The string that starts here is never closed.",
      position: 8,
    });
    assert.match(refusal("SELECT 1 /* x")?.message ?? "", /comment that starts here/);
    assert.match(refusal('SELECT "x')?.message ?? "", /quoted identifier/);
  });

  it("bounds placeholders with messages of its own", () => {
    assert.deepEqual(refusal("SELECT $99999"), {
      message: `$99999 is beyond the ${MAX_PLACEHOLDERS} placeholders a check takes: each is bound from a request field, and a request has at most ${MAX_PLACEHOLDERS}.`,
      position: 8,
    });
    assert.match(refusal(`SELECT $${"9".repeat(400)}`)?.message ?? "", /^\$9{12}… is beyond/);
    assert.match(refusal("SELECT $0")?.message ?? "", /numbered from \$1/);
    assert.deepEqual(refusal("SELECT $1, $3"), {
      message:
        "The statement uses $3 but not $2: PostgreSQL needs every placeholder from $1 up to the highest.",
      position: 12,
    });
    const most = Array.from({ length: MAX_PLACEHOLDERS }, (_, i) => `$${i + 1}`).join(", ");
    assert.equal(plannableStatement(`SELECT ${most}`).ok, true);
  });

  it("bounds the length and refuses NUL before reading anything", () => {
    assert.deepEqual(refusal(`SELECT 1${" ".repeat(MAX_STATEMENT_LENGTH)}`), {
      message: `The SQL is 20,008 characters long; a check takes at most 20,000.`,
    });
    assert.deepEqual(refusal("SELECT 1\0"), {
      message: "The SQL contains a NUL character, which PostgreSQL does not accept.",
      position: 9,
    });
    assert.equal(refusal(" -- nothing\n;")?.message, "Enter one SQL statement to check.");
  });
});
