import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { hostileText } from "../escape/hostile";
import { terminalText } from "../export/terminal-text";
import { SNIPPET_LANGUAGES } from "../generate/snippet";
import { highlight, type HighlightLanguage } from "./highlight";

/** What a page shows: the tokens' texts, joined. */
const shown = (code: string, language: HighlightLanguage) =>
  highlight(code, language)
    .map((t) => t.text)
    .join("");

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

  it("shows a character that hides or reorders text as its escape, wherever it stands", () => {
    const sql =
      "SELECT id FROM posthog_person WHERE team_id = $1 /* \u202e ; */ AND x = 'a\u2066b'";
    const tokens = highlight(sql, "sql");
    assert.ok(tokens.some((t) => t.kind === "string" && t.text === "'a\\u2066b'"));
    assert.ok(tokens.every((t) => !/[\u202e\u2066]/.test(t.text)));
    assert.ok(shown(sql, "sql").includes("/* \\u202e ; */"));
  });

  // Printable text comes back exactly: terminalText leaves it as it is.
  it("gives back the input as terminalText shows it, for any text in any language", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          hostileText(300),
          fc.string({ unit: "binary", maxLength: 300 }),
        ),
        fc.constantFrom(...SNIPPET_LANGUAGES, "sql" as const),
        (code, language) => assert.equal(shown(code, language), terminalText(code)),
      ),
      { numRuns: 3000 },
    );
  });
});
