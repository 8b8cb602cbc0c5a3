/**
 * The generated fake methods run: each is placed into a stand-in FakePersonHogClient of ours (its
 * stores shaped as the catalogue says, builders filling them, stand-in messages with the design's
 * field names) and asked questions whose answers are known. All cases run in one python3 process.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { field } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { REBUILT_RPCS } from "../design/rebuilt-rpcs";
import { generateInput } from "./context";
import { pythonSnippets } from "./python";

const EXAMPLES = path.join(import.meta.dirname, "../../content/examples");
const example = (name: string): Design =>
  JSON.parse(readFileSync(path.join(EXAMPLES, `${name}.json`), "utf8")) as Design;

const group: Design = {
  ...DESIGN_FIXTURES["group-read-current"]!,
  rpcName: "CountGroupsForTeam",
  sql: "SELECT COUNT(*) FROM posthog_group WHERE team_id = $1",
  request: [field("team_id", "int64")],
  response: { kind: "new", fields: [field("count", "int64")] },
};
const SYNTHETIC: Readonly<Record<string, Design>> = {
  "group-count": group,
  "group-lookup": {
    ...group,
    rpcName: "FindGroup",
    sql: "SELECT * FROM posthog_group g WHERE g.team_id = $1 AND g.group_type_index = $2 AND g.group_key = $3",
    request: [
      field("team_id", "int64"),
      field("group_type_index", "int32"),
      field("group_key", "string"),
    ],
    response: { kind: "new", fields: [field("group", "Group", { optional: true })] },
  },
  "group-batch-delete": {
    ...group,
    rpcName: "PurgeGroupsForTeam",
    operation: "write",
    readOptions: false,
    sql: "DELETE FROM posthog_group WHERE id IN (SELECT id FROM posthog_group WHERE team_id = $1 LIMIT $2 FOR UPDATE SKIP LOCKED)",
    request: [field("team_id", "int64"), field("batch_size", "int64")],
    response: { kind: "new", fields: [field("deleted_count", "int64")] },
  },
  "cohort-member-ids": {
    ...DESIGN_FIXTURES["cohort-write-current"]!,
    rpcName: "ListCohortPersonIds",
    operation: "read",
    sql: "SELECT person_id FROM posthog_cohortpeople WHERE cohort_id = $1",
    request: [field("cohort_id", "int64")],
    response: { kind: "new", fields: [field("person_ids", "int64", { repeated: true })] },
  },
  "group-insert": {
    ...group,
    rpcName: "InsertGroup",
    operation: "write",
    readOptions: false,
    sql: "INSERT INTO posthog_group (team_id, group_type_index, group_key, version) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING",
    request: [
      field("team_id", "int64"),
      field("group_type_index", "int32"),
      field("group_key", "string"),
    ],
    response: { kind: "new", fields: [field("group", "Group", { optional: true })] },
  },
  "cohort-insert": {
    ...DESIGN_FIXTURES["cohort-write-current"]!,
    rpcName: "AddPersonToCohort",
    sql: "INSERT INTO posthog_cohortpeople (cohort_id, person_id, version) VALUES ($1, $2, $3)",
    request: [field("cohort_id", "int64"), field("person_id", "int64"), field("version", "int32")],
    response: { kind: "new", fields: [field("inserted_count", "int64")] },
  },
  "group-type-rename": {
    ...REBUILT_RPCS["delete-group-type-mapping"]!,
    rpcName: "RenameGroupType",
    sql: "UPDATE posthog_grouptypemapping SET name_singular = $3 WHERE project_id = $1 AND group_type_index = $2",
    request: [
      field("project_id", "int64"),
      field("group_type_index", "int32"),
      field("name_singular", "string"),
    ],
    response: { kind: "new", fields: [field("updated", "bool")] },
  },
  "person-or-unmapped": {
    ...DESIGN_FIXTURES["worked-example-guide"]!,
    sql: "SELECT COUNT(*) FROM posthog_person WHERE team_id = $1 OR id = $1",
  },
};

/**
 * What each design's fake must answer. `fake` is a fresh stand-in client, `call(**fields)` calls
 * the method under test with a request, and `m(name)` reaches another case's method on the same
 * class (writes then reads). Each script seeds its own fake, so scripts over one store start alike.
 */
