/**
 * Content-coding negotiation (RFC 9110 §12.5.3) for files stored precompressed: which of the
 * codings on hand a request's Accept-Encoding allows, best first. Bounded: a header longer than
 * MAX_HEADER is read as absent.
 */
export type Coding = "br" | "gzip";

/** A file compressed at build time lies beside the original under this suffix. */
export const CODING_SUFFIX: Readonly<Record<Coding, string>> = { br: ".br", gzip: ".gz" };

const MAX_HEADER = 1024;
/** Smaller first at equal preference. */
const PREFERENCE: readonly Coding[] = ["br", "gzip"];

function qualities(header: string): Map<string, number> {
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const qParam = params.find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name === "x-gzip" ? "gzip" : name, Number.isFinite(value) ? value : 0);
  }
  return q;
}

/**
 * The coding to send among `available`, or "identity" when none is acceptable. Identity is
 * always the fallback: a server may send it even when the client lists it at q=0.
 */
export function chooseCoding(
  acceptEncoding: string | null,
  available: readonly Coding[],
): Coding | "identity" {
  if (!acceptEncoding || acceptEncoding.length > MAX_HEADER) return "identity";
  const q = qualities(acceptEncoding);
  const wildcard = q.get("*") ?? 0;
  let best: Coding | "identity" = "identity";
  let bestQ = 0;
  for (const coding of PREFERENCE) {
    if (!available.includes(coding)) continue;
    const value = q.get(coding) ?? wildcard;
    if (value > bestQ) {
      best = coding;
      bestQ = value;
    }
  }
  return best;
}
