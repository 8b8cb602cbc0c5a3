/**
 * Plan → verdicts. Pure: it reads EXPLAIN JSON (made with enable_seqscan = off, so a sequential
 * scan that survives means no index can serve the predicate) and never touches a database.
 */
import { personhogTable } from "../catalogue/tables";
import { SCAN_TYPES, walkPlan, type ExplainOutput, type PlanNode } from "./plan";
import { parentIndex, parentTable } from "./relations";
import { findIndex } from "./schema";
import { bySeverity, type Verdict } from "./verdict";

export interface AnalysisContext {
  /** Partition index name → the index it was created from. */
  readonly indexParents: Readonly<Record<string, string>>;
}

interface Scan {
  readonly node: PlanNode;
  /** The node naming the index: the scan itself, or a Bitmap Index Scan beneath it. */
  readonly indexNode: PlanNode;
  readonly table: string;
  readonly index: string | null;
}

function findIndexNode(root: PlanNode): PlanNode | undefined {
  let found: PlanNode | undefined;
  walkPlan(root, (node) => {
    if (!found && node["Index Name"]) found = node;
  });
  return found;
}

function collectScans(root: PlanNode, ctx: AnalysisContext): Scan[] {
  const scans: Scan[] = [];
  walkPlan(root, (node) => {
    const relation = node["Relation Name"];
    if (!relation || !SCAN_TYPES.has(node["Node Type"])) return;
    const indexNode = node["Index Name"] ? node : (findIndexNode(node) ?? node);
    const name = indexNode["Index Name"];
    const index = name ? parentIndex(name, ctx.indexParents) : null;
    scans.push({ node, indexNode, table: parentTable(relation), index });
  });
  return scans;
}

/**
 * A real lookup constrains the index's leading column. With seq scans disabled the planner walks a
 * whole index instead (no Index Cond), and PostgreSQL 18 skip-scans on a later column: both read
 * every entry, so both count as sequential.
 */
function isLookup(scan: Scan): boolean {
  const cond = scan.indexNode["Index Cond"];
  if (scan.node["Node Type"] === "Seq Scan" || !scan.index || !cond) return false;
  const leading = findIndex(scan.index)?.columns[0];
  return !leading || new RegExp(`\\b${leading}\\b`).test(cond);
}

function seqScanVerdict(scan: Scan): Verdict {
  const filter = scan.node.Filter ? ` Its predicate ${scan.node.Filter} matches no index.` : "";
  return {
    severity: "error",
    rule: "seq-scan",
    table: scan.table,
    index: null,
    message: `${scan.table} is read by a sequential scan: no index can serve this query.${filter}`,
    advice:
      "Filter on the leading columns of an existing index (see the database indexes reference), or propose a new index.",
  };
}

function indexVerdict(scan: Scan): Verdict {
  const cond = scan.indexNode["Index Cond"];
  return {
    severity: "info",
    rule: "index-scan",
    table: scan.table,
    index: scan.index,
    message: `${scan.table} is read through ${scan.index ?? "an index"} (${scan.node["Node Type"]})${cond ? ` on ${cond}` : ""}.`,
    advice: "",
  };
}

function notEligibleVerdict(table: string): Verdict {
  return {
    severity: "error",
    rule: "not-eligible",
    table,
    index: null,
    message: `${table} is not a personhog table, so this query does not belong in personhog.`,
    advice: "Keep this access in Django or the service that owns the table.",
  };
}

export function analyzePlan(explain: ExplainOutput, ctx: AnalysisContext): Verdict[] {
  const scans = collectScans(explain.Plan, ctx);
  const verdicts: Verdict[] = [];
  const ineligible = new Set(scans.map((s) => s.table).filter((t) => !personhogTable(t)));
  for (const table of ineligible) verdicts.push(notEligibleVerdict(table));
  for (const scan of scans) {
    if (ineligible.has(scan.table)) continue;
    verdicts.push(isLookup(scan) ? indexVerdict(scan) : seqScanVerdict(scan));
  }
  return dedupe(verdicts).sort(bySeverity);
}

/** Partitions repeat the same finding; one line per (rule, table, index) is enough. */
function dedupe(verdicts: Verdict[]): Verdict[] {
  const seen = new Set<string>();
  return verdicts.filter((v) => {
    const key = `${v.rule}|${v.table}|${v.index}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
