import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_DESIGN } from "./defaults";
import { FIELD_LABELS, fieldLabel, fieldPlace } from "./field-labels";
import { itAnswersEach } from "../test-cases";
import CASES from "./field-labels.cases.json" with { type: "json" };

describe("field labels", () => {
  it("name every design field, none by its key", () => {
    assert.deepEqual(Object.keys(FIELD_LABELS).sort(), Object.keys(EMPTY_DESIGN).sort());
    for (const [key, label] of Object.entries(FIELD_LABELS)) assert.notEqual(label, key);
  });

  itAnswersEach({ fieldLabel, fieldPlace }, CASES);
});
