import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { WORKED_EXAMPLE } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { generateInput } from "./context";
import { checklist, verifySnippets } from "./verify";

const stateOf = (items: ReturnType<typeof checklist>, id: string) =>
  items.find((i) => i.id === id)?.state;

describe("checklist", () => {
  it("ticks the index item only from a passing SQL verdict", () => {
    assert.equal(stateOf(checklist(generateInput(WORKED_EXAMPLE)), "index"), "todo");
    assert.equal(stateOf(checklist(generateInput(WORKED_EXAMPLE, "pass")), "index"), "done");
    assert.equal(stateOf(checklist(generateInput(WORKED_EXAMPLE, "error")), "index"), "blocked");
  });

  it("blocks the proto items when the design breaks a rule", () => {
    const items = checklist(generateInput({ ...WORKED_EXAMPLE, rpcName: "GetPerson" }));
    assert.equal(stateOf(items, "rpc"), "blocked");
    assert.equal(stateOf(checklist(generateInput(WORKED_EXAMPLE)), "rpc"), "done");
  });

  it("adds the at-least-once item for leader writes, done only when answered", () => {
    const write = DESIGN_FIXTURES["person-write-guide"]!;
    assert.equal(stateOf(checklist(generateInput(write)), "at-least-once"), "done");
    assert.equal(
      stateOf(
        checklist(generateInput({ ...write, leaderSafety: { kind: "unanswered" } })),
        "at-least-once",
      ),
      "blocked",
    );
    assert.equal(stateOf(checklist(generateInput(WORKED_EXAMPLE)), "at-least-once"), undefined);
  });

  it("lists KNOWN_METHODS and the compile-enforced stubs only for current code", () => {
    const current = checklist(generateInput({ ...WORKED_EXAMPLE, target: "current" }));
    assert.match(current.find((i) => i.id === "rust")?.text ?? "", /KNOWN_METHODS/);
    assert.ok(current.some((i) => i.id === "stubs"));
    assert.ok(!checklist(generateInput(WORKED_EXAMPLE)).some((i) => i.id === "stubs"));
  });

  it("writes the checklist as Markdown task items and the guide's verify commands", () => {
    const [commands, list] = verifySnippets(generateInput(WORKED_EXAMPLE, "pass"));
    assert.match(commands?.code ?? "", /^cargo build -p personhog-proto$/m);
    assert.match(list?.code ?? "", /^- \[x\] Query uses an existing index \(no seq scans\)$/m);
    assert.match(
      list?.code ?? "",
      /^- \[ \] cargo build and cargo test pass for all three crates$/m,
    );
  });
});
