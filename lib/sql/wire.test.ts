import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sharedLabDatabase } from "./test-lab";
import { concatBytes } from "../bytes";
import {
  closeStatement,
  describeStatement,
  parseMessage,
  runFixed,
  syncMessage,
  type WireDatabase,
} from "./wire";

const getLab = sharedLabDatabase();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("protocol messages", () => {
  it("frames Parse with its type byte, a length that counts itself, and no parameter types", () => {
    const bytes = parseMessage("s", "SELECT 1");
    assert.equal(text(bytes.slice(0, 1)), "P");
    assert.equal(new DataView(bytes.buffer).getInt32(1), bytes.length - 1);
    assert.equal(text(bytes.slice(5)), "s\0SELECT 1\0\0\0");
  });

  it("counts UTF-8 bytes, not characters, in the length", () => {
    const bytes = parseMessage("", "SELECT 'ü→'");
    assert.equal(new DataView(bytes.buffer).getInt32(1), bytes.length - 1);
  });

  it("encodes Sync, Describe and Close exactly", () => {
    assert.deepEqual([...syncMessage()], [0x53, 0, 0, 0, 4]);
    assert.equal(text(describeStatement("s")), "D\0\0\0\x07Ss\0");
    assert.equal(text(closeStatement("s")), "C\0\0\0\x07Ss\0");
  });

  it("refuses a NUL in any protocol string instead of sending the text cut short", () => {
    assert.throws(() => parseMessage("", "SELECT 1\0; DROP TABLE posthog_person"), /NUL character/);
    assert.throws(() => parseMessage("s\0", "SELECT 1"), /NUL character/);
    assert.throws(() => describeStatement("s\0x"), /NUL character/);
    assert.throws(() => closeStatement("s\0x"), /NUL character/);
    assert.throws(() => runFixed("COMMIT\0"), /NUL character/);
  });

  it("is understood by PostgreSQL: a batch runs in order and reports parameter types", async () => {
    const db: WireDatabase = getLab().db;
    const { messages } = await db.execProtocol(
      concatBytes([
        runFixed("BEGIN"),
        parseMessage(
          "wire_test",
          "SELECT * FROM posthog_group WHERE team_id = $1 AND group_key = $2",
        ),
        describeStatement("wire_test"),
        runFixed("SELECT 41 + 1"),
        runFixed("ROLLBACK"),
        closeStatement("wire_test"),
        syncMessage(),
      ]),
      { throwOnError: false },
    );
    const names = messages.map((m) => m.name);
    assert.deepEqual(names.slice(-2), ["closeComplete", "readyForQuery"]);
    const described = messages.find((m) => m.name === "parameterDescription");
    assert.deepEqual(described?.dataTypeIDs, [23, 25]);
    assert.deepEqual(messages.find((m) => m.name === "dataRow")?.fields, ["42"]);
    const { rows } = await getLab().db.query(
      "SELECT count(*)::int AS n FROM pg_prepared_statements",
    );
    assert.deepEqual(rows, [{ n: 0 }]);
  });

  it("skips to Sync after an error, so nothing after a failed step runs", async () => {
    const { db } = getLab();
    const { messages } = await db.execProtocol(
      concatBytes([
        runFixed("BEGIN"),
        parseMessage("", "SELEC 1"),
        runFixed("CREATE TABLE wire_never (id int)"),
        runFixed("ROLLBACK"),
        syncMessage(),
      ]),
      { throwOnError: false },
    );
    assert.equal(messages.filter((m) => m.name === "error").length, 1);
    await db.query("ROLLBACK");
    const { rows } = await db.query("SELECT to_regclass('wire_never') AS t");
    assert.deepEqual(rows, [{ t: null }]);
  });
});
