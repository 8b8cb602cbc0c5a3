import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { field, WORKED_EXAMPLE } from "../design/defaults";
import { SCALAR_TYPES } from "../design/model";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { generateInput } from "./context";
import { assertGolden, renderSnippets as render } from "./golden";
import { knownMethodsPosition } from "./rust-proxy";
import { rustRouterSnippets } from "./rust-router";
import { rustServiceSnippets } from "./rust-service";
import { rustStorageSnippets } from "./rust-storage";
import { rustPlan } from "./rust-types";
import { assertAllRustfmtClean } from "../rust-harness/rustfmt-clean";
import type { Snippet } from "./snippet";

function rustSnippets(design: Design): Snippet[] {
  const input = generateInput(design);
  return [
    ...rustStorageSnippets(input),
    ...rustServiceSnippets(input),
    ...rustRouterSnippets(input),
  ];
}

const byId = (design: Design, id: string): Snippet => {
  const s = rustSnippets(design).find((x) => x.id === id);
  assert.ok(s, `no snippet ${id} for ${design.rpcName}`);
  return s;
};

/** Designs beyond the fixtures that reach other branches: long names, batches, shared rows. */
const EXTRA_DESIGNS: Readonly<Record<string, Design>> = {
  "batch-non-person-read": {
    ...WORKED_EXAMPLE,
    target: "current",
    rpcName: "CountCohortMembersForPersonsInManyCohorts",
    domain: "cohort",
    tables: ["posthog_cohortpeople"],
    sql: "SELECT COUNT(*) FROM posthog_cohortpeople WHERE cohort_id = ANY($1) AND person_id = ANY($2)",
    request: [
      field("cohort_ids", "int64", { repeated: true, comment: "Max 250 per request." }),
      field("person_ids", "int64", { repeated: true }),
    ],
  },
  "shared-persons": {
    ...WORKED_EXAMPLE,
    target: "current",
    rpcName: "GetPersonsByCreatedAtRangeWithinTeam",
    sql: "SELECT * FROM posthog_person WHERE team_id = $1 AND created_at >= $2 LIMIT $3",
    request: [
      field("team_id", "int64"),
      field("created_after_ms", "int64"),
      field("limit", "int32", { comment: "Max 500 per request." }),
      field("distinct_id", "string", { optional: true }),
    ],
    response: { kind: "shared", name: "PersonsResponse" },
  },
  "uuid-lookups": {
    ...WORKED_EXAMPLE,
    target: "current",
    rpcName: "GetPersonsByUuidsOrFallback",
    sql: "SELECT * FROM posthog_person WHERE team_id = $1 AND (uuid = ANY($2) OR uuid = $3)",
    request: [
      field("team_id", "int64"),
      field("uuids", "string", { repeated: true }),
      field("fallback_uuid", "string", { optional: true }),
    ],
    response: { kind: "shared", name: "PersonsResponse" },
  },
  "multi-field-response": {
    ...WORKED_EXAMPLE,
    rpcName: "GetGroupStats",
    domain: "group",
    tables: ["posthog_group"],
    sql: 'SELECT COUNT(*) as "group_count!", MAX(version) as "max_version" FROM posthog_group WHERE team_id = $1',
    request: [field("team_id", "int64")],
    response: {
      kind: "new",
      fields: [field("group_count", "int64"), field("max_version", "int64")],
    },
  },
  "current-leader-write": {
    ...DESIGN_FIXTURES["person-write-guide"]!,
    target: "current",
    rpcName: "UpdatePersonLastSeenAtWithFloorVersion",
  },
  "unknown-category-write": {
    ...WORKED_EXAMPLE,
    rpcName: "Touch",
    tables: [],
    operation: "write",
    readOptions: false,
    sql: "",
    request: [field("team_id", "int64"), field("type", "string")],
    response: { kind: "new", fields: [] },
  },
  "strong-person-read": { ...WORKED_EXAMPLE, target: "current", consistency: "strong" },
};

