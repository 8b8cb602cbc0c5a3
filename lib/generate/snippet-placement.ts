/**
 * Where each proto and Rust snippet lands in its file, by snippet id: the one table the rustfmt
 * check (which formats a snippet at its real nesting depth) and the compile harness (which pastes
 * it into a skeleton of PostHog's crates) both read. A new snippet id needs a row here.
 */
/** What each kind of snippet is, and the column it starts at: rustfmt's widths count from there. */
const PLACEMENT_COLUMN = {
  "trait-item": 4, // a declaration inside the trait the anchor names (`inside \`pub trait X\``)
  "impl-item": 4, // a method inside the impl block the anchor names
  item: 0, // a top-level item appended to the file
  "storage-type": 0, // a struct appended to storage/types/<domain>.rs, re-exported by mod.rs
  "known-method": 4, // a string in `pub const KNOWN_METHODS`, at the position the anchor gives
  "match-arm": 12, // an arm of `match method_name` in the raw proxy's `handle`
  "proto-message": 0, // messages appended to a proto file
  "proto-rpc": 2, // an rpc line inside the service the anchor names
} as const;
export type SnippetPlacement = keyof typeof PLACEMENT_COLUMN;

export const SNIPPET_PLACEMENT: Readonly<Record<string, SnippetPlacement>> = {
  "proto-messages": "proto-message",
  "proto-rpc-service": "proto-rpc",
  "proto-rpc-replica": "proto-rpc",
  "proto-rpc-leader": "proto-rpc",
  "rust-storage-trait": "trait-item",
  "rust-router-backend-trait": "trait-item",
  "rust-router-leader-ops": "trait-item",
  "rust-storage-postgres": "impl-item",
  "rust-service-handler": "impl-item",
  "rust-mock-failing": "impl-item",
  "rust-mock-success": "impl-item",
  "rust-leader-handler": "impl-item",
  "rust-router-method": "impl-item",
  "rust-router-service": "impl-item",
  "rust-router-backend-replica": "impl-item",
  "rust-router-leader-backend": "impl-item",
  "rust-router-mock-backend": "impl-item",
  "rust-router-test-replica": "impl-item",
  "rust-router-test-leader": "impl-item",
  "rust-storage-type": "storage-type",
  "rust-storage-test": "item",
  "rust-service-test": "item",
  "rust-router-test": "item",
  "rust-router-integration-test": "item",
  "rust-proxy-known-method": "known-method",
  "rust-proxy-leader-arm": "match-arm",
};

export const placementOf = (id: string): SnippetPlacement | undefined =>
  Object.hasOwn(SNIPPET_PLACEMENT, id) ? SNIPPET_PLACEMENT[id] : undefined;

/** Where a snippet's code starts in its file; a snippet with no placement starts at the margin. */
export const columnOf = (id: string) => PLACEMENT_COLUMN[placementOf(id) ?? "item"];

/**
 * The comment group a proto rpc line joins (`// Cohort membership`), read back from the anchor
 * proto.ts writes (`…, last in its "// Cohort membership" group`); null when the anchor names none.
 */
export const rpcGroupOf = (anchor: string): string | null =>
  /in its "\/\/ ([^"\n]+)" group/.exec(anchor)?.[1] ?? null;

export const rpcGroupAnchor = (service: string, group: string | null) =>
  group
    ? `inside service ${service}, last in its "// ${group}" group`
    : `inside service ${service}, one rpc per line`;

/**
 * Where a request/response pair goes in its types file, as the real files group them: a read after
 * the last read request (one carrying `read_options`) of its kind and its responses, before any
 * `// ====` banner (`kin`: group.proto keeps group reads, then group type mapping reads, told apart
 * by that word in the request's name); a write last in its banner's section
 * (`// Group write operations`), or at the end of a file without banners, where they keep writes.
 */
export type MessageSection =
  | { readonly kind: "reads"; readonly kin?: { readonly word: string; readonly has: boolean } }
  | { readonly kind: "writes"; readonly banner: string | null };

const BEFORE_BANNERS = 'and its response, before any "// ====" banner';

export function messageSectionAnchor(section: MessageSection): string {
  if (section.kind === "reads") {
    const kin = section.kin;
    const which = !kin ? "" : kin.has ? ` named *${kin.word}*` : ` not named *${kin.word}*`;
    return `with the reads: after the last request${which} carrying read_options ${BEFORE_BANNERS}`;
  }
  return section.banner
    ? `last in its "// ${section.banner}" section`
    : "with the writes, after the last message of the file";
}

/** The section read back from the anchor `messageSectionAnchor` wrote; other anchors append. */
export function messageSectionOf(anchor: string): MessageSection {
  if (anchor.startsWith("with the reads:")) {
    const kin = /request (not )?named \*(\w+)\*/.exec(anchor);
    return kin ? { kind: "reads", kin: { word: kin[2]!, has: !kin[1] } } : { kind: "reads" };
  }
  const banner = /^last in its "\/\/ ([^"\n]+)" section/.exec(anchor)?.[1] ?? null;
  return { kind: "writes", banner };
}
