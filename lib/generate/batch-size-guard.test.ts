/**
 * A write's batch_size, as the replica's batch deletes take it: refused outside 1..=cap in the
 * handler (the documented cap, else MAX_BATCH_DELETE_SIZE as delete_persons_batch_for_team does),
 * and the generated service test asks for a size the handler accepts.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { field } from "../design/defaults";
import type { Design } from "../design/model";
import { generateSnippets } from "./index";

const base: Design = {
  ...DESIGN_FIXTURES["person-delete-current"]!,
  rpcName: "DeleteWidgetsBatchForTeam",
  sql: "DELETE FROM posthog_person WHERE id IN (SELECT id FROM posthog_person WHERE team_id = $1 LIMIT $2)",
  response: { kind: "new", fields: [field("deleted_count", "int64")] },
};
const withSize = (size: Partial<Parameters<typeof field>[2]> & { type?: string }) => ({
  ...base,
  request: [field("team_id", "int64"), field("batch_size", size.type ?? "int64", size)],
});
const codeOf = (design: Design, id: string) =>
  generateSnippets(design).find((s) => s.id === id)?.code ?? "";

describe("a write's batch_size guard", () => {
  it("uses MAX_BATCH_DELETE_SIZE when no cap is documented, and says so", () => {
    const design = withSize({});
    const handler = codeOf(design, "rust-service-handler");
    assert.match(
      handler,
      /if req\.batch_size <= 0 \|\| req\.batch_size > MAX_BATCH_DELETE_SIZE \{/,
    );
    assert.match(
      handler,
      /format!\(\n\s+"batch_size must be between 1 and \{MAX_BATCH_DELETE_SIZE\}"/,
    );
    const notes = generateSnippets(design).find((s) => s.id === "rust-service-handler")!.notes;
    assert.ok(notes.some((n) => n.includes("MAX_BATCH_DELETE_SIZE (50,000)")));
  });

  it("writes the documented cap, and the service test stays within it", () => {
    const design = withSize({ comment: "Must be > 0 and <= 20." });
    const handler = codeOf(design, "rust-service-handler");
    assert.match(handler, /if req\.batch_size <= 0 \|\| req\.batch_size > 20 \{/);
    assert.match(handler, /"batch_size must be between 1 and 20"/);
    assert.doesNotMatch(handler, /MAX_BATCH_DELETE_SIZE/);
    assert.match(codeOf(design, "rust-service-test"), /batch_size: 20,/);
  });

  it("leaves an int32 batch_size with no cap to the storage's early return", () => {
    const design = withSize({ type: "int32" });
    assert.doesNotMatch(codeOf(design, "rust-service-handler"), /batch_size <= 0/);
    assert.match(codeOf(design, "rust-storage-postgres"), /if batch_size <= 0 \{/);
  });

  it("guards nothing on a read's limit: it is clamped", () => {
    const read = DESIGN_FIXTURES["group-read-current"]!;
    assert.doesNotMatch(codeOf(read, "rust-service-handler"), /must be between/);
  });
});
