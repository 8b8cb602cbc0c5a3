import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { renderGuidePage } from "./markdown";
import { excerptAround, matchRanges, search, searchEntries } from "./search";

const index = [
  ...searchEntries(
    "access-pattern",
    renderGuidePage(
      "---\ntitle: Design the access pattern\n---\nStart here.\n\n## Never a seq scan\nEvery query must be an index lookup, never a sequential scan. A seq scan reads the table.\n\n## Batches\nOne query per batch.\n",
    ),
  ),
  ...searchEntries(
    "proto",
    renderGuidePage(
      "---\ntitle: Proto messages\n---\n## Where messages go\nMessages live in types/v1. A scan of the file helps.\n",
    ),
  ),
];

/** The real guide, as the build indexes it. */
const DIR = path.join(import.meta.dirname, "..", "..", "content", "guide");
const GUIDE = readdirSync(DIR)
  .filter((f) => f.endsWith(".md"))
  .flatMap((f) =>
    searchEntries(f.replace(/\.md$/, ""), renderGuidePage(readFileSync(path.join(DIR, f), "utf8"))),
  );

describe("search", () => {
  it("indexes each section and opens the one that matches", () => {
    const [first] = search(index, "seq scan");
    assert.equal(first?.slug, "access-pattern");
    assert.equal(first?.anchor, "never-a-seq-scan");
    assert.equal(first?.heading, "Never a seq scan");
    assert.match(first?.excerpt ?? "", /seq scan/);
    assert.deepEqual(
      search(index, "batch").map((r) => r.anchor),
      ["batches"],
    );
    assert.deepEqual(
      search(index, "start here").map((r) => [r.anchor, r.heading]),
      [[null, null]],
    );
  });

  it("finds names with underscores", () => {
    const entries = searchEntries(
      "rust",
      renderGuidePage("---\ntitle: Rust\n---\nAdd it to `KNOWN_METHODS` in byte order.\n"),
    );
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

describe("search over the real guide", () => {
  it("finds the email index the database-indexes page discusses", () => {
    const [first] = search(GUIDE, "email");
    assert.equal(first?.slug, "database-indexes");
    assert.match(first?.excerpt ?? "", /email/);
  });

  it("indexes the generated tables: an index named only there opens its table's section", () => {
    const hits = search(GUIDE, "posthog_persondistinctid_person_lookup_idx");
    assert.ok(hits.every((h) => h.slug === "database-indexes"));
    assert.ok(hits.some((h) => h.anchor === "posthog-persondistinctid"));
  });

  it("keeps code whole in excerpts", () => {
    const hit = search(GUIDE, "SELECT COUNT(*)").find((r) => r.anchor === "the-sql");
    assert.ok(hit, "the worked example's SQL section is found");
    assert.match(hit.excerpt, /^SELECT COUNT\(\*\) FROM posthog_person WHERE team_id = \$1/);
  });

  it("gives every section of every page an anchor that exists on the page", () => {
    for (const entry of GUIDE.filter((e) => e.anchor !== null)) {
      const page = renderGuidePage(readFileSync(path.join(DIR, `${entry.slug}.md`), "utf8"));
      assert.ok(page.html.includes(`id="${entry.anchor}"`), `${entry.slug}#${entry.anchor}`);
    }
  });
});

describe("excerptAround", () => {
  it("starts and ends on word boundaries, marked with an ellipsis where text was cut", () => {
    const text = `${"alpha ".repeat(20)}posthog_person is the table ${"omega ".repeat(30)}end`;
    const excerpt = excerptAround(text, "table");
    assert.match(excerpt, /^…alpha /);
    assert.match(excerpt, / omega…$/);
    assert.ok(excerpt.includes("posthog_person is the table"));
  });

  it("never cuts a word, whatever the text and the term", () => {
    const word = fc.stringMatching(/^[a-z_()*]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 80 }), fc.nat(), (words, pick) => {
        const text = words.join(" ");
        const needle = words[pick % words.length]!;
        const shown = excerptAround(text, needle).replace(/^…|…$/g, "");
        const shownWords = shown.split(" ");
        // The shown words are a run of whole words of the text.
        const run = (i: number) => shownWords.every((w, k) => words[i + k] === w);
        assert.ok(
          words.some((_, i) => run(i)),
          shown,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("matchRanges", () => {
  it("finds every term, case-insensitive, merging overlaps", () => {
    assert.deepEqual(matchRanges("Email and EMAIL, emails", ["email"]), [
      [0, 5],
      [10, 15],
      [17, 22],
    ]);
    assert.deepEqual(matchRanges("seq scan", ["seq", "seq scan"]), [[0, 8]]);
    assert.deepEqual(matchRanges("abc", []), []);
  });
});
