import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { RULES } from "../lib/sql/rules";
import { COUNT_DESIGN as example, runCli as run } from "./spawn-cli";

describe("personhog-rpc CLI", () => {
  it("exits 0 when every table is read through an index", async () => {
    const r = await run([
      "check-sql",
      "SELECT * FROM posthog_persondistinctid WHERE team_id = 1 AND distinct_id = 'a'",
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /PASS/);
  });

  it("exits 1 when a sequential scan is flagged", async () => {
    const r = await run(["check-sql", "SELECT * FROM posthog_group WHERE version > 3"]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /ERROR \[seq-scan\]/);
  });

  it("exits 2 with a message on stderr for bad SQL", async () => {
    const r = await run(["check-sql", "SELECT * FORM posthog_group"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /SQL error \(at character 10\): syntax error at or near "FORM"/);
  });

  it("reads a statement that starts with a -- comment as SQL, and -- ends the options", async () => {
    const sql = "-- why\nSELECT * FROM posthog_group WHERE version > 3";
    const r = await run(["check-sql", sql, "--json"]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { status: string }).status, "error");
    const ended = await run(["check-sql", "--", "--json"]);
    assert.equal(ended.code, 2);
    assert.match(ended.stderr, /Enter one SQL statement to check/);
    const unknown = await run(["check-sql", "--jsn", "SELECT 1"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option --jsn/);
  });

  it("stops a statement that runs past 5 s and exits 2", async () => {
    const term = "length(regexp_replace(repeat('ab', 10000000), 'a', 'cc', 'g'))";
    const sql = `SELECT * FROM posthog_group WHERE id = ${Array(6).fill(term).join(" + ")}`;
    const r = await run(["check-sql", sql]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "The check ran past 5 s and was stopped.\n");
  });

  it("exits 2 for an unknown command and prints the usage", async () => {
    const r = await run(["frobnicate"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown command "frobnicate"/);
  });

  it("reads the statement from standard input and prints JSON", async () => {
    const sql = "SELECT * FROM posthog_group WHERE team_id = $1 AND group_type_index = $2";
    const r = await run(["check-sql", "--json", "-"], sql);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      status: string;
      statement: { kind: string };
      tables: { name: string; category: string }[];
      verdicts: {
        severity: string;
        rule: string;
        table: string;
        index: string | null;
        message: string;
      }[];
    };
    assert.equal(out.status, "warning");
    assert.equal(out.statement.kind, "read");
    assert.deepEqual(out.tables, [{ name: "posthog_group", category: "NonPersonData" }]);
    const warning = out.verdicts.find((v) => v.severity === "warning");
    assert.equal(warning?.rule, "broad-index-prefix");
    assert.equal(warning?.index, "posthog_group_team_id_b3aed896");
    assert.match(warning?.message ?? "", /group_type_index/);
  });

  it("counts a locking read as a write", async () => {
    const sql = "SELECT id FROM posthog_person WHERE team_id = $1 AND id = ANY($2) FOR UPDATE";
    const r = await run(["check-sql", sql]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Statement: write \(select, locking\)/);
  });

  it("tries the advised index with --advise", async () => {
    const sql = "SELECT * FROM posthog_cohortpeople WHERE version = $1";
    const r = await run(["check-sql", "--advise", sql]);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /CREATE INDEX workbench_proposed_cohortpeople_idx ON posthog_cohortpeople \(version\)/,
    );
    assert.match(r.stdout, /new-index: the check then says PASS/);
  });

  it("exits 1 when the statement reads no table: nothing checked is never a pass", async () => {
    const r = await run(["check-sql", "--json", "SELECT pg_sleep(30)"]);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { status: string; verdicts: { rule: string }[] };
    assert.equal(out.status, "nothing-checked");
    assert.deepEqual(
      out.verdicts.map((v) => v.rule),
      ["nothing-checked"],
    );
  });

  it("says pass in JSON, and gives the team_id fix with its rewritten SQL in a field of its own", async () => {
    const pass = await run(["check-sql", "--json", "SELECT 1 FROM posthog_group WHERE id = 1"]);
    assert.equal((JSON.parse(pass.stdout) as { status: string }).status, "pass");
    const sql = "SELECT person_id FROM posthog_persondistinctid WHERE distinct_id = $1";
    const r = await run(["check-sql", "--json", sql]);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as {
      verdicts: { rule: string; fixes: number[] }[];
      fixes: { kind: string; sql: string; uses: string }[];
    };
    assert.deepEqual(out.verdicts[0]?.fixes, [0]);
    assert.deepEqual(out.fixes[0], {
      ...out.fixes[0],
      kind: "add-predicate",
      sql: `${sql} AND team_id = $2`,
      uses: "unique_distinct_id_for_team",
    });
  });

  it("lists the rules", async () => {
    const r = await run(["rules"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /no-partition-pruning/);
    assert.match(r.stdout, /nothing-checked/);
  });

  it("lists every rule of the registry, in its order, with its severity and summary", async () => {
    const r = await run(["rules"]);
    const lines = r.stdout.trimEnd().split("\n");
    assert.deepEqual(
      lines.map((line) => line.split(/ +/).slice(0, 2)),
      RULES.map((rule) => [rule.id, rule.severity]),
    );
    for (const [i, rule] of RULES.entries()) assert.ok(lines[i]?.endsWith(rule.summary), rule.id);
    const extra = await run(["rules", "seq-scan"]);
    assert.equal(extra.code, 2);
    assert.match(extra.stderr, /rules takes no arguments/);
  });

  it("lists the commands with --help", async () => {
    const r = await run(["--help"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /check-sql/);
  });
});

describe("personhog-rpc generate and link", () => {
  it("generates every snippet for a design read from standard input", async () => {
    const r = await run(["generate", "-"], example);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /=== proto\/personhog\/types\/v1\/person\.proto/);
    assert.match(r.stdout, /message GetPersonCountRequest \{/);
    assert.match(r.stdout, /def get_person_count\(self, request: GetPersonCountRequest\)/);
  });

  it("exits 1 with the rule when the design breaks one, and 2 when it cannot be read", async () => {
    const broken = await run(["generate", "-"], example.replace("GetPersonCount", "GetPerson"));
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /GetPerson already exists in PersonHogService.*\[rpc-naming\]/);
    const notJson = await run(["generate", "-"], "{nope");
    assert.equal(notJson.code, 2);
    assert.match(notJson.stderr, /is not JSON/);
  });

  it("encodes a link and decodes it back to the same design", async () => {
    const encoded = await run(["link", "encode", "-"], example);
    assert.equal(encoded.code, 0, encoded.stderr);
    const url = encoded.stdout.trim();
    assert.match(url, /^http:\/\/localhost:3000\/wizard#v=4&z=[\w-]+$/);
    const decoded = await run(["link", "decode", url]);
    assert.equal(decoded.code, 0, decoded.stderr);
    assert.equal((JSON.parse(decoded.stdout) as { rpcName: string }).rpcName, "GetPersonCount");
  });

  it("leaves parts out with --omit, and decoding says so without failing", async () => {
    const design = JSON.stringify({ ...JSON.parse(example), sql: "SELECT 1" });
    const encoded = await run(["link", "encode", "--omit", "sql,comments", "-"], design);
    assert.equal(encoded.code, 0, encoded.stderr);
    const decoded = await run(["link", "decode", encoded.stdout.trim()]);
    assert.equal(decoded.code, 0, decoded.stderr);
    assert.equal((JSON.parse(decoded.stdout) as { sql: string }).sql, "");
    assert.match(decoded.stderr, /The author left the SQL out of this link/);
    const unknown = await run(["link", "encode", "--omit", "tables", "-"], design);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--omit takes sql, comments; not \["tables"\]/);
  });

  it("exits 2 with a message for a damaged link", async () => {
    // A v3 link of the example, cut off inside its data.
    const encoded = await run(["link", "encode", "-"], example);
    const r = await run(["link", "decode", encoded.stdout.trim().slice(0, 80)]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /The link was cut off/);
    assert.equal(r.stdout, "");
  });

  it("migrates a version 1 link and prints the design", async () => {
    const r = await run([
      "link",
      "decode",
      "http://localhost:3000/wizard#v=1&name=GetThing&sql=SELECT+1",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const design = JSON.parse(r.stdout) as { rpcName: string; sql: string; tables: string[] };
    assert.deepEqual(
      [design.rpcName, design.sql, design.tables],
      ["GetThing", "SELECT 1", ["posthog_person"]],
    );
  });

  it("exits 2 for a link from a newer workbench, naming its version", async () => {
    const encoded = await run(["link", "encode", "-"], example);
    const r = await run(["link", "decode", encoded.stdout.trim().replace("#v=4", "#v=5")]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /made by a newer workbench \(format version 5\)/);
  });
});

describe("personhog-rpc pr-description", () => {
  const design = JSON.stringify({
    rpcName: "GetPersonCount",
    domain: "person",
    tables: ["posthog_person"],
    operation: "read",
    sql: "SELECT COUNT(*) FROM posthog_person WHERE team_id = $1",
    request: [{ name: "team_id", type: "int64" }],
    response: { kind: "new", fields: [{ name: "count", type: "int64" }] },
  });

  it("prints the Markdown for a design, with the SQL checked and both links", async () => {
    const r = await run(["pr-description", "--origin", "https://wb.example/", "-"], design);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^## personhog: add the `GetPersonCount` RPC$/m);
    assert.match(r.stdout, /SQL lab: the query \*\*passes\*\*/);
    assert.match(r.stdout, /\[review it\]\(https:\/\/wb\.example\/review#v=4&z=[\w-]+\)/);
  });

  it("reads a share link, keeps its fragment, and exits 1 when the SQL is flagged", async () => {
    const flagged = JSON.stringify({ ...JSON.parse(design), sql: "SELECT * FROM posthog_person" });
    const url = (await run(["link", "encode", "-"], flagged)).stdout.trim();
    const r = await run(["pr-description", url]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /the query \*\*fails\*\*/);
    assert.ok(r.stdout.includes(url.replace("/wizard#", "/review#")), r.stdout);
    const bad = await run(["pr-description", "http://localhost:3000/review#v=3&z=AAAA"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /damaged|cut off/);
  });
});
