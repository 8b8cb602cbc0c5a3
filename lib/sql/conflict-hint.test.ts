import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { conflictHint } from "./conflict-hint";

const PG = "there is no unique or exclusion constraint matching the ON CONFLICT specification";

describe("conflictHint", () => {
  it("names the target table's unique keys, partial and per-partition indexes aside", () => {
    const hint = conflictHint(
      PG,
      "INSERT INTO public.posthog_person (uuid) VALUES ($1) ON CONFLICT (uuid) DO NOTHING",
    );
    assert.equal(
      hint,
      "The unique keys of posthog_person are (team_id, id) and (team_id, uuid): name one of them as the conflict target (`ON CONFLICT (team_id, uuid)`), all of its columns and no other.",
    );
    assert.match(
      conflictHint(PG, 'insert into "posthog_group" (id) values (1)') ?? "",
      /\(team_id, group_key, group_type_index\)/,
    );
  });

  it("adds nothing to other errors, or for a table outside the schema", () => {
    assert.equal(conflictHint('syntax error at or near "x"', "INSERT INTO posthog_person"), null);
    assert.equal(conflictHint(PG, "INSERT INTO elsewhere (a) VALUES (1)"), null);
    assert.equal(conflictHint(PG, "SELECT 1"), null);
  });
});
