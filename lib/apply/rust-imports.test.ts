import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addRustImports, formatUseList } from "./rust-imports";

describe("rustfmt-shaped use lists", () => {
  it("keeps a short list on one line, sorted", () => {
    const text = "use a::b::{Zed, Alpha};\n\nfn f() {}\n";
    assert.equal(
      addRustImports(text, "a::b", ["Mid"]),
      "use a::b::{Alpha, Mid, Zed};\n\nfn f() {}\n",
    );
  });

  it("fills lines short of 100 columns, as rustfmt does", () => {
    const items = ["GetPersonResponse", "ReadOptions", "RemovePersonFromCohortsRequest"];
    const long = formatUseList("use personhog_proto::personhog::types::v1::", [
      ...items,
      "RemovePersonFromCohortsResponse",
      "UpdatePersonPropertiesRequest",
    ]);
    assert.equal(
      long,
      "use personhog_proto::personhog::types::v1::{\n    GetPersonResponse, ReadOptions, RemovePersonFromCohortsRequest,\n    RemovePersonFromCohortsResponse, UpdatePersonPropertiesRequest,\n};",
    );
  });

  it("adds nothing already imported and a new use line when there is no list", () => {
    const text = "use x::Y;\n";
    assert.equal(addRustImports(text, "x", ["Y"]), text);
    assert.equal(addRustImports(text, "z", ["W"]), "use x::Y;\nuse z::W;\n");
  });
});