describe("rust generators", () => {
  for (const [name, design] of Object.entries(DESIGN_FIXTURES)) {
    it(`match the golden file for ${name}`, () => {
      assertGolden(`rust/${name}.txt`, render(rustSnippets(design)));
    });
  }

  for (const [name, design] of Object.entries({ ...DESIGN_FIXTURES, ...EXTRA_DESIGNS })) {
    it(`emit rustfmt-clean Rust for ${name}`, () => {
      const snippets = rustSnippets(design);
      for (const s of snippets) {
        assert.equal(s.language, "rust");
        assert.equal(s.step, "rust");
      }
      assertAllRustfmtClean(snippets, design);
    });
  }

  it("emit rustfmt-clean Rust for generated designs of any name length", () => {
    const names = ["team_id", "person_ids", "distinct_id", "group_key", "limit", "created_at_ms"];
    const fieldArb = fc.record({
      name: fc.constantFrom(...names, "a_rather_long_field_name_here"),
      type: fc.constantFrom(...SCALAR_TYPES, "TeamDistinctId"),
      optional: fc.boolean(),
      repeated: fc.boolean(),
      comment: fc.constantFrom("", "Max 250 per request."),
    });
    const fields = fc.uniqueArray(fieldArb, { selector: (f) => f.name, maxLength: 6 });
    const designArb = fc.record({
      target: fc.constantFrom("guide" as const, "current" as const),
      rpcName: fc.stringMatching(/^([A-Z][a-z]{2,9}){1,6}$/),
      tables: fc.constantFrom(["posthog_person"], ["posthog_group"], ["posthog_cohortpeople"]),
      operation: fc.constantFrom("read" as const, "write" as const),
      consistency: fc.constantFrom("eventual" as const, "strong" as const),
      readOptions: fc.boolean(),
      request: fields,
      response: fc.oneof(
        fields.map((f) => ({
          kind: "new" as const,
          fields: f.filter((x) => !x.optional || !x.repeated),
        })),
        fc
          .constantFrom("PersonsResponse", "GroupsResponse")
          .map((name) => ({ kind: "shared" as const, name })),
      ),
    });
    fc.assert(
      fc.property(designArb, (partial) => {
        const request = partial.request.map((f) => ({ ...f, optional: f.optional && !f.repeated }));
        const design: Design = { ...WORKED_EXAMPLE, ...partial, request };
        assertAllRustfmtClean(rustSnippets(design), design);
      }),
      { numRuns: 40, seed: 42 },
    );
  });

  it("pick the pool from the route", () => {
    const pool = (design: Design) => byId(design, "rust-storage-postgres").code;
    assert.match(pool(WORKED_EXAMPLE), /let pool = &self\.replica_pool;/);
    assert.match(pool(WORKED_EXAMPLE), /let pool_label = "replica";/);
    const group = DESIGN_FIXTURES["group-read-current"]!;
    assert.match(pool(group), /let pool = self\.pool_for_consistency\(consistency\);/);
    assert.match(byId(group, "rust-storage-trait").code, /consistency: ConsistencyLevel/);
    assert.doesNotMatch(byId(WORKED_EXAMPLE, "rust-storage-trait").code, /consistency/);
    assert.match(pool(DESIGN_FIXTURES["cohort-write-current"]!), /let pool = &self\.primary_pool;/);
  });

  it("place the KNOWN_METHODS entry by byte order, not alphabetically", () => {
    assert.equal(knownMethodsPosition("GetPersonCount").after, "GetPersonByUuid");
    // 'T' (0x54) sorts before 's' (0x73): a case-insensitive sort would put it after GetGroupsBatch.
    assert.equal(knownMethodsPosition("GetGroupTypeCount").after, "GetGroup");
    assert.equal(knownMethodsPosition("AaaFirst").before, "AckPersonTombstones");
    assert.equal(knownMethodsPosition("AaaFirst").after, null);
    const entry = byId(DESIGN_FIXTURES["worked-example-current"]!, "rust-proxy-known-method");
    assert.equal(entry.anchor, 'in `pub const KNOWN_METHODS`, insert after "GetPersonByUuid"');
    assert.equal(entry.code, '"GetPersonCount",');
  });

  it("route as the typed router's era B does: call_backend! with four arguments, call_leader! for person writes", () => {
    const method = (design: Design) => byId(design, "rust-router-method").code;
    const guide = DESIGN_FIXTURES["worked-example-guide"]!;
    assert.match(
      method(guide),
      /self\.require_replica\(DataCategory::PersonData, &request\.read_options\)\?;\n\s+call_backend!\(self, "GetPersonCount", get_person_count, request\)/,
    );
    const write = DESIGN_FIXTURES["person-write-guide"]!;
    assert.match(
      method(write),
      /call_leader!\(self, "SetPersonLastSeen", set_person_last_seen, request\)/,
    );
    const writeIds = rustSnippets(write).map((s) => s.id);
    assert.ok(
      writeIds.includes("rust-router-leader-ops") && writeIds.includes("rust-leader-handler"),
    );
    assert.ok(!writeIds.includes("rust-router-backend-trait"));
    const groupGuide = { ...DESIGN_FIXTURES["group-read-current"]!, target: "guide" as const };
    assert.doesNotMatch(method(groupGuide), /require_replica|route_request|decision/);
    const test = byId(guide, "rust-router-test").code;
    assert.doesNotMatch(test, /rstest|#\[case/);
    assert.match(test, /async fn test_get_person_count_strong_is_unimplemented\(\)/);
    assert.match(
      byId(groupGuide, "rust-router-test").code,
      /async fn test_list_groups_by_type_strong_routes_to_replica\(\)/,
    );
  });

  it("return early for an empty batch only when a request field is repeated", () => {
    const cohort = byId(DESIGN_FIXTURES["cohort-write-current"]!, "rust-storage-postgres").code;
    assert.match(cohort, /if cohort_ids\.is_empty\(\) \{\n\s+return Ok\(0\);\n\s+\}/);
    for (const name of ["worked-example-guide", "group-read-current"])
      for (const id of ["rust-storage-postgres", "rust-service-handler"])
        assert.doesNotMatch(byId(DESIGN_FIXTURES[name]!, id).code, /is_empty\(\)/);
  });

  it("record DB_ROWS_RETURNED for rows read and rows a write counts, not for a yes/no write", () => {
    const counted = DESIGN_FIXTURES["cohort-write-current"]!;
    const postgres = (design: Design) => byId(design, "rust-storage-postgres").code;
    assert.match(
      postgres(counted),
      /DB_ROWS_RETURNED,\s+&labels,\s+result\.rows_affected\(\) as f64/,
    );
    const yesNo: Design = {
      ...counted,
      response: { kind: "new", fields: [field("removed", "bool")] },
    };
    assert.match(postgres(yesNo), /Ok\(result\.rows_affected\(\) > 0\)/);
    assert.doesNotMatch(postgres(yesNo), /DB_ROWS_RETURNED/);
    assert.match(postgres(DESIGN_FIXTURES["group-read-current"]!), /rows\.len\(\) as f64/);
    assert.doesNotMatch(postgres(WORKED_EXAMPLE), /DB_ROWS_RETURNED/);
  });

  it("answer an empty batch in the handler before storage is touched, as count_cohort_members does", () => {
    const handler = byId(DESIGN_FIXTURES["cohort-write-current"]!, "rust-service-handler").code;
    assert.match(
      handler,
      /let req = request\.into_inner\(\);\n\s+if req\.cohort_ids\.is_empty\(\) \{\n\s+return Ok\(Response::new\(RemovePersonFromCohortsResponse \{\n\s+deleted_count: 0,/,
    );
    assert.ok(handler.indexOf("is_empty()") < handler.indexOf(".storage"));
    // Other domains' handlers leave the empty batch to storage (delete_hash_key_overrides_by_teams).
    const flags: Design = { ...DESIGN_FIXTURES["cohort-write-current"]!, domain: "feature_flag" };
    assert.doesNotMatch(byId(flags, "rust-service-handler").code, /is_empty\(\)/);
    assert.match(byId(flags, "rust-storage-postgres").code, /is_empty\(\)/);
  });

  it("send current-code person writes to the leader, not the replica", () => {
    const snippets = rustSnippets(EXTRA_DESIGNS["current-leader-write"]!);
    const ids = snippets.map((s) => s.id);
    assert.ok(!ids.some((id) => id.startsWith("rust-storage") || id.startsWith("rust-mock")));
    assert.ok(ids.includes("rust-leader-handler") && ids.includes("rust-router-test-leader"));
    assert.ok(!ids.includes("rust-router-test-replica"));
    const arm = snippets.find((s) => s.id === "rust-proxy-leader-arm");
    assert.match(
      arm?.code ?? "",
      /raw_proxy_to_leader\(req, "UpdatePersonLastSeenAtWithFloorVersion"\)/,
    );
    assert.ok(arm?.notes.some((n) => n.includes("x-team-id") && n.includes("x-person-id")));
  });

  it("open a leader handler as the real leader's do, and end in a stub that says what goes there", () => {
    const handler = byId(DESIGN_FIXTURES["person-write-guide"]!, "rust-leader-handler").code;
    const lines = handler.split("\n").map((l) => l.trim());
    const start = lines.indexOf("let partition = partition_from_metadata(&request)?;");
    assert.deepEqual(lines.slice(start, start + 4), [
      "let partition = partition_from_metadata(&request)?;",
      "let req = request.into_inner();",
      "self.validate_partition(partition, req.team_id, req.person_id)?;",
      "self.check_authority(partition)?;",
    ]);
    assert.match(
      handler,
      /Err\(Status::unimplemented\(\n\s+"set_person_last_seen is a stub: write the change through the partition's person cache and emit its record here, as update_person_properties does",\n\s+\)\)\n\}$/,
    );
  });

  it("send the guide's person writes to the leader only, as era B's call_leader! did", () => {
    const ids = rustSnippets(DESIGN_FIXTURES["person-write-guide"]!).map((s) => s.id);
    assert.ok(!ids.some((id) => id.startsWith("rust-storage") || id.startsWith("rust-mock")));
    assert.ok(!ids.includes("rust-service-handler") && !ids.includes("rust-router-test-replica"));
    assert.ok(ids.includes("rust-leader-handler") && ids.includes("rust-router-leader-ops"));
  });

  it("note the placeholders beyond the request once, however high they go", () => {
    const sql = "SELECT COUNT(*) FROM posthog_person WHERE team_id = $1 AND id = $99999999";
    const notes = byId({ ...WORKED_EXAMPLE, sql }, "rust-storage-postgres").notes;
    assert.deepEqual(
      notes.filter((n) => n.startsWith("No request field")),
      ["No request field for $2…$99999999 (the request has 1): add one per placeholder."],
    );
  });

  it("bind 40 placeholders of a 20,000-character SQL in linear time", () => {
    // One long dotted word before the placeholders: a pattern that starts anywhere inside it
    // took 15 s here.
    const placeholders = Array.from({ length: 40 }, (_, i) => `$${i + 1}`).join(" = ");
    const sql = `SELECT ${"a.".repeat(9_000)} = ${placeholders} GREATEST(${"b".repeat(1_000)}`;
    const request = Array.from({ length: 40 }, (_, i) => field(`f${i}`, "int64"));
    const started = performance.now();
    const code = byId({ ...WORKED_EXAMPLE, sql, request }, "rust-storage-postgres").code;
    assert.ok(performance.now() - started < 1_000, `${performance.now() - started} ms`);
    assert.match(code, /f39\n/);
  });

  it("enforce documented caps only within the field's type, and note the ones ignored", () => {
    const design = (comment: string, type = "int64", repeated = true): Design => ({
      ...WORKED_EXAMPLE,
      request: [field("team_id", "int64"), field("person_ids", type, { repeated, comment })],
    });
    const huge = design("Max 99999999999999999999999 per request");
    const handler = byId(huge, "rust-service-handler");
    assert.doesNotMatch(handler.code, /len\(\) >|e\+/);
    assert.ok(handler.notes.some((n) => /Max 99999999999999999999999 .* above 100,000/.test(n)));
    assert.doesNotMatch(byId(huge, "rust-service-test").code, /vec!\[.*; /);
    const int32 = byId(design("Max 99999999999", "int32", false), "rust-service-handler");
    assert.doesNotMatch(int32.code, /1\.\.=/);
    assert.ok(int32.notes.some((n) => /does not fit int32/.test(n)));
    const int64 = byId(design("Max 9007199254740993", "int64", false), "rust-service-handler");
    assert.match(int64.code, /1\.\.=9007199254740993 => req\.person_ids,/);
    const batch = design("Max 100000 per request.");
    assert.match(
      byId(batch, "rust-service-handler").code,
      /if req\.person_ids\.len\(\) > 100000 \{/,
    );
    assert.match(byId(batch, "rust-service-test").code, /vec!\[-1; 100001\]/);
  });

  it("parse a string compared with a uuid column in the handler, as get_person_by_uuid does", () => {
    const design = EXTRA_DESIGNS["uuid-lookups"]!;
    const trait = byId(design, "rust-storage-trait").code;
    assert.match(trait, /uuids: &\[Uuid\],\n\s+fallback_uuid: Option<Uuid>,/);
    const handler = byId(design, "rust-service-handler").code;
    assert.match(
      handler,
      /let uuids: Vec<Uuid> = req\n\s+\.uuids\n\s+\.iter\(\)\n\s+\.map\(\|s\| Uuid::parse_str\(s\)\)/,
    );
    assert.match(handler, /\.as_deref\(\)\n\s+\.map\(Uuid::parse_str\)\n\s+\.transpose\(\)/);
    assert.match(
      handler,
      /\.get_persons_by_uuids_or_fallback\(req\.team_id, &uuids, fallback_uuid\)/,
    );
    assert.equal(
      handler.match(/Status::invalid_argument\(format!\("Invalid UUID: \{e\}"\)\)/g)?.length,
      2,
    );
    const tests = byId(design, "rust-storage-test").code;
    assert.match(tests, /#\[case\] uuids: Vec<Uuid>/);
    assert.match(tests, /vec!\[Uuid::nil\(\)\]/);
    // A string compared with a text column stays a &str.
    const text = byId(EXTRA_DESIGNS["shared-persons"]!, "rust-storage-trait").code;
    assert.match(text, /distinct_id: Option<&str>/);
  });

  it("cast binds to the column types sqlx will check", () => {
    const group = byId(DESIGN_FIXTURES["group-read-current"]!, "rust-storage-postgres").code;
    assert.match(group, /team_id as i32,\n\s+group_type_index,\n\s+limit as i64\n/);
    const cohort = byId(DESIGN_FIXTURES["cohort-write-current"]!, "rust-storage-postgres").code;
    assert.match(cohort, /let cohort_ids_i32: Vec<i32> = cohort_ids/);
  });
});

describe("rustPlan", () => {
  it("is planned once per generate input: each Rust generator asking gets the same plan", () => {
    const input = generateInput(WORKED_EXAMPLE);
    assert.equal(rustPlan(input), rustPlan(input));
    // A new input (the design as edited) is planned afresh.
    assert.notEqual(rustPlan(generateInput(WORKED_EXAMPLE)), rustPlan(input));
  });
});
