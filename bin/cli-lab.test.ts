import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CHECK_TIMEOUT_MS } from "../lib/sql/limits";
import { checkInCliLab, labFingerprint, STOPPED_MESSAGE } from "./cli-lab";

/** Constant folding runs each regexp_replace while planning: seconds of CPU per term. */
const TERM = "length(regexp_replace(repeat('ab', 10000000), 'a', 'cc', 'g'))";
const RUNAWAY = `SELECT * FROM posthog_group WHERE id = ${Array(6).fill(TERM).join(" + ")}`;

describe("the CLI's lab", () => {
  it("checks in its worker thread and keeps one lab for many checks", async () => {
    const first = await checkInCliLab("SELECT * FROM posthog_group WHERE team_id = 1 AND id = 2");
    assert.equal(first.ok && first.value.ok && first.value.status, "pass");
    const before = await labFingerprint();
    const second = await checkInCliLab("SELECT * FROM posthog_group WHERE version = 3");
    assert.equal(second.ok && second.value.ok && second.value.status, "error");
    assert.equal(await labFingerprint(), before);
  });

  it("answers text the check refuses without a round trip to the lab", async () => {
    const refused = await checkInCliLab("EXECUTE workbench_check");
    assert.equal(refused.ok, true);
    assert.match(refused.ok && !refused.value.ok ? refused.value.error.message : "", /Only SELECT/);
  });

  it("stops a runaway statement at the limit, then boots a fresh lab like the first", async () => {
    const before = await labFingerprint();
    const started = performance.now();
    const stopped = await checkInCliLab(RUNAWAY);
    const ms = performance.now() - started;
    assert.deepEqual(stopped, { ok: false, message: STOPPED_MESSAGE });
    assert.match(STOPPED_MESSAGE, /ran past 5 s and was stopped/);
    // The limit, plus terminating the thread; never the 20 s or so the statement would take.
    assert.ok(ms >= CHECK_TIMEOUT_MS && ms < CHECK_TIMEOUT_MS + 2000, `${Math.round(ms)} ms`);
    assert.equal(await labFingerprint(), before);
    const next = await checkInCliLab("SELECT * FROM posthog_group WHERE team_id = 1 AND id = 2");
    assert.equal(next.ok && next.value.ok && next.value.status, "pass");
  });
});
