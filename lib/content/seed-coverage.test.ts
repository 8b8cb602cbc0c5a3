/**
 * Every step and checklist item of the guide users know ("adding a personhog RPC") must appear in
 * our content. The topics are restated here as patterns over our own words.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const DIR = path.join(import.meta.dirname, "..", "..", "content", "guide");
const all = readdirSync(DIR)
  .filter((f) => f.endsWith(".md"))
  .map((f) => readFileSync(path.join(DIR, f), "utf8"))
  .join("\n")
  .toLowerCase();

const STEPS: [string, RegExp[]][] = [
  ["eligibility check: the table list and stopping otherwise", [/generated: eligibility/, /stop/]],
  [
    "step 0: design the SQL, index scan never sequential scan",
    [/sequential scan/, /seq scan/, /strong/, /eventual/, /cross-team|across teams/],
  ],
  [
    "step 1: message types in types/v1/<domain>.proto",
    [/types\/v1\//, /service\.proto/, /replica\.proto/, /leader\.proto/, /identical/],
  ],
  [
    "step 2: Python generation and the three files",
    [/generate_personhog_proto\.sh/, /__init__\.py/, /client\.py/, /fake_client\.py/],
  ],
  [
    "step 2: Node generation and SERVICE_DEFAULTS",
    [/generate:personhog-proto/, /service_defaults/, /client\.test\.ts/],
  ],
  ["step 2: Rust needs no generation step", [/cargo build/, /tonic/]],
  [
    "step 3a: storage trait, postgres impl, metrics, pools, empty batches, storage tests",
    [
      /storage\/traits/,
      /query_as!|query!/,
      /db_query_duration/,
      /db_rows_returned/,
      /replica_pool/,
      /primary_pool/,
      /empty/,
      /storage_tests\.rs/,
    ],
  ],
  [
    "step 3b: service handler and service tests",
    [/service\/mod\.rs/, /status/, /service_tests\.rs/],
  ],
  [
    "step 3c: router wiring",
    [
      /route_request/,
      /datacategory/,
      /operationtype/,
      /call_backend!/,
      /backend\/mod\.rs/,
      /replica\.rs/,
      /rstest/,
    ],
  ],
  [
    "step 4: verify commands",
    [
      /cargo build -p personhog-proto/,
      /cargo build -p personhog-replica/,
      /cargo build -p personhog-router/,
      /cargo test -p personhog-replica/,
      /cargo test -p personhog-router/,
    ],
  ],
  ["the leader at-least-once rule", [/at-least-once|at least once/, /idempotency key/]],
  [
    "current code: KNOWN_METHODS and the operations classes",
    [/known_methods/, /nodejs\/src\/common\/personhog/],
  ],
  [
    "references: proto conventions and the worked example",
    [/int64/, /bytes/, /optional/, /read_options/, /getpersoncount/],
  ],
];

describe("the guide covers every step and checklist item of the seed", () => {
  for (const [topic, patterns] of STEPS) {
    it(topic, () => {
      for (const pattern of patterns) assert.match(all, pattern, `${topic}: ${pattern}`);
    });
  }

  it("restates all eight checklist items", () => {
    const checklist = readFileSync(path.join(DIR, "checklist.md"), "utf8").toLowerCase();
    // One pattern per item, each naming what that item asks for, not just its topic word.
    for (const item of [
      /served by an existing index/,
      /types\/v1\/<domain>\.proto/,
      /declared in `service\.proto` and `replica\.proto`/,
      /python is done.*__init__\.py.*client\.py.*fake_client\.py/s,
      /node\.js is done.*service_defaults/s,
      /storage trait method, its postgres implementation, the\s+service handler, and the router wiring/,
      /tests cover all three layers.*storage, service and router/s,
      /`cargo build` and `cargo test` pass/,
    ]) {
      assert.match(checklist, item);
    }
  });
});
