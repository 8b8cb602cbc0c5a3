/**
 * The layouts' differences the wizard shows (lib/catalogue/layout-eras.ts) against what the
 * generators make for each target: the same files, the same macros, one era per target.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { LAYOUT_DIFFERENCES, LAYOUT_SUMMARIES } from "../catalogue/layout-eras";
import { NODE_PATHS, ROUTER_FILES } from "../catalogue/paths";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { TARGET_LABELS, type Design } from "../design/model";
import { generateSnippets } from "./index";

const byId = (design: Design, id: string) => {
  const found = generateSnippets(design).find((s) => s.id === id);
  assert.ok(found, `${design.rpcName} (${design.target}) has no ${id}`);
  return found;
};
const column = (target: "guide" | "current") =>
  LAYOUT_DIFFERENCES.map((row) => row[target]).join("\n");

const GUIDE = DESIGN_FIXTURES["worked-example-guide"]!;
const CURRENT = DESIGN_FIXTURES["worked-example-current"]!;
const WRITE_GUIDE = DESIGN_FIXTURES["person-write-guide"]!;

describe("the layouts' differences", () => {
  it("name the guide's era in its label and summary", () => {
    assert.match(TARGET_LABELS.guide, /^As the guide describes, at the router's typed era$/);
    assert.match(LAYOUT_SUMMARIES.guide, /typed era/);
    assert.match(LAYOUT_SUMMARIES.current, /default/);
  });

  it("name the router files the generators write to", () => {
    assert.equal(byId(GUIDE, "rust-router-method").file, ROUTER_FILES.typed);
    assert.equal(byId(CURRENT, "rust-proxy-known-method").file, ROUTER_FILES.proxy);
    assert.ok(column("guide").includes(ROUTER_FILES.typed));
    assert.ok(column("current").includes(ROUTER_FILES.proxy));
  });

  it("name the macros each target's router code uses, and no other era's", () => {
    const guideRouter = byId(GUIDE, "rust-router-method").code;
    // Era B's four arguments, not era A's five (self, decision, …).
    assert.match(guideRouter, /call_backend!\(self, "GetPersonCount", get_person_count, request\)/);
    assert.match(byId(WRITE_GUIDE, "rust-router-method").code, /call_leader!\(self, "/);
    assert.match(column("guide"), /call_backend!\(self, "Name", method, request\)/);
    assert.match(column("guide"), /call_leader!/);
    const currentRust = generateSnippets(CURRENT)
      .filter((s) => s.language === "rust")
      .map((s) => s.code)
      .join("\n");
    assert.match(currentRust, /"GetPersonCount",/);
    assert.doesNotMatch(currentRust, /call_backend!|call_leader!|route_request/);
    assert.match(column("current"), /KNOWN_METHODS/);
    assert.match(column("current"), /raw_proxy_to_leader/);
  });

  it("name the Node files each target's wrapper goes to", () => {
    assert.equal(byId(GUIDE, "node-wrapper").file, NODE_PATHS.ingestion.operations("persons"));
    assert.equal(byId(CURRENT, "node-wrapper").file, NODE_PATHS.common.wrapper("persons"));
    assert.ok(column("guide").includes(NODE_PATHS.ingestion.operations("persons")));
    assert.ok(column("current").includes(NODE_PATHS.common.wrapper("persons")));
  });
});
