import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PERSONHOG_TABLES } from "../catalogue/tables";
import { RULES } from "../sql/rules";
import { SCHEMA } from "../sql/schema";
import { renderGuidePage, slugify } from "./markdown";

describe("renderGuidePage", () => {
  it("reads the front matter, links every heading and lists them", () => {
    const page = renderGuidePage(
      "---\ntitle: Eligibility\nsummary: Is it personhog?\norder: 2\nstep: access\n---\n# Hi\n## Step `0`: design\n## Hi\n",
    );
    assert.equal(page.title, "Eligibility");
    assert.equal(page.summary, "Is it personhog?");
    assert.equal(page.order, 2);
    assert.equal(page.step, "access");
    assert.match(
      page.html,
      /<h2 id="step-0-design"><a href="#step-0-design" class="anchor">Step <code>0<\/code>: design<\/a><\/h2>/,
    );
    assert.deepEqual(
      page.headings.map((h) => h.id),
      ["hi", "step-0-design", "hi-1"],
    );
  });

  it("ignores a step that the wizard does not have", () => {
    assert.equal(renderGuidePage("---\nstep: nowhere\n---\nx").step, null);
  });

  it("highlights code at build time, escapes it, and adds a copy button", () => {
    const page = renderGuidePage("```proto\nmessage A { int64 b = 1; } // <x>\n```\n");
    assert.match(
      page.html,
      /<button type="button" class="copy-code" data-copy-code>Copy<\/button>/,
    );
    assert.match(page.html, /<span class="tok-keyword">message<\/span>/);
    assert.match(page.html, /&lt;x&gt;/);
  });

  it("highlights SQL blocks as SQL", () => {
    const page = renderGuidePage("```sql\n-- one row\nSELECT id FROM t\n```\n");
    assert.match(page.html, /<span class="tok-comment">-- one row<\/span>/);
    assert.match(page.html, /<span class="tok-keyword">SELECT<\/span>/);
  });

  it("expands the eligibility table from the catalogue, one row per table", () => {
    const page = renderGuidePage("<!-- generated: eligibility -->\n");
    for (const table of PERSONHOG_TABLES) assert.ok(page.html.includes(table.name), table.name);
    assert.equal((page.html.match(/<tr>/g) ?? []).length, PERSONHOG_TABLES.length + 1);
  });

  it("puts every table in a focusable box named after its section, which scrolls on a phone", () => {
    const page = renderGuidePage("## Index & more\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n");
    assert.match(
      page.html,
      /<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Index &amp; more"><table>[\s\S]*<\/table>\s*<\/div>/,
    );
  });

  it("expands the SQL rule list from the rule registry, one row per rule", () => {
    const page = renderGuidePage("<!-- generated: sql-rules -->\n");
    for (const rule of RULES) {
      assert.ok(
        page.html.includes(`<code>${rule.id}</code></td>\n<td>${rule.severity}</td>`),
        rule.id,
      );
    }
    assert.equal((page.html.match(/<tr>/g) ?? []).length, RULES.length + 1);
  });

  it("refuses an unknown directive instead of printing nothing", () => {
    assert.throws(
      () => renderGuidePage("<!-- generated: nope -->"),
      /Unknown generated block "nope"/,
    );
  });

  it("expands a directive's arguments, and refuses what it cannot read", () => {
    const page = renderGuidePage(
      "<!-- generated: snippet design=worked-example target=guide id=rust-storage-trait -->",
    );
    assert.match(
      page.html,
      /In <code>rust\/personhog-replica\/src\/storage\/traits\/person\.rs<\/code>/,
    );
    assert.match(page.html, /<span class="tok-keyword">async<\/span>/);
    assert.doesNotMatch(
      renderGuidePage(
        "<!-- generated: snippet design=worked-example target=guide id=rust-storage-trait caption=none -->",
      ).html,
      /<p>In /,
    );
    assert.match(
      renderGuidePage("<!-- generated: design-sql design=worked-example -->").html,
      /<span class="tok-keyword">SELECT<\/span>/,
    );
    for (const [directive, message] of [
      [
        "<!-- generated: snippet design=worked-example target=guide id=nope -->",
        /no snippet "nope"/,
      ],
      [
        "<!-- generated: snippet design=nope target=guide id=proto-messages -->",
        /unknown design "nope"/,
      ],
      [
        "<!-- generated: snippet design=worked-example target=later id=proto-messages -->",
        /target must be/,
      ],
      ["<!-- generated: routing design=worked-example -->", /takes no arguments/],
      ["<!-- generated: design-sql design=worked-example id=x -->", /unknown argument "id"/],
      ["<!-- generated: routing id=a id=b -->", /given twice/],
      ["<!-- generated: snippet design=Worked-Example -->", /Unreadable directive/],
    ] as const)
      assert.throws(() => renderGuidePage(directive), message, directive);
  });

  it("expands a list of names inside a sentence", () => {
    const page = renderGuidePage("Only <!-- generated: strong-read-leader --> goes there.");
    assert.match(page.html, /<p>Only <code>GetPerson<\/code> goes there\.<\/p>/);
  });

  it("slugs headings for deep links", () => {
    assert.equal(
      slugify("Step 3c: router wiring (current code)"),
      "step-3c-router-wiring-current-code",
    );
  });
});

describe("the database indexes reference", () => {
  it("lists every index of every table in the lab's schema", () => {
    const page = renderGuidePage("<!-- generated: indexes -->");
    for (const table of SCHEMA) {
      assert.ok(
        page.headings.some((h) => h.text === table.name),
        table.name,
      );
      for (const index of table.indexes) assert.ok(page.html.includes(index.name), index.name);
    }
    assert.match(page.html, /merged_into_id IS NOT NULL/);
  });
});
