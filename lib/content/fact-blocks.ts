/**
 * Facts the guide shares with the generators, rendered from the catalogue: routing per kind of
 * RPC in each layout, which service protos declare an RPC, the Node client's layouts, and the
 * lists of RPC names prose refers to. The page text around them never restates these lists.
 */
import { DOMAIN_FACTS } from "../catalogue/domains";
import { LEADER_METHODS } from "../catalogue/existing-rpcs";
import {
  NODE_CLIENT_LAYOUTS,
  PROTO_PATHS,
  SERVICE_PROTOS,
  type NodeClientLayout,
} from "../catalogue/paths";
import {
  STRONG_READ_LEADER_METHODS,
  STRONG_READ_REPLICA_PERSON_READS,
  currentRoute,
  existingRpcsOf,
  replicaPersonWrites,
  routeRequest,
  type Consistency,
  type CurrentRoute,
} from "../catalogue/routing";
import { PERSONHOG_TABLES, type DataCategory } from "../catalogue/tables";
import { codeList, markdownTable } from "./markdown-blocks";

export interface RpcKindRow {
  readonly label: string;
  readonly category: DataCategory;
  readonly operation: "read" | "write";
  /** The consistencies the row covers: person reads split by it, the rest take both. */
  readonly consistencies: readonly Consistency[];
}

export const RPC_KIND_ROWS: readonly RpcKindRow[] = [
  {
    label: "PersonData read, eventual (the default)",
    category: "PersonData",
    operation: "read",
    consistencies: ["eventual"],
  },
  {
    label: "PersonData read, strong",
    category: "PersonData",
    operation: "read",
    consistencies: ["strong"],
  },
  {
    label: "PersonData write",
    category: "PersonData",
    operation: "write",
    consistencies: ["eventual"],
  },
  {
    label: "NonPersonData read",
    category: "NonPersonData",
    operation: "read",
    consistencies: ["eventual", "strong"],
  },
  {
    label: "NonPersonData write",
    category: "NonPersonData",
    operation: "write",
    consistencies: ["eventual"],
  },
];

/** One outcome in words; the same words in both columns, so they compare. */
export function outcomeWords(route: CurrentRoute): string {
  if (!route.served) return `refused by the replica with \`${route.code}\``;
  if (route.backend === "leader") return "the leader";
  return `the replica, on its ${route.pool === "primary_pool" ? "primary" : "replica"} pool`;
}

/** Leader first, refusals last, so a row reads from the special case to the rule. */
const outcomeRank = (words: string) =>
  ["the leader", "primary pool", "replica pool", "refused"].findIndex((w) => words.includes(w));

function byConsistency(row: RpcKindRow, words: (c: Consistency) => string): string {
  if (row.consistencies.length === 1) return words(row.consistencies[0] ?? "eventual");
  const all = row.consistencies.map((c) => ({ c, w: words(c) }));
  if (new Set(all.map((x) => x.w)).size === 1) return all[0]?.w ?? "";
  return all.map(({ c, w }) => `${c}: ${w}`).join("; ");
}

/** The written guide's rule for a kind of RPC. */
export function guideCell(row: RpcKindRow): string {
  return byConsistency(row, (c) => {
    const route = routeRequest(row.category, row.operation, c);
    return outcomeWords({
      served: true,
      backend: route.backend,
      pool: route.backend === "leader" ? null : route.pool,
    });
  });
}

/**
 * Today's code for a kind of RPC: the existing RPCs of that kind grouped by where the router sends
 * them. One group needs no names; several are listed one per line with their RPCs.
 */
export function currentCell(row: RpcKindRow): string {
  const rpcs = existingRpcsOf(row.category, row.operation);
  const groups = new Map<string, string[]>();
  for (const rpc of rpcs) {
    const words = byConsistency(row, (c) => outcomeWords(currentRoute(rpc, c)));
    groups.set(words, [...(groups.get(words) ?? []), rpc]);
  }
  if (groups.size === 1) return [...groups.keys()][0] ?? "";
  return [...groups]
    .sort(([a], [b]) => outcomeRank(a) - outcomeRank(b))
    .map(([words, names]) => `${words}: ${codeList(names)}`)
    .join("<br>");
}

/** Where each kind of RPC goes in the written guide's layout and in today's code. */
export function routingTable(): string {
  return markdownTable(
    ["Kind of RPC", "The written guide's layout", "Today's code"],
    RPC_KIND_ROWS.map((row) => [row.label, guideCell(row), currentCell(row)]),
  );
}

const fileName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** Which service protos declare an RPC, by who serves it; the same in both layouts. */
export function protoFilesTable(): string {
  const files = ["service", "replica", "leader"] as const;
  const rows: [string, keyof typeof SERVICE_PROTOS][] = [
    [
      "The replica: every NonPersonData RPC, the other person reads, and the person writes that stay on the replica",
      "replica",
    ],
    [
      `The leader only: a person write the router sends there, such as ${codeList(LEADER_METHODS)}`,
      "leader",
    ],
    [
      `Both: ${codeList(STRONG_READ_LEADER_METHODS)} (the leader answers its strong reads)`,
      "replica-and-leader",
    ],
  ];
  return markdownTable(
    [
      "Who serves the RPC, in the written guide's layout and in today's code",
      ...files.map((f) => `\`${fileName(PROTO_PATHS[f])}\``),
    ],
    rows.map(([who, key]) => [
      who,
      ...files.map((f) => (SERVICE_PROTOS[key].includes(f) ? "yes" : "no")),
    ]),
  );
}

function nodeWrapper(layout: NodeClientLayout): string {
  const w = layout.wrappers;
  if (w.in === "client") return `a method of \`PersonHogClient\` in \`${w.file}\``;
  const person = DOMAIN_FACTS.person.nodeOps.className;
  const group = DOMAIN_FACTS.group.nodeOps.className;
  return `a method of \`${person}\` in \`${w.persons}\`, or of \`${group}\` in \`${w.groups}\``;
}

function nodeRecognise(layout: NodeClientLayout): string {
  const w = layout.wrappers;
  if (w.in === "client") return `\`${w.file}\` has one method per RPC`;
  return `\`${w.persons}\` and \`${fileName(w.groups)}\` sit beside a \`client.ts\` that only builds them`;
}

/** The Node client's layouts: how to recognise each, and where the two edits go. */
export function nodeLayoutsTable(): string {
  return markdownTable(
    ["Layout", "How to recognise it", "Where a wrapper goes", "Where `SERVICE_DEFAULTS` is"],
    NODE_CLIENT_LAYOUTS.map((layout) => [
      layout.name,
      nodeRecognise(layout),
      nodeWrapper(layout),
      `\`${layout.serviceDefaults}\`${layout.typedDefaults ? ", typed: a missing entry does not compile" : ""}`,
    ]),
  );
}

/** Names prose refers to, as inline code lists (a sentence reads them, so no table). */
export const NAME_LISTS: Readonly<Record<string, () => string>> = {
  "leader-methods": () => codeList(LEADER_METHODS),
  "replica-person-writes": () => codeList(replicaPersonWrites()),
  "strong-read-leader": () => codeList(STRONG_READ_LEADER_METHODS),
  "strong-read-replica": () => codeList(STRONG_READ_REPLICA_PERSON_READS),
  "unused-tables": () => codeList(PERSONHOG_TABLES.filter((t) => t.unusedToday).map((t) => t.name)),
};
