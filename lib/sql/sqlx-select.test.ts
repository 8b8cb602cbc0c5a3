import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { STORAGE_ROWS } from "../catalogue/storage-rows";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { designProblems } from "../design/rules";
import { ROW_RULE } from "../design/sql-agreement";
import { stepOfProblem } from "../design/steps";
import { fitScalar, fitSelect } from "./sqlx-select";

const GROUP = STORAGE_ROWS.Group!;
const items = (sql: string | null) =>
  (sql ?? "")
    .split("\n")
    .slice(1, -1)
    .map((l) => l.trim().replace(/,$/, ""));

describe("the SELECT list written for query_as!", () => {
  it("casts int4 ids to bigint with !, marks NOT NULL jsonb Options with ?, and adds missing fields", () => {
    const fit = fitSelect(
      "SELECT id, group_key FROM posthog_group WHERE team_id = $1",
      "Group",
      GROUP,
    );
    assert.deepEqual(fit.problems, []);
    assert.deepEqual(items(fit.sql), [
      'id::bigint as "id!"',
      'team_id::bigint as "team_id!"',
      "group_type_index",
      "group_key",
      "group_properties",
      "created_at",
      'properties_last_updated_at as "properties_last_updated_at?"',
      'properties_last_operation as "properties_last_operation?"',
      "version",
    ]);
    assert.match(fit.sql!, /\nFROM posthog_group WHERE team_id = \$1$/);
    assert.ok(fit.notes.some((n) => n.includes("also reads team_id, group_type_index")));
  });

  it("qualifies by the table's alias, writes out *, and forces ! on a nullable column", () => {
    const fit = fitSelect(
      "SELECT m.* FROM posthog_grouptypemapping m WHERE m.team_id = $1",
      "GroupTypeMapping",
      STORAGE_ROWS.GroupTypeMapping!,
    );
    const list = items(fit.sql);
    assert.equal(list[0], 'm.id::bigint as "id!"');
    assert.equal(list[2], 'm.project_id as "project_id!"');
    assert.equal(list[8], 'm.detail_dashboard_id::bigint as "detail_dashboard_id"');
    assert.ok(fit.notes.some((n) => /project_id may be NULL/.test(n)));
  });

  it("reads past strings, comments and quoted names", () => {
    const sql = `SELECT id /* , x FROM y */, 'a, FROM' AS "group_key" FROM posthog_group`;
    const fit = fitSelect(sql, "Group", GROUP);
    assert.deepEqual(fit.problems, []);
    assert.ok(items(fit.sql).includes(`'a, FROM' as "group_key!"`));
  });

  it("refuses a column the struct has no field for, and a field no column fills", () => {
    const extra = fitSelect("SELECT id, is_deleted FROM posthog_person", "Group", GROUP);
    assert.equal(extra.sql, null);
    assert.ok(extra.problems.some((p) => p.includes('"is_deleted"')));
    assert.ok(extra.problems.some((p) => p.includes("Group.group_key has no column")));
  });

  it("leaves what it cannot read as written, with a note", () => {
    const fit = fitSelect("INSERT INTO posthog_group DEFAULT VALUES RETURNING *", "Group", GROUP);
    assert.equal(fit.sql, null);
    assert.deepEqual(fit.problems, []);
    assert.equal(fit.notes.length, 1);
  });

  it("makes a SELECT that cannot fill the struct an error on the Rust step", () => {
    const design = {
      ...DESIGN_FIXTURES["group-read-current"]!,
      sql: "SELECT id, uuid FROM posthog_group WHERE team_id = $1",
    };
    const problems = designProblems(design).filter((p) => p.rule === ROW_RULE);
    assert.ok(problems.length > 0);
    assert.ok(problems.every((p) => p.severity === "error" && stepOfProblem(p) === "rust"));
    assert.deepEqual(
      designProblems(DESIGN_FIXTURES["group-read-current"]!).filter((p) => p.rule === ROW_RULE),
      [],
    );
  });
});

describe("the value written for query_scalar!", () => {
  it('overrides an expression\'s nullability as PostHog writes COUNT(*) as "count!"', () => {
    assert.equal(
      fitScalar("SELECT COUNT(*) FROM posthog_person WHERE team_id = $1", "count", "i64"),
      'SELECT COUNT(*) as "count!" FROM posthog_person WHERE team_id = $1',
    );
    assert.equal(
      fitScalar("SELECT count(*) AS total\nFROM posthog_group", "count", "i64"),
      'SELECT count(*) as "total!"\nFROM posthog_group',
    );
  });

  it("casts an int4 column and leaves a NOT NULL column of the right type alone", () => {
    assert.equal(
      fitScalar("SELECT id FROM posthog_group WHERE team_id = $1", "ids", "i64"),
      'SELECT id::bigint as "id!" FROM posthog_group WHERE team_id = $1',
    );
    assert.equal(fitScalar("SELECT group_key FROM posthog_group", "key", "String"), null);
  });

  it("leaves statements that already say it, or are not one plain value, as written", () => {
    for (const sql of [
      'SELECT COUNT(*) as "count!" FROM posthog_person',
      "SELECT id, team_id FROM posthog_group",
      "SELECT * FROM posthog_group",
      "UPDATE posthog_person SET version = 1",
    ])
      assert.equal(fitScalar(sql, "count", "i64"), null, sql);
  });
});
