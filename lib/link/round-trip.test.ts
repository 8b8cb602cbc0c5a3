import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { WORKED_EXAMPLE, field } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { MAX_FIELDS, MAX_SQL_LENGTH, MAX_TEXT, validateDesign } from "../design/validate";
import { linkPayload } from "./encode";
import { decodeDesignLink, encodeDesignLink, LINK_VERSION, MAX_DECOMPRESSED_BYTES } from ".";

const designs: [string, Design][] = [
  ["worked example", WORKED_EXAMPLE],
  ...Object.entries(DESIGN_FIXTURES),
];

describe("link round trip", () => {
  for (const [name, design] of designs) {
    it(`carries ${name} whole, with no warnings`, async () => {
      const link = await encodeDesignLink(design);
      assert.match(link, /^#v=4&z=[A-Za-z0-9_-]+$/);
      const decoded = await decodeDesignLink(link);
      assert.deepEqual(decoded, { design, warnings: [], omitted: [], version: LINK_VERSION });
    });
  }

  it("reads a whole URL, a bare fragment and one with surrounding spaces alike", async () => {
    const link = await encodeDesignLink(WORKED_EXAMPLE);
    for (const input of [
      `http://localhost:3000/wizard?step=proto${link}`,
      link.slice(1),
      ` ${link}\n`,
    ])
      assert.deepEqual((await decodeDesignLink(input)).design, WORKED_EXAMPLE);
  });

  it("reports the parts left out on purpose and keeps the rest identical", async () => {
    const design = DESIGN_FIXTURES["person-write-guide"]!;
    const noSql = await decodeDesignLink(await encodeDesignLink(design, { omit: ["sql"] }));
    assert.deepEqual(noSql.omitted, ["sql"]);
    assert.deepEqual(noSql.design, { ...design, sql: "" });
    assert.deepEqual(noSql.warnings, [
      "The author left the SQL out of this link; the design has no SQL.",
    ]);

    const both = await decodeDesignLink(
      await encodeDesignLink(design, { omit: ["comments", "sql"] }),
    );
    assert.deepEqual(both.omitted, ["sql", "comments"]);
    const uncommented = design.request.map((f) => ({ ...f, comment: "" }));
    assert.deepEqual(both.design, { ...design, sql: "", request: uncommented });
    assert.equal(both.warnings.length, 2);
  });

  it("leaves comments out of a new response's fields too", async () => {
    const design: Design = {
      ...WORKED_EXAMPLE,
      response: { kind: "new", fields: [field("count", "int64", { comment: "Rows." })] },
    };
    const decoded = await decodeDesignLink(await encodeDesignLink(design, { omit: ["comments"] }));
    assert.deepEqual(decoded.design, WORKED_EXAMPLE);
    assert.deepEqual(decoded.omitted, ["comments"]);
  });

  it("carries any RPC name and SQL text, unicode included", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", maxLength: 120 }),
        fc.string({ unit: "grapheme", maxLength: 500 }),
        async (rpcName, sql) => {
          const design = { ...WORKED_EXAMPLE, rpcName, sql };
          const decoded = await decodeDesignLink(await encodeDesignLink(design));
          assert.deepEqual(decoded.warnings, []);
          assert.deepEqual(decoded.design, design);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("carries lone surrogates and control characters unchanged", async () => {
    const design = { ...WORKED_EXAMPLE, rpcName: "A\ud800B\u0000\u2028", sql: "\udc00\n\t" };
    assert.deepEqual((await decodeDesignLink(await encodeDesignLink(design))).design, design);
  });

  it("bounds decompression above the largest design validate.ts keeps", async () => {
    // Every text at its limit, written as 6-byte JSON escapes: the worst case for the bound.
    const worst = (n: number) => "\u0001".repeat(n);
    const fat = {
      name: worst(64),
      type: worst(64),
      optional: false,
      repeated: false,
      comment: worst(MAX_TEXT),
    };
    const design: Design = {
      ...WORKED_EXAMPLE,
      rpcName: worst(120),
      tables: Array.from({ length: 20 }, (_, i) => `t${i}`.padEnd(63, "x")),
      sql: worst(MAX_SQL_LENGTH),
      request: Array.from({ length: MAX_FIELDS }, () => fat),
      response: { kind: "new", fields: Array.from({ length: MAX_FIELDS }, () => fat) },
      leaderSafety: { kind: "idempotency-key", field: worst(64) },
    };
    assert.deepEqual(validateDesign(design).design, design, "validate.ts keeps every value");
    const bytes = new TextEncoder().encode(linkPayload(design)).length;
    assert.ok(bytes > 400_000 && bytes < MAX_DECOMPRESSED_BYTES, `${bytes} bytes`);
    const decoded = await decodeDesignLink(await encodeDesignLink(design));
    assert.deepEqual(decoded.design, design);
    assert.ok(decoded.warnings.every((w) => !/expands past/.test(w)));
  });
});
