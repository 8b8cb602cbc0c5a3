import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { WORKED_EXAMPLE } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { SqlSummary } from "../sql/summary";
import { generateInput } from "./context";
import { checklist, taskLine, verifySnippets, type ChecklistItem } from "./verify";

const PASS: SqlSummary = { status: "pass", reasons: [], facts: null };
const WARNING: SqlSummary = {
  status: "warning",
  reasons: ["Every row of that team_id is read."],
  facts: null,
};
const ERROR: SqlSummary = { status: "error", reasons: ["A sequential scan."], facts: null };

const stateOf = (items: ReturnType<typeof checklist>, id: string) =>
  items.find((i) => i.id === id)?.state;

describe("checklist", () => {
  it("marks the index item from the SQL lab: pass, a warning with its reason, failed, or not checked yet", () => {
    assert.equal(stateOf(checklist(generateInput(WORKED_EXAMPLE)), "index"), "unchecked");
    assert.equal(stateOf(checklist(generateInput(WORKED_EXAMPLE, PASS)), "index"), "pass");
    const warned = checklist(generateInput(WORKED_EXAMPLE, WARNING)).find((i) => i.id === "index");
    assert.deepEqual(
      [warned?.state, warned?.why],
      ["warning", "Every row of that team_id is read."],
    );
    assert.equal(stateOf(checklist(generateInput(WORKED_EXAMPLE, ERROR)), "index"), "failed");
    const none = checklist(generateInput({ ...WORKED_EXAMPLE, sql: "" })).find(
      (i) => i.id === "index",
    );
    assert.equal(none?.state, "failed");
    assert.match(none?.why ?? "", /no SQL yet/);
  });

  it("ticks only a pass: a warning is the reviewer's open question, with its reason", () => {
    const item = (state: ChecklistItem["state"]): ChecklistItem => ({
      id: "x",
      text: "Query uses an existing index",
      state,
      why: "the reason",
    });
    assert.equal(taskLine(item("pass")), "- [x] Query uses an existing index");
    assert.equal(
      taskLine(item("warning")),
      "- [ ] Reviewer: accept or refuse. Query uses an existing index, with a warning: the reason",
    );
    assert.equal(
      taskLine(item("failed")),
      "- [ ] Query uses an existing index. Failed: the reason",
    );
    assert.equal(
      taskLine(item("unchecked")),
      "- [ ] Query uses an existing index (not checked yet)",
    );
    assert.equal(taskLine(item("todo")), "- [ ] Query uses an existing index");
    assert.equal(taskLine(item("warning"), (s) => s.toUpperCase()).includes("THE REASON"), true);
  });

  it("fails the proto items when the design breaks a rule", () => {
    const items = checklist(generateInput({ ...WORKED_EXAMPLE, rpcName: "GetPerson" }));
    assert.equal(stateOf(items, "rpc"), "failed");
    assert.equal(stateOf(checklist(generateInput(WORKED_EXAMPLE)), "rpc"), "pass");
  });

  it("adds the at-least-once item for leader writes, passed only when answered", () => {
    const write = DESIGN_FIXTURES["person-write-guide"]!;
    assert.equal(stateOf(checklist(generateInput(write)), "at-least-once"), "pass");
    assert.equal(
      stateOf(
        checklist(generateInput({ ...write, leaderSafety: { kind: "unanswered" } })),
        "at-least-once",
      ),
      "failed",
    );
    assert.equal(stateOf(checklist(generateInput(WORKED_EXAMPLE)), "at-least-once"), undefined);
  });

  it("lists KNOWN_METHODS only for current code, and each era's compile-enforced stubs", () => {
    const current = checklist(generateInput(WORKED_EXAMPLE));
    assert.match(current.find((i) => i.id === "rust")?.text ?? "", /KNOWN_METHODS/);
    assert.match(current.find((i) => i.id === "stubs")?.text ?? "", /FailingStorage/);
    const guide = checklist(generateInput({ ...WORKED_EXAMPLE, target: "guide" }));
    assert.doesNotMatch(guide.find((i) => i.id === "rust")?.text ?? "", /KNOWN_METHODS/);
    assert.match(guide.find((i) => i.id === "stubs")?.text ?? "", /MockBackend/);
  });

  it("fails the Rust item when a $n takes another type than its request field", () => {
    const facts = {
      statement: { kind: "read", operation: "select", locking: false, target: null },
      tables: ["posthog_person"],
      params: [25],
    } as const;
    const design = {
      ...WORKED_EXAMPLE,
      sql: "SELECT COUNT(*) FROM posthog_person WHERE uuid = $1",
    };
    const items = checklist(generateInput(design, { status: "pass", reasons: [], facts }));
    const rust = items.find((i) => i.id === "rust");
    assert.equal(rust?.state, "failed");
    assert.match(
      rust?.why ?? "",
      /^\$1 in `uuid = \$1` takes text, but is bound to team_id \(int64\)/,
    );
    assert.equal(stateOf(items, "messages"), "pass", "the proto messages themselves are fine");
  });

  it("writes the checklist as Markdown task items and the guide's verify commands", () => {
    const [commands, list] = verifySnippets(generateInput(WORKED_EXAMPLE, PASS));
    assert.match(commands?.code ?? "", /^cargo build -p personhog-proto$/m);
    assert.match(list?.code ?? "", /^- \[x\] Query uses an existing index \(no seq scans\)$/m);
    assert.match(
      list?.code ?? "",
      /^- \[ \] cargo build and cargo test pass for all three crates$/m,
    );
  });
});
