import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { tokenize } from "./tokens";
import { itAnswersEach } from "../test-cases";
import CASES from "./tokens.cases.json" with { type: "json" };

/** Each token as [kind, text]. */
function read(sql: string): [string, string][] {
  return tokenize(sql).tokens.map((t) => [t.kind, sql.slice(t.start, t.end)]);
}

describe("tokenize", () => {
  itAnswersEach({ read }, CASES);

  it("keeps keywords inside strings, quoted identifiers and comments out of the words", () => {
    const sql = `SELECT 'INTO ''x''' AS "INTO", E'\\' INTO' -- INTO t\n/* INTO /* nested INTO */ INTO */ FROM t`;
    const words = tokenize(sql).tokens.filter((t) => t.kind === "word");
    assert.deepEqual(
      words.map((t) => t.lower),
      ["select", "as", "from", "t"],
    );
    assert.deepEqual(
      read(sql).filter(([kind]) => kind !== "word"),
      [
        ["string", "'INTO ''x'''"],
        ["quoted", '"INTO"'],
        ["punct", ","],
        ["string", "E'\\' INTO'"],
      ],
    );
  });

  it("does not take $1 inside an identifier or a string for a placeholder", () => {
    const params = (sql: string) =>
      tokenize(sql)
        .tokens.filter((t) => t.kind === "param")
        .map((t) => t.lower);
    assert.deepEqual(params("SELECT a$1, '$2', \"$3\", $4 -- $5"), ["4"]);
    assert.deepEqual(params("SELECT $2, '$9', $10 -- $11"), ["2", "10"]);
  });

  it("reports a string, quoted identifier or comment that is never closed", () => {
    assert.deepEqual(tokenize("SELECT 'abc").unclosed, { what: "string", start: 7 });
    assert.deepEqual(tokenize('SELECT "abc').unclosed, { what: "quoted identifier", start: 7 });
    assert.deepEqual(tokenize("SELECT 1 /* /* */").unclosed, { what: "comment", start: 9 });
    assert.deepEqual(tokenize("SELECT $x$ abc $y$").unclosed, { what: "string", start: 7 });
  });

  it("reports an unclosed text, name, comment or dollar quote where it starts, after the tokens before it", () => {
    for (const sql of ["SELECT 'abc", 'SELECT "abc', "SELECT /* abc", "SELECT $q$ abc"]) {
      const { tokens, unclosed } = tokenize(sql);
      assert.equal(unclosed?.start, 7, sql);
      assert.deepEqual(
        tokens.map((t) => t.lower),
        ["select"],
        sql,
      );
    }
  });

  it("covers the text: tokens are in order, inside it and never overlap", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."ab1 $'\"-*/;()Ee&U:x\n"), maxLength: 60 }),
        (sql) => {
          let at = 0;
          for (const t of tokenize(sql).tokens) {
            assert.ok(t.start >= at && t.end > t.start && t.end <= sql.length, sql);
            at = t.end;
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("never throws, and leaves only whitespace and comments between tokens", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (sql) => {
        const { tokens, unclosed } = tokenize(sql);
        let at = 0;
        for (const t of [...tokens, { start: unclosed?.start ?? sql.length }]) {
          const gap = tokenize(sql.slice(at, t.start));
          assert.deepEqual([gap.tokens, gap.unclosed], [[], undefined], JSON.stringify(sql));
          if ("end" in t) at = t.end;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("is linear: 200,000 characters of openers that never close take seconds, not hours", () => {
    for (const unit of ["/*", "$a$", "'", "E'\\", "(", "--\n", "$1"]) {
      const sql = unit.repeat(Math.ceil(200_000 / unit.length));
      const started = performance.now();
      tokenize(sql);
      assert.ok(performance.now() - started < 3000, `${unit} took too long`);
    }
  });
});
