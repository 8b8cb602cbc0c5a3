import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { marked, type Token, type Tokens } from "marked";
import { WORKED_EXAMPLE } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { assertGolden } from "../generate/golden";
import { checkSql } from "../sql/session";
import { sharedLabDatabase } from "../sql/test-lab";
import { prDescription } from "./pr-description";
import { buildReview } from "./review";

const getLab = sharedLabDatabase();
const LINKS = {
  review: "http://localhost:3000/review#v=3&z=abc",
  workbench: "http://localhost:3000/wizard#v=3&z=abc",
};

async function describeDesign(design: Design): Promise<string> {
  const check = design.sql.trim() ? await checkSql(getLab().db, getLab().ctx, design.sql) : null;
  return prDescription(buildReview(design, check), LINKS);
}

function walk(tokens: readonly Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    const nested = (t as { tokens?: Token[]; items?: Token[] }).tokens ?? [];
    walk(nested, visit);
    for (const item of (t as { items?: Token[] }).items ?? []) walk([item], visit);
  }
}

describe("the PR description", () => {
  it("matches the golden file for the worked example on the guide's layout, checked by the real lab", async () => {
    assertGolden(
      "review/pr-worked-example.md",
      await describeDesign(DESIGN_FIXTURES["worked-example-guide"]!),
    );
  });

  it("matches the golden file for a flagged group read on current code", async () => {
    assertGolden(
      "review/pr-group-read-current.md",
      await describeDesign(DESIGN_FIXTURES["group-read-current"]!),
    );
  });

  it("keeps hostile names and SQL inside their code, with no HTML and only our links", async () => {
    const hostile: Design = {
      ...WORKED_EXAMPLE,
      rpcName: "Get`Evil`<script>alert(1)</script>](http://evil.example)",
      sql: "SELECT 1\n```\n# Injected heading\n<img src=x onerror=alert(1)>\n```",
    };
    const markdown = await describeDesign(hostile);
    const tokens = marked.lexer(markdown);
    const headings = tokens
      .filter((t) => t.type === "heading")
      .map((t) => (t as Tokens.Heading).text);
    assert.deepEqual(headings.slice(1), [
      "SQL",
      "Eligibility and routing",
      "Files touched",
      "Checklist",
    ]);
    const code = tokens.filter((t): t is Tokens.Code => t.type === "code");
    assert.equal(code.length, 1);
    assert.equal(code[0]?.text, hostile.sql);
    const links: string[] = [];
    walk(tokens, (t) => {
      assert.notEqual(t.type, "html", `an HTML token leaked: ${t.raw}`);
      if (t.type === "link") links.push((t as Tokens.Link).href);
    });
    assert.deepEqual(links, [LINKS.review, LINKS.workbench]);
    assert.match(markdown, /No code yet: .*PascalCase/);
  });

  it("asks the reviewer about a warning instead of ticking it", async () => {
    const markdown = await describeDesign(DESIGN_FIXTURES["group-read-current"]!);
    assert.match(markdown, /the query \*\*needs a reviewer's OK\*\*/);
    assert.match(
      markdown,
      /^- \[ \] Reviewer: accept or refuse\. Query uses an existing index \(no seq scans\), with a warning: posthog_group is looked up/m,
    );
    assert.doesNotMatch(markdown, /^- \[x\] Query uses an existing index/m);
    assert.match(markdown, /^Steps: Eligibility passes · Access pattern needs a reviewer's OK · /m);
  });

  it("shows where the design and its SQL disagree under eligibility", async () => {
    const markdown = await describeDesign({
      ...WORKED_EXAMPLE,
      sql: "SELECT COUNT(*) FROM posthog_persondistinctid WHERE team_id = $1",
    });
    assert.match(
      markdown,
      /^- \*\*error\*\*: The SQL touches posthog_persondistinctid, which the design does not name/m,
    );
    assert.match(
      markdown,
      /^- \*\*error\*\*: The design names posthog_person, but the SQL never touches it/m,
    );
    assert.match(markdown, /^Steps: Eligibility failed · /m);
  });

  it("says plainly when the SQL is missing, unchecked or does not plan", async () => {
    const empty = prDescription(buildReview({ ...WORKED_EXAMPLE, sql: "" }, null), LINKS);
    assert.match(empty, /No SQL in this design yet/);
    const unchecked = prDescription(buildReview(WORKED_EXAMPLE, null), LINKS);
    assert.match(unchecked, /Not checked in the SQL lab yet/);
    assert.match(
      unchecked,
      /- \[ \] Query uses an existing index \(no seq scans\) \(not checked yet\)/,
    );
    const broken = await describeDesign({ ...WORKED_EXAMPLE, sql: "SELEC 1" });
    assert.match(broken, /could not plan it: syntax error/);
  });
});
