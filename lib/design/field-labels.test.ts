import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_DESIGN } from "./defaults";
import { FIELD_LABELS, fieldLabel, fieldPlace } from "./field-labels";
import CASES from "./field-labels.cases.json" with { type: "json" };

describe("field labels", () => {
  it("name every design field, none by its key", () => {
    assert.deepEqual(Object.keys(FIELD_LABELS).sort(), Object.keys(EMPTY_DESIGN).sort());
    for (const [key, label] of Object.entries(FIELD_LABELS)) assert.notEqual(label, key);
  });

  it("spell a path as the form shows it, counting fields from 1; an unknown path as it is", () => {
    for (const [path, want] of Object.entries(CASES.fieldLabel))
      assert.equal(fieldLabel(path), want, `fieldLabel(${path})`);
  });

  it("say where to check a field", () => {
    for (const [path, want] of Object.entries(CASES.fieldPlace))
      assert.equal(fieldPlace(path), want, `fieldPlace(${path})`);
  });
});
