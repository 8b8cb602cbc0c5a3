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