const SCENARIOS: Readonly<Record<string, { design: Design; script: string; with?: string[] }>> = {
  "worked-example": {
    design: DESIGN_FIXTURES["worked-example-current"]!,
    script: `
fake.add_person(team_id=1, person_id=1); fake.add_person(team_id=1, person_id=2); fake.add_person(team_id=2, person_id=3)
check(call(team_id=1).count == 2, "counts the team's persons")
check(call(team_id=9).count == 0, "an unknown team has none")`,
  },
  "group-read-current": {
    design: DESIGN_FIXTURES["group-read-current"]!,
    script: `
for key in "abc": fake.add_group(team_id=1, group_type_index=0, group_key=key)
fake.add_group(team_id=1, group_type_index=1, group_key="x"); fake.add_group(team_id=2, group_type_index=0, group_key="y")
groups = call(team_id=1, group_type_index=0, limit=10).groups
check(sorted(g.group_key for g in groups) == ["a", "b", "c"], "lists the team's groups of that type")
check(len(call(team_id=1, group_type_index=0, limit=2).groups) == 2, "honours the limit")`,
  },
  "person-write-guide": {
    design: DESIGN_FIXTURES["person-write-guide"]!,
    script: `
fake.add_person(team_id=1, person_id=5, uuid="u5", last_seen_at=100)
check(call(team_id=1, person_id=5, last_seen_at_ms=50).updated, "finds the person")
check(fake._persons_by_id[(1, 5)].last_seen_at == 100, "GREATEST keeps the later time")
call(team_id=1, person_id=5, last_seen_at_ms=200)
check(fake._persons_by_uuid[(1, "u5")].last_seen_at == 200, "the change is seen through every dict")
check(not call(team_id=1, person_id=6, last_seen_at_ms=1).updated, "a missing person is not updated")`,
  },
  "cohort-write-current": {
    design: DESIGN_FIXTURES["cohort-write-current"]!,
    with: ["cohort-member-ids"],
    script: `
for cid, pid in [(1, 7), (2, 7), (3, 7), (1, 8)]: fake.add_cohort_membership(cohort_id=cid, person_id=pid)
check(call(person_id=7, cohort_ids=[1, 2, 4]).deleted_count == 2, "removes the person from the cohorts named")
check(sorted(fake._cohort_members) == [(1, 8), (3, 7)], "the other rows stay")
check([m.cohort_id for m in fake._cohort_memberships[7]] == [3], "the memberships mirror follows")
check(m("list_cohort_person_ids")(Req(cohort_id=1)).person_ids == [8], "a later read sees the removal")
check(call(person_id=7, cohort_ids=[1]).deleted_count == 0, "a second removal finds nothing")`,
  },
  "cohort-member-ids": {
    design: SYNTHETIC["cohort-member-ids"]!,
    script: `
for cid, pid in [(1, 7), (2, 7), (1, 8)]: fake.add_cohort_membership(cohort_id=cid, person_id=pid)
check(sorted(call(cohort_id=1).person_ids) == [7, 8], "lists the cohort's persons")`,
  },
  "get-distinct-ids-for-person": {
    design: REBUILT_RPCS["get-distinct-ids-for-person"]!,
    script: `
fake.add_person(team_id=1, person_id=5, distinct_ids=["a", "b"]); fake.add_person(team_id=1, person_id=6, distinct_ids=["c"])
check([d.distinct_id for d in call(team_id=1, person_id=5).distinct_ids] == ["a", "b"], "the person's distinct ids")
check(list(call(team_id=2, person_id=5).distinct_ids) == [], "another team's person has none")`,
  },
  "check-cohort-membership": {
    design: REBUILT_RPCS["check-cohort-membership"]!,
    script: `
for cid, pid in [(1, 7), (3, 7), (1, 8)]: fake.add_cohort_membership(cohort_id=cid, person_id=pid)
check([m.cohort_id for m in call(person_id=7, cohort_ids=[1, 2, 3]).memberships] == [1, 3], "the asked cohorts the person is in")
check(list(call(person_id=7, cohort_ids=[2]).memberships) == [], "none outside them")
check(list(call(person_id=9, cohort_ids=[1]).memberships) == [], "none for a person in no cohort")`,
  },
  "distinct-id-count": {
    design: example("distinct-id-count-guide"),
    script: `
fake.add_person(team_id=1, person_id=5, distinct_ids=["a", "b"])
check(call(team_id=1, person_id=5).count == 2, "counts the distinct ids")
check(call(team_id=1, person_id=6).count == 0, "none for an unknown person")`,
  },
  "get-group-type-mappings-by-team-id": {
    design: REBUILT_RPCS["get-group-type-mappings-by-team-id"]!,
    script: `
fake.add_group_type_mapping(project_id=1, team_id=1, group_type="org", group_type_index=0)
fake.add_group_type_mapping(project_id=1, team_id=1, group_type="co", group_type_index=1)
fake.add_group_type_mapping(project_id=2, team_id=2, group_type="org", group_type_index=0)
check([g.group_type for g in call(team_id=1).mappings] == ["org", "co"], "the team's mappings")`,
  },
  "group-type-mapping-by-index": {
    design: example("group-type-mapping-read-guide"),
    script: `
fake.add_group_type_mapping(project_id=1, team_id=1, group_type="org", group_type_index=0)
fake.add_group_type_mapping(project_id=1, team_id=1, group_type="co", group_type_index=1)
check(call(project_id=1, group_type_index=1).mapping.group_type == "co", "finds the mapping at the index")
check(call(project_id=1, group_type_index=4).mapping is None, "None when there is none")`,
  },
  "delete-group-type-mapping": {
    design: REBUILT_RPCS["delete-group-type-mapping"]!,
    with: ["get-group-type-mappings-by-team-id"],
    script: `
fake.add_group_type_mapping(project_id=1, team_id=1, group_type="org", group_type_index=0)
fake.add_group_type_mapping(project_id=1, team_id=1, group_type="co", group_type_index=1)
fake.add_group_type_mapping(project_id=2, group_type="org", group_type_index=0)
check(call(project_id=1, group_type_index=0).deleted, "deletes the project's mapping at the index")
check([g.group_type for g in fake._group_type_mappings_by_project[1]] == ["co"], "the project's other mapping stays")
check(len(fake._group_type_mappings_by_project[2]) == 1, "another project's mapping stays")
check([g.group_type for g in m("get_group_type_mappings_by_team_id")(Req(team_id=1)).mappings] == ["co"], "the team's mirror follows")
check(not call(project_id=1, group_type_index=0).deleted, "a second delete finds nothing")`,
  },
  "delete-group-type-mappings-batch-for-team": {
    design: REBUILT_RPCS["delete-group-type-mappings-batch-for-team"]!,
    script: `
for i in range(3): fake.add_group_type_mapping(project_id=1, team_id=1, group_type=f"t{i}", group_type_index=i)
fake.add_group_type_mapping(project_id=2, team_id=2, group_type="org", group_type_index=0)
check(call(team_id=1, batch_size=2).deleted_count == 2, "deletes one batch of the team's mappings")
check(len(fake._group_type_mappings_by_team[1]) == 1, "the team's mirror follows")
check(call(team_id=1, batch_size=2).deleted_count == 1, "the last batch")
check(call(team_id=1, batch_size=2).deleted_count == 0, "then nothing is left")
check(len(fake._group_type_mappings_by_project[2]) == 1, "another team's mapping stays")`,
  },
  "group-type-rename": {
    design: SYNTHETIC["group-type-rename"]!,
    with: ["get-group-type-mappings-by-team-id"],
    script: `
fake.add_group_type_mapping(project_id=1, team_id=1, group_type="org", group_type_index=0)
fake.add_group_type_mapping(project_id=1, team_id=1, group_type="co", group_type_index=1)
check(call(project_id=1, group_type_index=1, name_singular="Company").updated, "renames the mapping at the index")
check([g.name_singular for g in m("get_group_type_mappings_by_team_id")(Req(team_id=1)).mappings] == ["", "Company"], "the team's mirror sees it")
check(not call(project_id=2, group_type_index=1, name_singular="x").updated, "another project has no such mapping")`,
  },
  "delete-persons-batch-for-team": {
    design: REBUILT_RPCS["delete-persons-batch-for-team"]!,
    with: ["get-person-by-distinct-id"],
    script: `
for pid in (1, 2, 3): fake.add_person(team_id=1, person_id=pid, uuid=f"u{pid}", distinct_ids=[f"d{pid}"])
fake.add_person(team_id=2, person_id=9, uuid="u9", distinct_ids=["d9"])
by_distinct_id = lambda team, did: m("get_person_by_distinct_id")(Req(team_id=team, distinct_id=did)).person
check(call(team_id=1, batch_size=2).deleted_count == 2, "deletes one batch of the team's persons")
check(len(fake._persons_by_uuid) == 2 and len(fake._distinct_ids) == 2, "their uuids and distinct ids go too")
check(sum(by_distinct_id(1, d) is not None for d in ("d1", "d2", "d3")) == 1, "a later read by distinct id sees them gone")
check(call(team_id=1, batch_size=2).deleted_count == 1 and call(team_id=1, batch_size=2).deleted_count == 0, "then nothing is left")
check(by_distinct_id(2, "d9").id == 9, "another team's person stays")`,
  },
  "get-person-by-distinct-id": {
    design: REBUILT_RPCS["get-person-by-distinct-id"]!,
    script: `
fake.add_person(team_id=1, person_id=5, distinct_ids=["a", "b"]); fake.add_person(team_id=2, person_id=6, distinct_ids=["a"])
check(call(team_id=1, distinct_id="b").person.id == 5, "the person a distinct id points at")
check(call(team_id=2, distinct_id="a").person.id == 6, "in the asked team")
check(call(team_id=1, distinct_id="z").person is None, "None for an unknown distinct id")`,
  },
  "group-lookup": {
    design: SYNTHETIC["group-lookup"]!,
    script: `
fake.add_group(team_id=1, group_type_index=0, group_key="a", id=11)
check(call(team_id=1, group_type_index=0, group_key="a").group.id == 11, "a hit")
check(call(team_id=1, group_type_index=1, group_key="a").group is None, "a miss")`,
  },
  "group-batch-delete": {
    design: SYNTHETIC["group-batch-delete"]!,
    with: ["group-count"],
    script: `
for key in "abcde": fake.add_group(team_id=1, group_type_index=0, group_key=key)
fake.add_group(team_id=2, group_type_index=0, group_key="z")
count = lambda team: m("count_groups_for_team")(Req(team_id=team)).count
check(call(team_id=1, batch_size=3).deleted_count == 3, "deletes one batch")
check(count(1) == 2 and count(2) == 1, "a later count sees the rows gone, other teams untouched")
check(call(team_id=1, batch_size=3).deleted_count == 2, "the last batch")
check(call(team_id=1, batch_size=3).deleted_count == 0, "then nothing is left")`,
  },
  "group-count": { design: group, script: "" },
  "group-insert": {
    design: SYNTHETIC["group-insert"]!,
    with: ["group-count"],
    script: `
fake.add_group(team_id=1, group_type_index=0, group_key="a", id=4)
created = call(team_id=1, group_type_index=0, group_key="b").group
check(created.id == 5 and created.group_key == "b" and created.version == 0, "stores a new group with the next id")
check(m("count_groups_for_team")(Req(team_id=1)).count == 2, "a later count sees it")
check(call(team_id=1, group_type_index=0, group_key="b").group is None, "ON CONFLICT DO NOTHING adds nothing")`,
  },
  "cohort-insert": {
    design: SYNTHETIC["cohort-insert"]!,
    with: ["cohort-member-ids"],
    script: `
check(call(cohort_id=3, person_id=9, version=1).inserted_count == 1, "adds the member")
check(m("list_cohort_person_ids")(Req(cohort_id=3)).person_ids == [9], "a later read sees it")
check([(x.cohort_id, x.is_member) for x in fake._cohort_memberships[9]] == [(3, True)], "the memberships mirror follows")`,
  },
  "hash-key-override-delete": {
    design: REBUILT_RPCS["delete-hash-key-overrides-by-teams"]!,
    script: `check(call(team_ids=[1], batch_size=10).deleted_count == 0, "the unmodelled table answers zero")`,
  },
  "person-or-unmapped": {
    design: SYNTHETIC["person-or-unmapped"]!,
    script: `check(call(team_id=1).count == 0, "the honest placeholder answers zero")`,
  },
};

