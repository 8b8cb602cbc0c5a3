import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { field } from "./defaults";
import { capValue, documentedCap } from "./documented-cap";

const batch = (comment: string) => field("person_ids", "int64", { repeated: true, comment });
const limit = (type: string, comment: string) => field("limit", type, { comment });
const escape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;

describe("documentedCap", () => {
  it("reads the cap PostHog's comments write, with digit separators", () => {
    assert.equal(capValue(batch("Max 1000 per request.")), 1000n);
    assert.equal(capValue(batch("maximum 250")), 250n);
    assert.equal(capValue(batch("Up to max 1,000 ids")), 1000n);
    assert.equal(capValue(batch("Max 1_000.")), 1000n);
    assert.equal(capValue(limit("int32", "Max 500, clamped.")), 500n);
  });

  it("reads the upper bound a batch_size comment writes as a comparison", () => {
    const size = (comment: string) => field("batch_size", "int64", { comment });
    assert.equal(capValue(size("Max rows to delete per call. Must be > 0 and <= 50000.")), 50000n);
    assert.equal(capValue(size("<=10_000")), 10000n);
    assert.equal(capValue(size("between 1 and <= 500, or max 20")), 500n);
    assert.deepEqual(documentedCap(size("count <= limit")), { kind: "none" });
  });

  it("finds nothing where no number follows a max word", () => {
    for (const comment of ["", "Epoch milliseconds.", "maxes out at 5", "Max. 5", "climax 5"])
      assert.deepEqual(documentedCap(batch(comment)), { kind: "none" }, comment);
  });

  it("enforces only batch sizes and singular integers", () => {
    assert.deepEqual(documentedCap(field("name", "string", { comment: "Max 10" })), {
      kind: "none",
    });
    assert.deepEqual(documentedCap(field("n", "int64", { optional: true, comment: "Max 10" })), {
      kind: "none",
    });
  });

  it("bounds a singular integer by its type, printed whole", () => {
    assert.equal(capValue(limit("int32", "Max 2147483647")), 2147483647n);
    assert.equal(capValue(limit("int64", "Max 9223372036854775807")), 9223372036854775807n);
    const big = documentedCap(limit("int32", "Max 99999999999"));
    assert.equal(big.kind, "ignored");
    assert.match(big.kind === "ignored" ? big.note : "", /Max 99999999999 .* does not fit int32/);
    assert.equal(documentedCap(limit("int64", "Max 9223372036854775808")).kind, "ignored");
  });

  it("bounds a batch by a sane size, and says so", () => {
    assert.equal(capValue(batch("Max 100000")), 100000n);
    const huge = documentedCap(batch("Max 99999999999999999999999 per request"));
    assert.equal(huge.kind, "ignored");
    assert.match(
      huge.kind === "ignored" ? huge.note : "",
      /^Max 99999999999999999999999 in person_ids's comment is above 100,000/,
    );
    const endless = documentedCap(batch(`Max ${"9".repeat(400)}`));
    assert.match(endless.kind === "ignored" ? endless.note : "", /a 400-digit number/);
  });

  it("reads the number a reader sees, whatever invisible characters it holds", () => {
    // Zero-width space, word joiner, soft hyphen, a right-to-left override, zero-width joiner.
    for (const hidden of ["\u200b", "\u2060", "\u00ad", "\u202e", "\u200d"]) {
      assert.equal(capValue(batch(`Max 1${hidden}000 per request.`)), 1000n, escape(hidden));
      assert.equal(capValue(batch(`Max${hidden} 250`)), 250n, escape(hidden));
      assert.equal(capValue(batch(`${hidden}<= 50${hidden}000`)), 50000n, escape(hidden));
    }
  });

  it("ignores zero and numbers that are not whole, with a note", () => {
    for (const comment of ["Max 0", "Max 1e9", "Max 2.5 per request", "Max 10k"]) {
      const cap = documentedCap(batch(comment));
      assert.equal(cap.kind, "ignored", comment);
      assert.match(cap.kind === "ignored" ? cap.note : "", /no batch size check/);
    }
  });
});
