/**
 * Old links keep the target they meant: v1 and v2 links are read over the worked example as it was
 * then (the guide's layout, migrations.test.ts), and a v3 link carries its target itself. Its
 * target is written first, so a cut link keeps it whenever it keeps anything; a v3 payload without
 * one is hand-made, and gets what any design without a target gets (today's code), with a warning.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { decodeDesignLink, encodeDesignLink } from ".";
import { PAYLOAD_ORDER } from "./design-keys";
import { dataOf, withData, zLink } from "./test-links";

const DESIGNS: readonly Design[] = [
  DESIGN_FIXTURES["worked-example-guide"]!,
  DESIGN_FIXTURES["person-write-guide"]!,
  DESIGN_FIXTURES["worked-example-current"]!,
];

describe("a link's target", () => {
  it("is the first field a link writes", () => {
    assert.equal(PAYLOAD_ORDER[0], "target");
  });

  it("survives a cut anywhere in a v3 link, or nothing loads", async () => {
    for (const design of DESIGNS)
      for (const omit of [[], ["sql"]] as const) {
        const link = await encodeDesignLink(design, { omit });
        const data = dataOf(link);
        for (let end = 0; end < data.length; end++) {
          const decoded = await decodeDesignLink(withData(link, data.slice(0, end)));
          if (decoded.design)
            assert.equal(decoded.design.target, design.target, `${design.rpcName} cut at ${end}`);
        }
      }
  });

  it("of a hand-made v3 payload without one is today's code, and the warning says to check it", async () => {
    const untargeted: Record<string, unknown> = { ...DESIGN_FIXTURES["worked-example-guide"]! };
    delete untargeted.target;
    const decoded = await decodeDesignLink(await zLink(JSON.stringify(untargeted)));
    assert.equal(decoded.design?.target, "current");
    assert.deepEqual(
      decoded.warnings.filter((w) => w.includes("Code layout")),
      [
        `"Code layout" was missing from the link; a new RPC's value is used: check it at the top of the workbench.`,
      ],
    );
  });

  it("of a v2 link is the guide's, as the worked example was then", async () => {
    const decoded = await decodeDesignLink("#v=2&d=e30");
    assert.equal(decoded.design?.target, "guide");
  });
});
