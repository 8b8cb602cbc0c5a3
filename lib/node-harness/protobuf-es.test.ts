import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { tsProperty } from "../escape/typescript";
import { localName, protobufEsModules } from "./protobuf-es";

const TYPES = `syntax = "proto3";
package personhog.types.v1;
import "personhog/types/v1/common.proto";
enum LifecycleOpType {
  LIFECYCLE_OP_TYPE_UNSPECIFIED = 0;
  LIFECYCLE_OP_TYPE_DELETE = 1;
}
message CountThingsRequest {
  int64 team_id = 1;
  repeated int64 cohort_ids = 2;
  optional string name = 3;
  int32 group_type_index_2 = 4;
  bytes constructor = 5;
  LifecycleOpType op = 6;
  ReadOptions read_options = 7;
}
`;
const COMMON = `syntax = "proto3";
package personhog.types.v1;
message ReadOptions { int32 consistency = 1; }
`;
const SERVICE = `syntax = "proto3";
package personhog.service.v1;
import "personhog/types/v1/thing.proto";
service PersonHogService {
  rpc CountThings(personhog.types.v1.CountThingsRequest) returns (personhog.types.v1.CountThingsRequest);
}
`;

describe("protobufEsModules", () => {
  const modules = protobufEsModules([
    { path: "personhog/types/v1/common.proto", text: COMMON },
    { path: "personhog/types/v1/thing.proto", text: TYPES },
    { path: "personhog/service/v1/service.proto", text: SERVICE },
  ]);

  it("writes messages as protoc-gen-es v2 types them", () => {
    const thing = modules.get("personhog/types/v1/thing_pb")!;
    for (const line of [
      'import type { ReadOptions } from "./common_pb";',
      'export type CountThingsRequest = Message<"personhog.types.v1.CountThingsRequest"> & {',
      "  teamId: bigint;",
      "  cohortIds: bigint[];",
      "  name?: string;",
      "  groupTypeIndex2: number;",
      "  constructor$: Uint8Array;",
      "  op: LifecycleOpType;",
      "  readOptions?: ReadOptions;",
      "export declare const CountThingsRequestSchema: GenMessage<CountThingsRequest>;",
      "  UNSPECIFIED = 0,",
      "  DELETE = 1,",
    ])
      assert.ok(thing.includes(line), line);
  });

  it("writes a service's methods in lowerCamel with their schemas, imported across packages", () => {
    const service = modules.get("personhog/service/v1/service_pb")!;
    assert.ok(
      service.includes('import type { CountThingsRequestSchema } from "../../types/v1/thing_pb";'),
    );
    assert.ok(
      service.includes(
        '  countThings: { methodKind: "unary"; input: typeof CountThingsRequestSchema; output: typeof CountThingsRequestSchema };',
      ),
    );
  });

  it("names fields as the wrapper generator's tsProperty does, for any snake_case name", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    fc.assert(fc.property(name, (n) => localName(n) === tsProperty(n)));
    for (const n of ["to_string", "value_of", "to_j_s_o_n", "field_1_name"])
      assert.equal(localName(n), tsProperty(n), n);
  });
});
