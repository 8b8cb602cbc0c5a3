/**
 * Property: whatever a design holds, the PR description keeps its shape. Random designs with
 * hostile text in every text field (and hostile SQL lab answers naming it) go through the real
 * review and `marked`'s GitHub-flavoured lexer; a marker planted in every hostile string may only
 * show up as text or code, and the headings, task items and links are exactly the template's.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { marked, type Token } from "marked";
import type { Design, FieldDesign } from "../design/model";
import { linkTarget } from "../export/markdown-text";
import type { CheckResult } from "../sql/session";
import { CHECK_STATUSES } from "../sql/verdict";
import { prDescription } from "./pr-description";
import { buildReview } from "./review";

const MARK = "QZX";

/** Pieces of Markdown, HTML, links, control and bidi characters an attacker would try. */
const PIECES = [
  "\n",
  "\n\n",
  "\r\n",
  "\r",
  " ",
  "- [x] ",
  "* [ ] ",
  "1. ",
  "# ",
  "## ",
  "> ",
  "| a | b |\n|---|---|\n",
  "```",
  "~~~",
  "`",
  "**",
  "_",
  "~~",
  "[",
  "]",
  "(",
  ")",
  "[a](https://evil.example/x)",
  "![i](https://evil.example/i.png)",
  "[1]: https://evil.example/p",
  "[^1]",
  "<https://evil.example>",
  "https://evil.example/p",
  "www.evil.example",
  "a@evil.example",
  "@security-team",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<!--",
  "-->",
  "&lt;",
  "&#x5b;",
  "\\",
  "$x$",
  "$$",
  "---",
  "===",
  "\u001b[2K",
  "\u0000",
  "\u007f",
  "\u0085",
  "\u202e",
  "\u2066",
  "\u200b",
  "\u2028",
  "\ufeff",
  '"',
  "'",
  "*/",
  "}",
];

/** A hostile string that always carries the marker. */
const hostile = (maxPieces = 8) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...PIECES), { maxLength: maxPieces }),
      fc.array(fc.constantFrom(...PIECES), { maxLength: maxPieces }),
    )
    .map(([before, after]) => [...before, MARK, ...after].join(""));

/** Names are sometimes valid, so code (and the files section) is generated around hostile text. */
const name = (valid: string) => fc.oneof(fc.constant(valid), hostile(4));

const field = (valid: string): fc.Arbitrary<FieldDesign> =>
  fc.record({
    name: name(valid),
    type: fc.oneof(fc.constant("int64"), fc.constant("string"), hostile(3)),
    optional: fc.boolean(),
    repeated: fc.boolean(),
    comment: hostile(),
  });

const design: fc.Arbitrary<Design> = fc.record({
  target: fc.constantFrom("guide", "current"),
  rpcName: name("GetThingCount"),
  domain: fc.constantFrom("person", "group"),
  tables: fc.array(fc.oneof(fc.constant("posthog_person"), hostile(3)), { maxLength: 3 }),
  categoryOverride: fc.constant(null),
  operation: fc.constantFrom("read", "write"),
  consistency: fc.constantFrom("eventual", "strong"),
  batch: fc.constantFrom("single", "batch-in-team"),
  personWriteBackend: fc.constantFrom("replica", "leader"),
  sql: hostile(12),
  request: fc.array(field("team_id"), { minLength: 1, maxLength: 3 }),
  readOptions: fc.boolean(),
  response: fc.oneof(
    fc.record({ kind: fc.constant("new"), fields: fc.array(field("count"), { maxLength: 2 }) }),
    fc.record({ kind: fc.constant("shared"), name: hostile(3) }),
  ),
  leaderSafety: fc.oneof(
    fc.record({ kind: fc.constant("idempotency-key"), field: hostile(4) }),
    fc.constant({ kind: "unanswered" }),
  ),
  nodeLayout: fc.constantFrom("ingestion-client", "common-operations"),
}) as fc.Arbitrary<Design>;

