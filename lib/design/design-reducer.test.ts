import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_DESIGN, WORKED_EXAMPLE, field } from "./defaults";
import {
  INITIAL_DESIGN_STATE,
  designReducer,
  lastDesignFrom,
  openingAction,
  originLabel,
  type DesignAction,
  type DesignState,
} from "./design-reducer";
import { DESIGN_FIXTURES } from "./fixtures";
import type { Design } from "./model";

const GROUP_READ = DESIGN_FIXTURES["group-read-current"]!;

function run(...actions: DesignAction[]): DesignState {
  return actions.reduce(designReducer, INITIAL_DESIGN_STATE);
}

const openedFromLink: DesignAction = {
  type: "opened",
  design: GROUP_READ,
  origin: { kind: "link" },
  warnings: ["The link was cut short."],
};
const startOver: DesignAction = {
  type: "started",
  design: EMPTY_DESIGN,
  origin: { kind: "new" },
  by: "Started a new RPC",
};

describe("designReducer", () => {
  it("opens on the worked example, not yet loaded, with nothing to undo", () => {
    assert.equal(INITIAL_DESIGN_STATE.design, WORKED_EXAMPLE);
    assert.equal(INITIAL_DESIGN_STATE.loaded, false);
    assert.equal(INITIAL_DESIGN_STATE.undo, null);
  });

  it("opened: takes the design, its origin and warnings, and tells editors (revision)", () => {
    const s = run(openedFromLink);
    assert.equal(s.design, GROUP_READ);
    assert.deepEqual(s.origin, { kind: "link" });
    assert.deepEqual(s.warnings, ["The link was cut short."]);
    assert.equal(s.loaded, true);
    assert.equal(s.asOpened, true, "the URL is left alone until the user changes something");
    assert.equal(s.revision, 1);
  });

  it("edited: merges the change, keeps the revision (the editor already has the text)", () => {
    const s = run(openedFromLink, { type: "edited", change: { rpcName: "ListGroups" } });
    assert.equal(s.design.rpcName, "ListGroups");
    assert.equal(s.design.sql, GROUP_READ.sql);
    assert.equal(s.revision, 1);
    assert.equal(s.asOpened, false);
    assert.deepEqual(s.warnings, ["The link was cut short."], "the link's warnings stay");
  });

  it("replaced: merges the change and bumps the revision so editors take it", () => {
    const s = run(openedFromLink, { type: "replaced", change: { sql: "SELECT 1" } });
    assert.equal(s.design.sql, "SELECT 1");
    assert.equal(s.revision, 2);
    assert.equal(s.asOpened, false);
  });

  it("started: swaps the whole design, clears the link's warnings, and keeps what it replaced", () => {
    const edited = run(openedFromLink, { type: "edited", change: { rpcName: "Mine" } });
    const s = designReducer(edited, startOver);
    assert.equal(s.design, EMPTY_DESIGN);
    assert.deepEqual(s.origin, { kind: "new" });
    assert.deepEqual(s.warnings, []);
    assert.equal(s.revision, edited.revision + 1);
    assert.deepEqual(s.undo, {
      design: edited.design,
      origin: { kind: "link" },
      warnings: ["The link was cut short."],
      by: "Started a new RPC",
    });
  });

  it("undone: restores exactly what the user had, once", () => {
    const edited = run(openedFromLink, { type: "edited", change: { rpcName: "Mine" } });
    const s = run(openedFromLink, { type: "edited", change: { rpcName: "Mine" } }, startOver, {
      type: "undone",
    });
    assert.deepEqual(s.design, edited.design);
    assert.deepEqual(s.origin, edited.origin);
    assert.deepEqual(s.warnings, edited.warnings);
    assert.equal(s.undo, null);
    assert.equal(s.revision, edited.revision + 2, "editors take the restored text");
    assert.equal(designReducer(s, { type: "undone" }), s, "nothing left to undo");
  });

  it("two replacements in a row: Undo goes back to the user's design, not the one between", () => {
    const example: DesignAction = {
      type: "started",
      design: WORKED_EXAMPLE,
      origin: { kind: "example", name: "worked-example-guide" },
      by: "Loaded the example worked-example-guide",
    };
    const s = run(openedFromLink, startOver, example);
    assert.equal(s.undo?.design, GROUP_READ);
    assert.equal(s.undo?.by, "Loaded the example worked-example-guide");
    assert.equal(designReducer(s, { type: "undone" }).design, GROUP_READ);
  });

  it("an edit after a replacement ends the chance to undo it (it would lose the edit)", () => {
    for (const type of ["edited", "replaced"] as const) {
      const s = run(openedFromLink, startOver, { type, change: { rpcName: "New" } });
      assert.equal(s.undo, null, type);
      assert.equal(s.design.rpcName, "New");
    }
  });

  it("undo-dismissed: drops the undo and nothing else", () => {
    const started = run(openedFromLink, startOver);
    const s = designReducer(started, { type: "undo-dismissed" });
    assert.equal(s.undo, null);
    assert.equal(s.design, started.design);
    assert.equal(s.revision, started.revision);
    const plain = run(openedFromLink);
    assert.equal(designReducer(plain, { type: "undo-dismissed" }), plain);
  });

  it("never changes the state it was given", () => {
    const before = run(openedFromLink);
    const frozen = JSON.stringify(before);
    designReducer(before, { type: "edited", change: { rpcName: "X" } });
    designReducer(before, startOver);
    assert.equal(JSON.stringify(before), frozen);
  });
});

