import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fieldIdent, protoToRust, snakeCase, upperCamel } from "./proto-to-rust";
import { itAnswersEach } from "../test-cases";
import NAME_CASES from "./proto-to-rust.cases.json" with { type: "json" };

const TYPES = `syntax = "proto3";
package personhog.types.v1;

enum ConsistencyLevel {
  CONSISTENCY_LEVEL_UNSPECIFIED = 0;
  CONSISTENCY_LEVEL_EVENTUAL = 1;
  CONSISTENCY_LEVEL_STRONG = 2;
}

message ReadOptions {
  ConsistencyLevel consistency = 1;
}

message ListThingsRequest {
  int64 team_id = 1;
  int32 limit = 2;
  repeated string keys = 3;
  bytes blob = 4;
  optional int64 cursor = 5;
  optional string label = 6;
  uint64 big = 7;
  string type = 8;
  map<string, int64> counts = 9;
  ReadOptions read_options = 10;
  oneof filter {
    int64 person_id = 11;
    string distinct_id = 12;
  }
  message Inner {
    bool on = 1;
  }
  repeated Inner inners = 13;
}
`;

const SERVICE = `syntax = "proto3";
package personhog.service.v1;
import "personhog/types/v1/things.proto";
service PersonHogService {
  rpc ListThings(personhog.types.v1.ListThingsRequest) returns (personhog.types.v1.ReadOptions);
}
`;

const rust = protoToRust([
  { path: "types.proto", text: TYPES },
  { path: "service.proto", text: SERVICE },
]);
const types = rust.get("personhog.types.v1")!;
const service = rust.get("personhog.service.v1")!;

describe("names, as prost and tonic (heck) spell them", () => {
  itAnswersEach({ snakeCase, upperCamel, fieldIdent }, NAME_CASES);
});

describe("protoToRust", () => {
  it("maps field types as prost does", () => {
    for (const line of [
      "pub team_id: i64,",
      "pub limit: i32,",
      "pub keys: ::std::vec::Vec<::std::string::String>,",
      "pub blob: ::std::vec::Vec<u8>,",
      "pub cursor: ::core::option::Option<i64>,",
      "pub label: ::core::option::Option<::std::string::String>,",
      "pub big: u64,",
      "pub r#type: ::std::string::String,",
      "pub counts: ::std::collections::HashMap<::std::string::String, i64>,",
      "pub read_options: ::core::option::Option<crate::personhog::types::v1::ReadOptions>,",
      "pub filter: ::core::option::Option<list_things_request::Filter>,",
      "pub inners: ::std::vec::Vec<crate::personhog::types::v1::list_things_request::Inner>,",
      "pub consistency: i32,",
    ])
      assert.ok(types.includes(`    ${line}`), `missing ${line}`);
  });

  it("gives enum fields and optional scalars prost's getters", () => {
    assert.match(
      types,
      /pub fn consistency\(&self\) -> crate::personhog::types::v1::ConsistencyLevel/,
    );
    assert.match(types, /pub fn cursor\(&self\) -> i64/);
    assert.match(types, /pub fn label\(&self\) -> &str/);
  });

  it("strips the enum's name from its values and defaults to zero", () => {
    assert.match(types, /#\[default\]\n {4}Unspecified = 0,\n {4}Eventual = 1,\n {4}Strong = 2,/);
    assert.match(
      types,
      /"CONSISTENCY_LEVEL_STRONG" => ::core::option::Option::Some\(Self::Strong\)/,
    );
  });

  it("puts oneofs and nested messages in the message's module", () => {
    assert.match(
      types,
      /pub mod list_things_request \{[\s\S]*pub struct Inner \{[\s\S]*pub enum Filter \{\n {4}PersonId\(i64\),\n {4}DistinctId\(::std::string::String\),/,
    );
  });

  it("writes tonic's server trait and client for each service", () => {
    assert.match(
      service,
      /pub mod person_hog_service_server \{\n {4}#\[::tonic::async_trait\]\n {4}pub trait PersonHogService:/,
    );
    assert.match(
      service,
      /async fn list_things\(&self, request: ::tonic::Request<crate::personhog::types::v1::ListThingsRequest>\) -> ::core::result::Result<::tonic::Response<crate::personhog::types::v1::ReadOptions>, ::tonic::Status>;/,
    );
    assert.match(service, /const NAME: &'static str = "personhog\.service\.v1\.PersonHogService";/);
    assert.match(
      service,
      /pub async fn list_things\(&mut self, request: impl ::tonic::IntoRequest<crate::personhog::types::v1::ListThingsRequest>\)/,
    );
  });

  it("names the proto file that does not parse", () => {
    assert.throws(
      () => protoToRust([{ path: "bad.proto", text: 'syntax = "proto3"; message {' }]),
      /^Error: bad\.proto: /,
    );
  });

  it("refuses references to messages that do not exist", () => {
    const text = 'syntax = "proto3"; package p; message M { Missing m = 1; }';
    assert.throws(() => protoToRust([{ path: "m.proto", text }]), /Missing/);
  });
});
