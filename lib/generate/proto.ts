/**
 * Step 1: the request/response messages in the domain file and the identical `rpc` lines.
 * Field numbers follow declaration order from 1; `read_options` is appended last on reads.
 */
import type { RpcGroup } from "../catalogue/existing-rpcs";
import { PROTO_PATHS } from "../catalogue/paths";
import type { Design, FieldDesign } from "../design/model";
import type { GenerateInput, Generator } from "./context";
import { commentText } from "../escape/comment";
import { protoComment } from "../escape/proto";
import { code, paragraphs } from "./code";
import { snippet } from "./snippet-builder";
import { messageSectionAnchor, rpcGroupAnchor, type MessageSection } from "./snippet-placement";

const TYPES_PACKAGE = "personhog.types.v1";
const PERSON_DELETES: RpcGroup = "Person deletes";

export function rpcLine(rpc: string, request: string, response: string): string {
  return `rpc ${rpc}(${TYPES_PACKAGE}.${request}) returns (${TYPES_PACKAGE}.${response});`;
}

/** A field, its comment on the line above it as personhog's protos write them. */
function fieldLines(f: FieldDesign, number: number): string[] {
  const label = f.repeated ? "repeated " : f.optional ? "optional " : "";
  const line = `${label}${f.type} ${f.name} = ${number};`;
  return commentText(f.comment) ? [protoComment(f.comment), line] : [line];
}

function message(name: string, fields: readonly FieldDesign[], readOptions = false) {
  return code`
    message ${name} {
      ${fields.flatMap((f, i) => fieldLines(f, i + 1))}
      ${readOptions && `ReadOptions read_options = ${fields.length + 1};`}
    }
  `;
}

/** A group-domain design about group type mappings alone, which have groups of their own. */
const mappingsOnly = ({ tables }: Design) =>
  tables.includes("posthog_grouptypemapping") && !tables.includes("posthog_group");

/** Which service files declare the rpc line for this design and target. */
export function serviceFiles({ d }: GenerateInput): { file: string; service: string }[] {
  const service = { file: PROTO_PATHS.service, service: "PersonHogService" };
  // No version of replica.proto declares a leader write (era B's UpdatePersonProperties included).
  if (d.leaderWrite) return [service, { file: PROTO_PATHS.leader, service: "PersonHogLeader" }];
  return [service, { file: PROTO_PATHS.replica, service: "PersonHogReplica" }];
}

/**
 * The comment group of service.proto and replica.proto an rpc joins, by domain and what it
 * touches (`// Cohort membership`, `// Group type mappings`, `// Group writes (routed to replica
 * …)`); the shortest form, since replica.proto drops the suffixes. Null for a leader write: its
 * groups are per feature (property updates, fences), so it goes last. A person write the replica
 * serves joins `// Person deletes`, the banner both files keep the replica's person writes under
 * (replica.proto's: `(temporary: should move to leader once it supports deletes)`). Names are
 * spelled as both files spell them (`// Person lookups by distinct ID`, `// Feature flag hash key
 * override support`); apply also finds a group by the RPCs already in it (RPC_GROUPS), where a
 * file words its heading otherwise or has none.
 */
export function rpcGroup({ design, d }: GenerateInput): RpcGroup | null {
  const write = design.operation === "write";
  const { domain, tables } = design;
  if (d.leaderWrite) return null;
  if (d.replicaPersonWrite) return PERSON_DELETES;
  if (domain === "cohort") return "Cohort membership";
  if (domain === "feature_flag") return "Feature flag hash key override support";
  if (domain === "group" && mappingsOnly(design))
    return write ? "Group type mapping writes" : "Group type mappings";
  if (domain === "group") return write ? "Group writes" : "Groups";
  if (write) return null;
  if (!tables.includes("posthog_persondistinctid")) return "Person lookups by ID";
  return tables.includes("posthog_person")
    ? "Person lookups by distinct ID"
    : "Distinct ID operations";
}

/**
 * The section of the types file the messages join: the reads (group.proto's of groups or of group
 * type mappings), or a write's banner section (group.proto's `// Group write operations`,
 * `// GroupTypeMapping write operations`); writes of files without banners go last, as others do.
 */
export function messageSection({ design }: GenerateInput): MessageSection {
  if (design.operation === "read")
    return design.domain === "group"
      ? { kind: "reads", kin: { word: "GroupTypeMapping", has: mappingsOnly(design) } }
      : { kind: "reads" };
  const banner =
    design.domain !== "group"
      ? null
      : mappingsOnly(design)
        ? "GroupTypeMapping write operations"
        : "Group write operations";
  return { kind: "writes", banner };
}

/** replica.proto heads the person lookups by id `// Person lookups`, without service.proto's "by ID". */
const REPLICA_GROUPS: Readonly<Record<string, string>> = {
  "Person lookups by ID": "Person lookups",
};

const groupIn = (service: string, group: string | null) =>
  service === "PersonHogReplica" && group !== null ? (REPLICA_GROUPS[group] ?? group) : group;

export const protoSnippets: Generator = (input) => {
  const { design, d } = input;
  const readOptions = design.operation === "read" && design.readOptions;
  const response = design.response.kind === "new" ? design.response.fields : null;
  const group = rpcGroup(input);
  return [
    snippet({
      id: "proto-messages",
      file: PROTO_PATHS.types(design.domain),
      anchor: messageSectionAnchor(messageSection(input)),
      code: paragraphs([
        message(d.requestMessage, design.request, readOptions),
        response && message(d.responseMessage, response),
      ]),
      notes: [!response && `${d.responseMessage} already exists; it is reused, not redeclared.`],
    }),
    ...serviceFiles(input).map((target) =>
      snippet({
        id: `proto-rpc-${target.service.replace("PersonHog", "").toLowerCase()}`,
        file: target.file,
        anchor: rpcGroupAnchor(target.service, groupIn(target.service, group)),
        code: rpcLine(d.rpc, d.requestMessage, d.responseMessage),
        notes: [
          "The line must be identical in every service file: the router forwards requests unchanged.",
          group === PERSON_DELETES &&
            target.service === "PersonHogService" &&
            "The replica serves this person write on its primary pool as a temporary measure, as it does DeletePersons: the WARNING under `// Person deletes` covers it, and its TODO (migrate routing to the leader) applies to it too.",
        ],
      }),
    ),
  ];
};