describe("openingAction", () => {
  const mine = { ...GROUP_READ, rpcName: "Mine" };
  const noLast = () => {
    throw new Error("the last design is not read when a link was given");
  };

  it("opens a link's design, with its warnings", () => {
    assert.deepEqual(openingAction({ design: GROUP_READ, warnings: ["cut"] }, noLast), {
      type: "opened",
      design: GROUP_READ,
      origin: { kind: "link" },
      warnings: ["cut"],
    });
  });

  it("a link that could not be read: its warnings over the worked example, never the last design", () => {
    const action = openingAction({ design: null, warnings: ["unreadable"] }, noLast);
    assert.deepEqual(action, {
      type: "opened",
      design: WORKED_EXAMPLE,
      origin: { kind: "worked-example" },
      warnings: ["unreadable"],
    });
  });

  it("no link: the last design on this device, else the worked example", () => {
    const empty = { design: null, warnings: [] };
    const last = openingAction(empty, () => mine);
    assert.equal(last.type === "opened" && last.design, mine);
    assert.deepEqual(last.type === "opened" && last.origin, { kind: "last-design" });
    const none = openingAction(empty, () => null);
    assert.deepEqual(none.type === "opened" && none.origin, { kind: "worked-example" });
  });
});

describe("lastDesignFrom", () => {
  it("keeps the whole design when one value is invalid, as a link would", () => {
    const typing: Design = {
      ...GROUP_READ,
      request: [...GROUP_READ.request, field("Team", "int64")],
    };
    assert.deepEqual(lastDesignFrom(JSON.stringify(typing)), typing);
    const long = { ...GROUP_READ, rpcName: "X".repeat(500) };
    assert.deepEqual(lastDesignFrom(JSON.stringify(long)), {
      ...GROUP_READ,
      rpcName: EMPTY_DESIGN.rpcName,
    });
  });

  it("reads nothing from an empty store, text that is not JSON, or JSON that is not an object", () => {
    for (const stored of [null, "", "{nope", "[1]", "null", '"x"'])
      assert.equal(lastDesignFrom(stored), null, String(stored));
  });
});

describe("originLabel", () => {
  it("says which design is on screen, naming the example", () => {
    assert.match(originLabel({ kind: "worked-example" }), /worked example/);
    assert.match(originLabel({ kind: "last-design" }), /last design on this device/);
    assert.match(originLabel({ kind: "link" }), /link/);
    assert.match(originLabel({ kind: "new" }), /new RPC/);
    assert.match(
      originLabel({ kind: "example", name: "group-read-current" }),
      /group-read-current/,
    );
  });
});
