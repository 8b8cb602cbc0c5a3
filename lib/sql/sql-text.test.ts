import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { highestPlaceholder, significant, tokenize, type TokenKind } from "./sql-text";

function kinds(sql: string): [TokenKind, string][] {
  return significant(tokenize(sql)).map((t) => [t.kind, sql.slice(t.start, t.end)]);
}

describe("tokenize", () => {
  it("reads words, placeholders, operators and punctuation", () => {
    assert.deepEqual(kinds("SELECT d.id FROM t d WHERE d.x>=$12;"), [
      ["word", "SELECT"],
      ["word", "d"],
      ["punct", "."],
      ["word", "id"],
      ["word", "FROM"],
      ["word", "t"],
      ["word", "d"],
      ["word", "WHERE"],
      ["word", "d"],
      ["punct", "."],
      ["word", "x"],
      ["operator", ">="],
      ["param", "$12"],
      ["punct", ";"],
    ]);
  });

  it("keeps WHERE and quotes inside strings, quoted names and comments", () => {
    const sql = `SELECT 'it''s WHERE' , E'a\\' WHERE', $x$ WHERE ' $x$, "we""ird", $$a$$ -- WHERE\n/* a /* WHERE */ b */ 1`;
    assert.deepEqual(kinds(sql), [
      ["word", "SELECT"],
      ["string", "'it''s WHERE'"],
      ["punct", ","],
      ["string", "E'a\\' WHERE'"],
      ["punct", ","],
      ["string", "$x$ WHERE ' $x$"],
      ["punct", ","],
      ["quoted-ident", '"we""ird"'],
      ["punct", ","],
      ["string", "$$a$$"],
      ["number", "1"],
    ]);
  });

  it("runs an unterminated string, name or comment to the end", () => {
    for (const sql of ["SELECT 'abc", 'SELECT "abc', "SELECT /* abc", "SELECT $q$ abc"]) {
      const tokens = tokenize(sql);
      assert.equal(tokens.at(-1)?.end, sql.length, sql);
    }
  });

  it("finds the highest placeholder, ignoring ones inside strings", () => {
    assert.equal(highestPlaceholder("SELECT $2, '$9', $10 -- $11"), 10);
    assert.equal(highestPlaceholder("SELECT 1"), 0);
  });

  it("covers any text with contiguous tokens and never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (sql) => {
        let at = 0;
        for (const t of tokenize(sql)) {
          assert.equal(t.start, at);
          assert.ok(t.end > t.start);
          at = t.end;
        }
        assert.equal(at, sql.length);
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