/** What the SQL lab could answer, with the hostile text in every part it echoes back. */
const check: fc.Arbitrary<CheckResult | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    ok: fc.constant(false),
    error: fc.record({ message: hostile() }),
    ms: fc.constant(1),
  }),
  fc
    .record({
      status: fc.constantFrom(...CHECK_STATUSES),
      table: hostile(3),
      index: hostile(3),
      message: hostile(),
      advice: hostile(),
      kind: hostile(3),
    })
    .map(
      (c) =>
        ({
          ok: true,
          status: c.status,
          plan: [],
          params: [25, 20],
          ms: 1,
          statement: { kind: c.kind, operation: "select", locking: false },
          tables: [{ name: c.table, category: null }],
          verdicts: [
            {
              severity: "error",
              rule: "seq-scan",
              table: c.table,
              index: c.index,
              matched: [],
              filtered: [],
              message: c.message,
              advice: c.advice,
              nodeIds: [],
              fixes: [],
            },
          ],
        }) as unknown as CheckResult,
    ),
);

/** Link fragments with hostile characters but no marker (a real fragment is base64url). */
const fragment = fc
  .array(fc.constantFrom(...PIECES.filter((p) => !p.includes(MARK))), { maxLength: 6 })
  .map((pieces) => `#v=3&z=${pieces.join("")}`);

/** Containers the marker may sit in; a heading only around the title's code span. */
const CONTAINERS = new Set(["paragraph", "list", "list_item", "text", "heading"]);
const LEAVES = new Set(["text", "codespan", "code", "escape"]);

interface Found {
  headings: number;
  links: string[];
  tasks: number;
  ticked: number;
  html: number;
}

const textOf = (t: Token) => `${(t as { raw?: string }).raw ?? ""}${"text" in t ? t.text : ""}`;

function walk(tokens: readonly Token[], parents: readonly Token[], found: Found): void {
  for (const t of tokens) {
    if (t.type === "heading") found.headings++;
    if (t.type === "html") found.html++;
    if (t.type === "link") found.links.push((t as { href: string }).href);
    if (t.type === "list_item" && (t as { task?: boolean }).task) {
      found.tasks++;
      if ((t as { checked?: boolean }).checked) found.ticked++;
    }
    const children = [
      ...((t as { tokens?: Token[] }).tokens ?? []),
      ...((t as { items?: Token[] }).items ?? []),
    ];
    if (children.length > 0) walk(children, [...parents, t], found);
    else if (textOf(t).includes(MARK)) {
      const path = [...parents, t].map((p) => p.type).join(" > ");
      assert.ok(LEAVES.has(t.type), `the marker in a ${t.type}: ${path}`);
      assert.ok(
        parents.every((p) => CONTAINERS.has(p.type)),
        `the marker under ${path}: ${textOf(t)}`,
      );
      if (parents.some((p) => p.type === "heading"))
        assert.equal(t.type, "codespan", `the marker in a heading outside code: ${path}`);
    }
  }
}

describe("the PR description of a hostile design", () => {
  it("keeps every hostile text inside text or code, and the template's shape", () => {
    fc.assert(
      fc.property(design, check, fragment, (d, c, frag) => {
        const review = buildReview(d, c);
        const links = {
          review: `http://localhost:3000/review${frag}`,
          workbench: `http://localhost:3000/wizard${frag}`,
        };
        const tokens = marked.lexer(prDescription(review, links));
        const found: Found = { headings: 0, links: [], tasks: 0, ticked: 0, html: 0 };
        walk(tokens, [], found);
        assert.equal(found.headings, 5, "headings");
        assert.equal(found.html, 0, "HTML tokens");
        assert.deepEqual(found.links, [linkTarget(links.review), linkTarget(links.workbench)]);
        assert.equal(found.tasks, review.checklist.length, "task items");
        const done = review.checklist.filter((item) => item.state === "pass").length;
        assert.equal(found.ticked, done, "ticked task items");
        assert.deepEqual(Object.keys(tokens.links), [], "reference definitions");
      }),
      { numRuns: 300 },
    );
  });
});
