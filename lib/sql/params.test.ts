import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { guessedLiterals, literalForOid, placeholderCount } from "./params";

const UUID = "'0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e7f'";

describe("representative values", () => {
  it("guesses from the column each placeholder is compared with", () => {
    assert.deepEqual(
      guessedLiterals("SELECT * FROM posthog_person WHERE team_id = $1 AND uuid = $2"),
      ["'2'", UUID],
    );
  });

  it("guesses arrays from ANY, casts, flags, INSERT columns and row comparisons", () => {
    assert.deepEqual(guessedLiterals("SELECT 1 FROM posthog_person WHERE uuid = ANY($1)"), [
      "'{0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e7f,0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e80}'",
    ]);
    assert.deepEqual(guessedLiterals("SELECT $1::uuid[]"), [
      "'{0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e7f,0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e80}'",
    ]);
    assert.deepEqual(guessedLiterals("SELECT CASE WHEN $1 THEN 1 END"), ["'true'"]);
    assert.deepEqual(
      guessedLiterals("INSERT INTO posthog_person (team_id, uuid, created_at) VALUES ($1, $2, $3)"),
      ["'2'", UUID, "'2026-01-01T00:00:00Z'"],
    );
    assert.deepEqual(
      guessedLiterals("SELECT 1 FROM posthog_group WHERE (created_at, id) < ($1, $2)"),
      ["'2026-01-01T00:00:00Z'", "'2'"],
    );
  });

  it("gives as many values as the highest placeholder, none NULL for a placeholder in use", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 8 }),
        fc.string(),
        (ns, noise) => {
          const sql = `SELECT ${noise} ${ns.map((n) => `$${n}`).join(" = ")}`;
          const values = guessedLiterals(sql);
          assert.equal(values.length, placeholderCount(sql));
          for (const n of ns) assert.match(values[n - 1] ?? "", /^'[^']*'$/u);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives up at once on a placeholder beyond PostgreSQL's limit", () => {
    assert.deepEqual(guessedLiterals("SELECT $99999999999"), []);
    assert.deepEqual(guessedLiterals(`SELECT $${"9".repeat(400)}`), []);
  });

  it("maps described type OIDs to values, and unknown types to NULL", () => {
    assert.equal(literalForOid(23), "'2'");
    assert.equal(literalForOid(2950), UUID);
    assert.equal(literalForOid(1016), "'{2,3}'");
    assert.equal(literalForOid(999_999), "NULL");
  });
});
