import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { codeBlockers } from "./blockers";
import { WORKED_EXAMPLE } from "./defaults";
import { DESIGN_FIXTURES } from "./fixtures";

describe("codeBlockers", () => {
  it("lets every fixture through", () => {
    for (const design of Object.values(DESIGN_FIXTURES)) assert.deepEqual(codeBlockers(design), []);
  });
  it("stops a table outside personhog with the reason", () => {
    assert.match(
      codeBlockers({ ...WORKED_EXAMPLE, tables: ["posthog_team"] })[0] ?? "",
      /posthog_team is not personhog data/,
    );
  });
  it("stops a leader write until the at-least-once question is answered, and refuses 'neither'", () => {
    const write = {
      ...DESIGN_FIXTURES["person-write-guide"]!,
      leaderSafety: { kind: "unanswered" as const },
    };
    assert.match(codeBlockers(write)[0] ?? "", /answer the at-least-once question/);
    assert.match(
      codeBlockers({ ...write, leaderSafety: { kind: "neither" } })[0] ?? "",
      /must not be added/,
    );
  });
});