/** Our stand-in of FakePersonHogClient: the stores as the catalogue describes them, and builders. */
const HARNESS = String.raw`
import json, sys
from dataclasses import dataclass
from typing import Any

@dataclass
class _Call:
    method: str
    request: Any
    response: Any = None

class _Message:
    def __init__(self, **fields):
        for k, v in fields.items():
            setattr(self, k, v)

class Req(_Message):
    pass

class _Module:
    def __getattr__(self, name):
        return type(name, (_Message,), {})

modules = {n: _Module() for n in ("person_pb2", "group_pb2", "cohort_pb2", "feature_flag_pb2", "common_pb2")}
pb = modules

def message(name, **fields):
    return type(name, (_Message,), {})(**fields)

class FakeBase:
    def __init__(self):
        self.calls = []
        self._persons_by_id, self._persons_by_uuid, self._persons_by_distinct_id = {}, {}, {}
        self._distinct_ids = {}
        self._group_type_mappings_by_project, self._group_type_mappings_by_team = {}, {}
        self._groups = {}
        self._cohort_memberships, self._cohort_members = {}, {}

    def add_person(self, *, team_id, person_id, uuid="", last_seen_at=0, distinct_ids=()):
        person = message("Person", id=person_id, uuid=uuid, team_id=team_id, properties=b"{}", created_at=0,
                         version=0, is_identified=False, is_user_id=False, last_seen_at=last_seen_at)
        self._persons_by_id[(team_id, person_id)] = person
        if uuid:
            self._persons_by_uuid[(team_id, uuid)] = person
        for did in distinct_ids:
            self._persons_by_distinct_id[(team_id, did)] = person
            self._distinct_ids.setdefault((team_id, person_id), []).append(
                message("DistinctIdWithVersion", distinct_id=did, version=0))

    def add_group(self, *, team_id, group_type_index, group_key, id=0):
        self._groups[(team_id, group_type_index, group_key)] = message(
            "Group", id=id, team_id=team_id, group_type_index=group_type_index, group_key=group_key,
            group_properties=b"{}", created_at=0, version=0)

    def add_group_type_mapping(self, *, project_id, team_id=0, group_type, group_type_index):
        mapping = message("GroupTypeMapping", id=0, team_id=team_id, project_id=project_id, group_type=group_type,
                          group_type_index=group_type_index, name_singular="", name_plural="")
        self._group_type_mappings_by_project.setdefault(project_id, []).append(mapping)
        if team_id:
            self._group_type_mappings_by_team.setdefault(team_id, []).append(mapping)

    def add_cohort_membership(self, *, person_id, cohort_id):
        self._cohort_memberships.setdefault(person_id, []).append(message("CohortMembership", cohort_id=cohort_id))
        self._cohort_members[(cohort_id, person_id)] = True

class _Stub:
    def __getattr__(self, rpc):
        return lambda request, timeout: {"rpc": rpc, "timeout": timeout}

results = {}
cases = json.load(sys.stdin)
for case in cases:
    failures = []
    try:
        scope = {"_Call": _Call, "FakeBase": FakeBase, **modules}
        fakes = "\n".join(c for c in case["fakes"])
        exec("from __future__ import annotations\nclass Client:\n" + case["client"] + "\nclass Fake(FakeBase):\n" + fakes, scope)
        client = scope["Client"]()
        client._stub, client._timeout = _Stub(), 5.0
        fake = scope["Fake"]()
        method = case["method"]
        def call(**fields):
            before = len(fake.calls)
            response = getattr(fake, method)(Req(**fields))
            if [c.method for c in fake.calls[before:]] != [method]:
                failures.append("the call was not recorded once under its name")
            if type(response).__name__ != case["response"]:
                failures.append(f"answers a {type(response).__name__}")
            return response
        def m(name):
            return getattr(fake, name)
        def check(ok, what):
            if not ok:
                failures.append(what)
        exec(case["script"], {**scope, "fake": fake, "call": call, "m": m, "check": check, "Req": Req})
        stub = getattr(client, method)(Req())
        if stub != {"rpc": case["rpc"], "timeout": 5.0}:
            failures.append(f"the wrapper called {stub}")
        takes_timeout = "timeout" in getattr(client, method).__code__.co_varnames
        if takes_timeout != case["write"]:
            failures.append("a write's wrapper, and only a write's, takes a timeout")
        elif takes_timeout and getattr(client, method)(Req(), timeout=30.0)["timeout"] != 30.0:
            failures.append("the wrapper ignores its timeout")
    except Exception as e:
        failures.append(f"{type(e).__name__}: {e}")
    results[case["name"]] = failures
print(json.dumps(results))
`;

