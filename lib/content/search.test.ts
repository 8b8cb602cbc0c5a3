import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { renderGuidePage } from "./markdown";
import { search, searchEntry } from "./search";

const index = [
  searchEntry(
    "access-pattern",
    renderGuidePage(
      "---\ntitle: Design the access pattern\n---\n## Never a seq scan\nEvery query must be an index lookup, never a sequential scan. A seq scan reads the table.\n",
    ),
  ),
  searchEntry(
    "proto",
    renderGuidePage(
      "---\ntitle: Proto messages\n---\n## Where messages go\nMessages live in types/v1. A scan of the file helps.\n",
    ),
  ),
];

describe("search", () => {
  it("ranks the page that talks about the phrase first and links its heading", () => {
    const [first] = search(index, "seq scan");
    assert.equal(first?.slug, "access-pattern");
    assert.equal(first?.anchor, "never-a-seq-scan");
    assert.match(first?.excerpt ?? "", /seq scan/);
  });

  it("finds names with underscores", () => {
    const entries = [
      searchEntry(
        "rust",
        renderGuidePage("---\ntitle: Rust\n---\nAdd it to `KNOWN_METHODS` in byte order.\n"),
      ),
    ];
    assert.equal(search(entries, "KNOWN_METHODS")[0]?.slug, "rust");
  });

  it("requires every term", () => {
    assert.deepEqual(
      search(index, "proto sequential").map((r) => r.slug),
      [],
    );
  });

  it("returns nothing for an empty query and never throws", () => {
    assert.deepEqual(search(index, "  "), []);
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (q) => void search(index, q)),
      { numRuns: 1000 },
    );
  });
});
