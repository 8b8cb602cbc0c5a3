import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { SNIPPET_LANGUAGES } from "../generate/snippet";
import { highlight } from "./highlight";

describe("highlight", () => {
  it("marks proto keywords, types, numbers and comments", () => {
    const tokens = highlight(
      "message GetXRequest {\n  int64 team_id = 1;  // the team\n}",
      "proto",
    );
    const kinds = (kind: string) => tokens.filter((t) => t.kind === kind).map((t) => t.text);
    assert.deepEqual(kinds("keyword"), ["message"]);
    assert.deepEqual(kinds("type"), ["GetXRequest"]);
    assert.deepEqual(kinds("number"), ["1"]);
    assert.deepEqual(kinds("comment"), ["// the team"]);
  });

  it("marks SQL keywords in either case, parameters, strings and comments", () => {
    const tokens = highlight("select id FROM t WHERE k = 'x' AND n = 2 -- why", "sql");
    const kinds = (kind: string) => tokens.filter((t) => t.kind === kind).map((t) => t.text);
    assert.deepEqual(kinds("keyword"), ["select", "FROM", "WHERE", "AND"]);
    assert.deepEqual(kinds("string"), ["'x'"]);
    assert.deepEqual(kinds("number"), ["2"]);
    assert.deepEqual(kinds("comment"), ["-- why"]);
  });

  it("keeps a Rust raw SQL string whole", () => {
    const tokens = highlight('sqlx::query!(r#"SELECT 1 -- "x""#, a)', "rust");
    assert.ok(tokens.some((t) => t.kind === "string" && t.text.startsWith('r#"SELECT')));
  });

  it("gives back exactly the input, for any text in any language", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom(...SNIPPET_LANGUAGES, "sql" as const),
        (code, language) => {
          assert.equal(
            highlight(code, language)
              .map((t) => t.text)
              .join(""),
            code,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
