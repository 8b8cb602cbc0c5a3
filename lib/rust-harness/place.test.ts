import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Snippet } from "../generate/snippet";
import { placeSnippets, type Tree } from "./place";
import PROXY_CASES from "./place.cases.json" with { type: "json" };
import { matchingBrace, stringLiteralValue } from "./scan";

function snippet(id: string, file: string, anchor: string, code: string): Snippet {
  const language = id.startsWith("proto") ? "proto" : "rust";
  return { id, step: "rust", file, language, anchor, code, notes: [] };
}

describe("scan", () => {
  it("skips braces in strings, raw strings, chars and comments", () => {
    const src = `impl X { fn a() { let s = "{"; let r = r#"}"#; let c = '}'; } // }\n /* { */ }`;
    assert.equal(matchingBrace(src, src.indexOf("{")), src.length - 1);
  });

  it("tells a lifetime from a char literal", () => {
    const src = "fn f<'a>(x: &'a str) { '{' }";
    assert.equal(matchingBrace(src, src.indexOf("{")), src.length - 1);
  });

  it("reads string literal values", () => {
    assert.equal(stringLiteralValue('r#"a "b"\n"#'), 'a "b"\n');
    assert.equal(stringLiteralValue('"a\\"b\\n\\u{41}"'), 'a"b\nA');
  });
});

describe("placeSnippets", () => {
  const TRAIT = "rust/personhog-replica/src/storage/traits/person.rs";

  it("puts a method last in the block the anchor names, at its depth", () => {
    const tree: Tree = new Map([
      [
        TRAIT,
        'pub trait PersonLookup: Send + Sync {\n    fn a(&self) -> &str { "}" }\n}\n\npub trait Other {}\n',
      ],
    ]);
    const errors = placeSnippets(tree, [
      snippet("rust-storage-trait", TRAIT, "inside `pub trait PersonLookup`", "fn b(&self);"),
    ]);
    assert.deepEqual(errors, []);
    assert.equal(
      tree.get(TRAIT),
      'pub trait PersonLookup: Send + Sync {\n    fn a(&self) -> &str { "}" }\n\n    fn b(&self);\n}\n\npub trait Other {}\n',
    );
  });

  it("reports an anchor the skeleton lacks instead of guessing", () => {
    const tree: Tree = new Map([[TRAIT, "pub trait PersonLookupV2 {}\n"]]);
    const errors = placeSnippets(tree, [
      snippet("rust-storage-trait", TRAIT, "inside `pub trait PersonLookup`", "fn b(&self);"),
      snippet("rust-storage-trait", "rust/nowhere.rs", "inside `pub trait X`", "fn c();"),
      snippet("rust-new-thing", TRAIT, "somewhere", "fn d();"),
    ]);
    assert.equal(errors.length, 3);
    assert.match(errors[0]!, /no `pub trait PersonLookup \{` block/);
    assert.match(errors[1]!, /the skeleton has no rust\/nowhere\.rs/);
    assert.match(errors[2]!, /no placement for snippet rust-new-thing/);
  });

  // The router's proxy.rs, from a case table: its text, snippets of one id placed, the text after.
  for (const { does, id, text, placements, want } of PROXY_CASES)
    it(does, () => {
      const file = "rust/personhog-router/src/proxy.rs";
      const tree: Tree = new Map([[file, text]]);
      const snippets = placements.map((p) => snippet(id, file, p.anchor, p.code));
      assert.deepEqual(placeSnippets(tree, snippets), []);
      assert.equal(tree.get(file), want);
    });

  it("adds rpc lines inside the named service and imports the new messages where used", () => {
    const proto = "proto/personhog/service/v1/service.proto";
    const handler = "rust/personhog-replica/src/service/mod.rs";
    const tree: Tree = new Map([
      [proto, "service PersonHogService {\n  rpc A(a.B) returns (a.C);\n}\n"],
      [
        handler,
        "use personhog_proto::personhog::types::v1::{GetPersonRequest, Group};\n\nimpl PersonHogReplica for PersonHogReplicaService {\n}\n",
      ],
    ]);
    const errors = placeSnippets(tree, [
      snippet(
        "proto-rpc-service",
        proto,
        "inside service PersonHogService, one rpc per line",
        "rpc CountX(personhog.types.v1.CountXRequest) returns (personhog.types.v1.GroupsResponse);",
      ),
      snippet(
        "rust-service-handler",
        handler,
        "inside `impl PersonHogReplica for PersonHogReplicaService`, in its domain's section",
        "async fn count_x(&self, r: Request<CountXRequest>) -> Result<Response<GroupsResponse>, Status> {}",
      ),
    ]);
    assert.deepEqual(errors, []);
    assert.match(tree.get(proto)!, /\n  rpc CountX\(.*\);\n\}\n$/);
    assert.match(
      tree.get(handler)!,
      /^use personhog_proto::personhog::types::v1::\{CountXRequest, GetPersonRequest, Group, GroupsResponse\};/,
    );
  });

  it("re-exports a new storage type from storage/mod.rs", () => {
    const types = "rust/personhog-replica/src/storage/types/person.rs";
    const mod = "rust/personhog-replica/src/storage/mod.rs";
    const tree: Tree = new Map([
      [types, "pub struct Person {}\n"],
      [mod, "pub mod types;\n\npub use types::{Group, Person};\n"],
    ]);
    placeSnippets(tree, [
      snippet("rust-storage-type", types, "append", "pub struct PersonStats {\n    pub n: i64,\n}"),
    ]);
    assert.match(tree.get(mod)!, /pub use types::\{Group, Person, PersonStats\};/);
    assert.match(tree.get(types)!, /\n\npub struct PersonStats \{/);
  });
});
