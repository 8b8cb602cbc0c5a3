import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { decodeDesignLink, encodeDesignLink } from "../link";
import { field } from "./defaults";
import { DESIGN_FIXTURES } from "./fixtures";
import { lostWhenShared } from "./kept-when-shared";
import type { Design } from "./model";
import { designProblems } from "./rules";
import { MAX_FIELDS, MAX_SQL_LENGTH, MAX_TEXT } from "./validate";

const BASE = DESIGN_FIXTURES["group-read-current"]!;

describe("lostWhenShared", () => {
  it("tells the author of a comment, SQL or field list a link would not carry", () => {
    const long: Design = {
      ...BASE,
      sql: `${BASE.sql}${" ".repeat(MAX_SQL_LENGTH)}`,
      request: [
        ...BASE.request.map((f, i) =>
          i === 2 ? { ...f, comment: `Max 1000. ${"y".repeat(600)}` } : f,
        ),
        ...Array.from({ length: MAX_FIELDS }, (_, i) => field(`extra_${i}`, "int64")),
      ],
    };
    assert.deepEqual(
      designProblems(long)
        .filter((p) => p.rule === "kept-when-shared")
        .map((p) => `${p.severity} ${p.path}: ${p.message}`),
      [
        "error sql: Shared as it is, this would be lost: sql is longer than 20000 characters.",
        "error request: Shared as it is, this would be lost: Only the first 40 fields of request were kept.",
        "error request.2.comment: Shared as it is, this would be lost: request.2.comment is longer than 500 characters.",
      ],
    );
  });

  it("leaves alone what a link carries as it is, even when another rule flags it", () => {
    const named: Design = { ...BASE, request: [...BASE.request, field("Bad Name", "int64")] };
    assert.deepEqual(lostWhenShared(named), []);
    for (const [name, design] of Object.entries(DESIGN_FIXTURES))
      assert.deepEqual(lostWhenShared(design), [], name);
  });

  // Property: a comment of any length and content is flagged exactly when the share link, decoded,
  // no longer holds it.
  it("flags a comment exactly when the link round trip loses it", async () => {
    const comment = fc.oneof(
      fc.string({ unit: "binary", maxLength: MAX_TEXT + 20 }),
      fc.string({ unit: "grapheme", minLength: MAX_TEXT - 5, maxLength: MAX_TEXT + 5 }),
    );
    await fc.assert(
      fc.asyncProperty(comment, async (text) => {
        const design: Design = {
          ...BASE,
          request: BASE.request.map((f, i) => (i === 0 ? { ...f, comment: text } : f)),
        };
        const decoded = await decodeDesignLink(await encodeDesignLink(design));
        const lost = decoded.design?.request[0]?.comment !== text;
        assert.equal(lostWhenShared(design).length > 0, lost, JSON.stringify(text.length));
      }),
      { numRuns: 60, seed: 11 },
    );
  });
});
