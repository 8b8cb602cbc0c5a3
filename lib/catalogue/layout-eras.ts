/**
 * Which era of PostHog's code each layout shows, and where the two differ: the wizard shows this
 * beside its layout switch, and the layout's label (design/model.ts) names the era. Facts from
 * code-facts §0 (eras A/B/C), §5 and §7; paths from paths.ts, so a moved file changes once.
 */
import { NODE_PATHS, ROUTER_FILES, RUST_PATHS } from "./paths";
import type { Layout } from "./routing";

/** The era of PostHog's code the guide's layout is written against, as its label names it. */
export const GUIDE_ERA = "at the router's typed era";

/** Each layout in a sentence, where it is chosen. */
export const LAYOUT_SUMMARIES: Readonly<Record<Layout, string>> = {
  guide: `The written guide's layout, ${GUIDE_ERA} (before the router became a byte proxy); PostHog's code has since moved on.`,
  current:
    "PostHog's code as it is today, which is the code a change lands in: the default for a new design.",
};

/** One thing the two layouts do differently; `backticks` mark code. */
export interface LayoutDifference {
  readonly topic: string;
  readonly guide: string;
  readonly current: string;
}

const path = (p: string) => `\`${p}\``;

export const LAYOUT_DIFFERENCES: readonly LayoutDifference[] = [
  {
    topic: "Router",
    guide: `The typed router: a method per RPC in ${path(ROUTER_FILES.typed)}, a service impl through \`route_request!\`, a backend trait method and its \`retry_call!\`.`,
    current: `A byte proxy only, ${path(ROUTER_FILES.proxy)}: no method per RPC, no backend or service code.`,
  },
  {
    topic: "Forwarding",
    guide:
      '`call_backend!(self, "Name", method, request)` to the replica; `call_leader!` for a person write.',
    current:
      "Every name in `KNOWN_METHODS` goes to the replica; a leader route is one match arm calling `raw_proxy_to_leader`.",
  },
  {
    topic: "KNOWN_METHODS",
    guide:
      "Listed too: the byte proxy already ran beside the typed router (`PROXY_MODE=raw`), and its test compares the list with service.proto.",
    current: "The router change for a replica RPC: one name, in byte order.",
  },
  {
    topic: "Router tests",
    guide: `\`MockBackend\` in ${path(RUST_PATHS.router.serviceMocks)} must implement the method.`,
    current: `\`TestReplicaService\` (and \`TestLeaderService\`) in ${path(RUST_PATHS.router.proxyTestsCommon)} must.`,
  },
  {
    topic: "Node client",
    guide: `Operations classes in ${path(NODE_PATHS.ingestion.operations("persons"))} and ${path(NODE_PATHS.ingestion.operations("groups"))}: the guide names ${path(NODE_PATHS.ingestion.wrapper)}, whose \`PersonHogClient\` has no \`this.client\` to call.`,
    current: `Operations classes in ${path(NODE_PATHS.common.wrapper("persons"))} and ${path(NODE_PATHS.common.wrapper("groups"))} (the Node layout choice can pick the ingestion client's layout instead).`,
  },
];
