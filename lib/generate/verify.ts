/**
 * Step 4: the build and test commands, and the checklist ticked from the design itself. Items the
 * design cannot know (a command passing on your machine) stay unticked for you to tick.
 */
import { designProblems } from "../design/rules";
import type { GenerateInput, Generator } from "./context";
import { serviceFiles } from "./proto";
import { snippet } from "./snippet-builder";

export interface ChecklistItem {
  readonly id: string;
  readonly text: string;
  /** "done" from the design, "todo" for you to confirm, "blocked" when the design says no. */
  readonly state: "done" | "todo" | "blocked";
  readonly why?: string;
}

export const VERIFY_COMMANDS = [
  "cargo build -p personhog-proto",
  "cargo build -p personhog-replica",
  "cargo build -p personhog-router",
  "cargo test -p personhog-replica",
  "cargo test -p personhog-router",
];

export function checklist(input: GenerateInput): ChecklistItem[] {
  const { design, d, sql } = input;
  const problems = designProblems(design);
  const errorsAt = (prefix: string) =>
    problems.filter((p) => p.severity === "error" && p.path.startsWith(prefix));
  const sqlState =
    sql === "pass" || sql === "warning" ? "done" : sql === "unchecked" ? "todo" : "blocked";
  const files = serviceFiles(input).map((f) => f.file.split("/").pop());
  const items: ChecklistItem[] = [
    {
      id: "index",
      text: "Query uses an existing index (no seq scans)",
      state: sqlState,
      why: sql === "unchecked" ? "Check the SQL in the lab." : `The lab says ${sql}.`,
    },
    {
      id: "messages",
      text: `Proto messages added to types/v1/${design.domain}.proto`,
      state: errorsAt("request").length || errorsAt("response").length ? "blocked" : "done",
    },
    {
      id: "rpc",
      text: `RPC added to ${files.join(" and ")}`,
      state: errorsAt("rpcName").length ? "blocked" : "done",
    },
    {
      id: "python",
      text: "Python stubs generated, proto/__init__.py updated, client.py method added, fake_client.py updated",
      state: "todo",
    },
    {
      id: "node",
      text:
        design.target === "guide"
          ? "Node.js stubs generated, client.test.ts SERVICE_DEFAULTS updated"
          : `Node.js stubs generated, ${d.domain.nodeOps.file}.ts wrapper if Node calls it, common/personhog/client.test.ts SERVICE_DEFAULTS updated`,
      state: "todo",
    },
    {
      id: "rust",
      text:
        design.target === "guide"
          ? "Rust storage trait + postgres impl + service handler + router wiring all implemented"
          : "Rust storage trait + postgres impl + service handler; router KNOWN_METHODS entry in byte order",
      state: "todo",
    },
    ...(design.target === "current"
      ? [
          {
            id: "stubs",
            text: "Replica mocks (FailingStorage, SuccessStorage) and the router's TestReplicaService implement the new method",
            state: "todo" as const,
          },
        ]
      : []),
    { id: "tests", text: "Tests added at storage, service, and router layers", state: "todo" },
    { id: "cargo", text: "cargo build and cargo test pass for all three crates", state: "todo" },
  ];
  if (d.leaderWrite) {
    const leader = errorsAt("leaderSafety");
    items.push({
      id: "at-least-once",
      text: "The leader write converges under redelivery or carries an idempotency key",
      state: leader.length ? "blocked" : "done",
      why: leader[0]?.message,
    });
  }
  return items;
}

export const verifySnippets: Generator = (input) => [
  snippet({
    id: "verify-commands",
    file: "(terminal)",
    anchor: "from rust/, PostHog's Cargo workspace",
    code: VERIFY_COMMANDS,
    notes:
      input.design.target === "current"
        ? [
            "The router test compares KNOWN_METHODS with service.proto: it fails until both list the RPC.",
          ]
        : [],
  }),
  snippet({
    id: "verify-checklist",
    file: "(pull request description)",
    anchor: "paste into the PR",
    code: checklist(input).map((item) => `- [${item.state === "done" ? "x" : " "}] ${item.text}`),
    notes: [],
  }),
];
