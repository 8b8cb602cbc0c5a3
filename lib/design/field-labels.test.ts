import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_DESIGN } from "./defaults";
import { FIELD_LABELS, fieldLabel, fieldPlace } from "./field-labels";

describe("field labels", () => {
  it("name every design field, none by its key", () => {
    assert.deepEqual(Object.keys(FIELD_LABELS).sort(), Object.keys(EMPTY_DESIGN).sort());
    for (const [key, label] of Object.entries(FIELD_LABELS)) assert.notEqual(label, key);
  });

  it("spell a path as the form shows it, counting fields from 1", () => {
    assert.equal(fieldLabel("categoryOverride"), "Classify the RPC by its purpose");
    assert.equal(fieldLabel("request.0.name"), "Request fields, field 1, name");
    assert.equal(fieldLabel("response.fields.2.type"), "Response, field 3, type");
    assert.equal(fieldLabel("mystery.0"), "mystery.0", "an unknown path is shown as it is");
  });

  it("say where to check a field", () => {
    assert.equal(fieldPlace("target"), "at the top of the workbench");
    assert.equal(fieldPlace("leaderSafety"), "on the Eligibility step");
    assert.equal(fieldPlace("personWriteBackend"), "on the Eligibility step");
    assert.equal(fieldPlace("sql"), "on the Access pattern step");
    assert.equal(fieldPlace("request.1.type"), "on the Proto step");
    assert.equal(fieldPlace("nodeLayout"), "in the Node client code");
  });
});