function fakeOf(design: Design) {
  const snippets = pythonSnippets(generateInput(design));
  const get = (id: string) => snippets.find((s) => s.id === id)!;
  return { client: get("python-client-method"), fake: get("python-fake-method") };
}

describe("the generated fake methods, run against a stand-in FakePersonHogClient", () => {
  let results: Record<string, string[]> = {};
  before(() => {
    const cases = Object.entries(SCENARIOS)
      .filter(([, s]) => s.script !== "")
      .map(([name, s]) => {
        const { d } = generateInput(s.design);
        const others = (s.with ?? []).map((w) => fakeOf(SCENARIOS[w]!.design).fake.code);
        return {
          name,
          client: fakeOf(s.design).client.code,
          fakes: [fakeOf(s.design).fake.code, ...others],
          method: d.snake,
          rpc: s.design.rpcName,
          response: d.responseMessage,
          write: s.design.operation === "write",
          script: s.script,
        };
      });
    const run = spawnSync("python3", ["-c", HARNESS], {
      input: JSON.stringify(cases),
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    results = JSON.parse(run.stdout) as Record<string, string[]>;
  });

  for (const [name, s] of Object.entries(SCENARIOS)) {
    if (s.script === "") continue;
    it(`${name}: answers from the stores`, () => assert.deepEqual(results[name], []));
  }

  it("computes every state-backed case and keeps the TODO, with its reason, where it cannot", () => {
    const todo = (name: string) => fakeOf(SCENARIOS[name]!.design).fake.code.includes("TODO");
    for (const name of Object.keys(SCENARIOS).filter((n) => !/hash-key|unmapped/.test(n)))
      assert.equal(todo(name), false, `${name} is not state-backed`);
    assert.match(
      fakeOf(SYNTHETIC["person-or-unmapped"]!).fake.code,
      /# TODO: compute the answer from self\._persons_by_id \(keyed \(team_id, person_id\)\) \(not generated: the conditions use OR\)\./,
    );
    assert.match(
      fakeOf(REBUILT_RPCS["delete-hash-key-overrides-by-teams"]!).fake.code,
      /no posthog_featureflaghashkeyoverride rows/,
    );
  });
});

describe("a join's fake body", () => {
  const real = REBUILT_RPCS["get-person-by-distinct-id"]!;
  const REAL_ON = "ON p.id = d.person_id AND p.team_id = d.team_id";
  assert.ok(real.sql.includes(REAL_ON));
  const joinedOn = (on: string) =>
    fakeOf({ ...real, sql: real.sql.replace(REAL_ON, on) }).fake.code;

  it("reads the dict of persons by distinct id when the join follows its key, however written", () => {
    for (const on of [
      REAL_ON,
      "ON d.team_id = p.team_id AND d.person_id = p.id",
      "ON person_id = p.id AND p.team_id = d.team_id",
    ]) {
      const body = joinedOn(on);
      assert.match(body, /self\._persons_by_distinct_id\.get\(/, on);
      assert.doesNotMatch(body, /TODO/, on);
    }
  });

  it("keeps the TODO when the join is on other keys, or on only part of the key", () => {
    for (const on of [
      "ON p.team_id = d.team_id",
      "ON p.id = d.person_id",
      "ON p.id = d.id AND p.team_id = d.team_id",
      "ON p.id = d.person_id AND p.team_id = d.team_id AND p.version = d.version",
      "ON p.id = d.person_id AND d.team_id = d.team_id",
    ]) {
      const body = joinedOn(on);
      assert.match(
        body,
        /# TODO: compute the answer .*\(not generated: self\._persons_by_distinct_id holds rows joined on posthog_persondistinctid's team_id and person_id/s,
        on,
      );
      assert.doesNotMatch(body, /_persons_by_distinct_id\.get\(/, on);
    }
  });
});
