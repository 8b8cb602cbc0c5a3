/**
 * Step 4: the build and test commands, and the checklist marked from the design and the SQL lab
 * (see mark.ts). What the design cannot know (a command passing on your machine) stays "to do".
 */
import { markOfSql, type Mark } from "../design/mark";
import { designProblems } from "../design/rules";
import { stepOfProblem } from "../design/steps";
import type { GenerateInput, Generator } from "./context";
import { serviceFiles } from "./proto";
import { rustPlan } from "./rust-types";
import { snippet } from "./snippet-builder";

/** A mark the design or the SQL lab earned, or "todo": only the author can confirm it. */
export type ItemState = Mark | "todo";

export interface ChecklistItem {
  readonly id: string;
  readonly text: string;
  readonly state: ItemState;
  /** Why a warning or a failure, or what is still to come. */
  readonly why?: string;
}

/**
 * One item as a Markdown task, the same in the PR description and the zip: only a pass is ticked;
 * a warning is an open question for the reviewer. `text` escapes design text for the output.
 */
const TASK_LINE: Readonly<Record<ItemState, (text: string, why: string) => string>> = {
  pass: (text) => `- [x] ${text}`,
  todo: (text) => `- [ ] ${text}`,
  warning: (text, why) => `- [ ] Reviewer: accept or refuse. ${text}, with a warning: ${why}`,
  failed: (text, why) => `- [ ] ${text}. Failed: ${why}`,
  unchecked: (text) => `- [ ] ${text} (not checked yet)`,
};

export const taskLine = (item: ChecklistItem, text: (s: string) => string = (s) => s): string =>
  TASK_LINE[item.state](text(item.text), item.why ? text(item.why) : "");

/** What the Rust work is, by who serves the RPC (rustPlan().leaderOnly): replica or leader. */
function rustText({ design }: GenerateInput, leader: boolean): string {
  const served = leader
    ? "personhog-leader handler"
    : "Rust storage trait + postgres impl + service handler";
  return design.target === "guide"
    ? `${served} + router wiring all implemented`
    : `${served}; router KNOWN_METHODS entry in byte order${leader ? " and leader match arm" : ""}`;
}

/** The test doubles a new method must be added to before the crates' tests compile. */
function stubsText({ design }: GenerateInput, leader: boolean): string {
  if (leader)
    return design.target === "current"
      ? "The router's TestLeaderService implements the new method"
      : "The router's LeaderOps and LeaderBackend implement the new method";
  return design.target === "current"
    ? "Replica mocks (FailingStorage, SuccessStorage) and the router's TestReplicaService implement the new method"
    : "Replica mocks (FailingStorage, SuccessStorage), the router's MockBackend and TestReplicaService implement the new method";
}

export function checklist(input: GenerateInput): ChecklistItem[] {
  const { design, d, sql } = input;
  const errors = designProblems(design, sql.facts).filter((p) => p.severity === "error");
  const errorsAt = (prefix: string) =>
    errors.filter((p) => stepOfProblem(p) !== "rust" && p.path.startsWith(prefix));
  const failedAt = (...prefixes: string[]) =>
    prefixes.some((prefix) => errorsAt(prefix).length) ? "failed" : "pass";
  const binds = errors.filter((p) => stepOfProblem(p) === "rust");
  const sqlState = markOfSql(sql);
  const files = serviceFiles(input).map((f) => f.file.split("/").pop());
  const leader = rustPlan(input).leaderOnly;
  const items: ChecklistItem[] = [
    {
      id: "index",
      text: "Query uses an existing index (no seq scans)",
      state: sqlState,
      why:
        sqlState === "unchecked"
          ? "The SQL lab has not checked it yet."
          : sqlState === "pass"
            ? undefined
            : sql.reasons.join(" "),
    },
    {
      id: "messages",
      text: `Proto messages added to types/v1/${design.domain}.proto`,
      state: failedAt("request", "response"),
    },
    { id: "rpc", text: `RPC added to ${files.join(" and ")}`, state: failedAt("rpcName") },
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
      text: rustText(input, leader),
      ...(binds.length
        ? { state: "failed" as const, why: binds.map((p) => p.message).join(" ") }
        : { state: "todo" as const }),
    },
    { id: "stubs", text: stubsText(input, leader), state: "todo" },
    { id: "tests", text: "Tests added at storage, service, and router layers", state: "todo" },
    { id: "cargo", text: "cargo build and cargo test pass for all three crates", state: "todo" },
  ];
  if (d.replicaPersonWrite)
    items.push({
      id: "temporary-route",
      text: "Served by the replica on its primary pool as a temporary measure, beside the person deletes; the TODO to move it to the leader applies to it",
      state: "todo",
    });
  if (d.leaderWrite) {
    const leader = errorsAt("leaderSafety");
    items.push({
      id: "at-least-once",
      text: "The leader write converges under redelivery or carries an idempotency key",
      state: leader.length ? "failed" : "pass",
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
    code: [
      "cargo build -p personhog-proto",
      "cargo build -p personhog-replica",
      "cargo build -p personhog-router",
      "cargo test -p personhog-replica",
      "cargo test -p personhog-router",
    ],
    notes: [
      input.design.target === "current" &&
        "The router test compares KNOWN_METHODS with service.proto: it fails until both list the RPC.",
    ],
  }),
  snippet({
    id: "verify-checklist",
    file: "(pull request description)",
    anchor: "paste into the PR",
    code: checklist(input).map((item) => taskLine(item)),
    notes: [],
  }),
];
