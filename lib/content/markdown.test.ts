import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PERSONHOG_TABLES } from "../catalogue/tables";
import { renderGuidePage } from "./markdown";

describe("renderGuidePage", () => {
  it("reads the front matter and renders the body", () => {
    const page = renderGuidePage("---\ntitle: Eligibility\nsummary: Is it personhog?\n---\n# Hi\n");
    assert.equal(page.title, "Eligibility");
    assert.equal(page.summary, "Is it personhog?");
    assert.match(page.html, /<h1[^>]*>Hi<\/h1>/);
  });

  it("expands the eligibility table from the catalogue, one row per table", () => {
    const page = renderGuidePage("<!-- generated: eligibility -->\n");
    for (const table of PERSONHOG_TABLES) assert.ok(page.html.includes(table.name), table.name);
    assert.equal((page.html.match(/<tr>/g) ?? []).length, PERSONHOG_TABLES.length + 1);
  });

  it("refuses an unknown directive instead of printing nothing", () => {
    assert.throws(
      () => renderGuidePage("<!-- generated: nope -->"),
      /Unknown generated table "nope"/,
    );
  });
});

describe("the database indexes reference", () => {
  it("lists every index of every table in the lab's schema", async () => {
    const { SCHEMA } = await import("../sql/schema");
    const page = renderGuidePage("<!-- generated: indexes -->");
    for (const table of SCHEMA) {
      assert.match(page.html, new RegExp(`<h3[^>]*>${table.name}</h3>`));
      for (const index of table.indexes) assert.ok(page.html.includes(index.name), index.name);
    }
    assert.match(page.html, /merged_into_id IS NOT NULL/);
  });
});
