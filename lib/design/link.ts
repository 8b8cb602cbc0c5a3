/**
 * The design in the URL fragment. Rules: the fragment never reaches a server; `v` names the
 * format; only fields that differ from the worked example are written; decoding never throws and
 * returns the design plus messages for everything it could not use.
 *
 * Versions: 1 held `name` and `sql` as plain parameters; 2 holds the design as base64url JSON in
 * `d`. A v1 link is migrated by reading those two fields into the worked example.
 */
import { WORKED_EXAMPLE } from "./defaults";
import type { Design } from "./model";
import { validateDesign } from "./validate";

export const LINK_VERSION = 2;
export const MAX_FRAGMENT_LENGTH = 64 * 1024;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** Only what differs from the worked example, so links stay short. */
function delta(design: Design): Partial<Design> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(design)) {
    if (JSON.stringify(value) !== JSON.stringify(WORKED_EXAMPLE[key as keyof Design]))
      out[key] = value;
  }
  return out as Partial<Design>;
}

export function encodeDesignLink(design: Design): string {
  return `#v=${LINK_VERSION}&d=${toBase64Url(JSON.stringify(delta(design)))}`;
}

export interface DecodedLink {
  /** null when the fragment held no design at all. */
  readonly design: Design | null;
  readonly warnings: string[];
}

export function decodeDesignLink(hash: string): DecodedLink {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!raw) return { design: null, warnings: [] };
  if (raw.length > MAX_FRAGMENT_LENGTH)
    return {
      design: null,
      warnings: ["The link is too long to read; nothing was loaded from it."],
    };
  const params = new URLSearchParams(raw);
  const version = params.get("v");
  if (version === "1") {
    const migrated = {
      ...WORKED_EXAMPLE,
      rpcName: params.get("name") ?? WORKED_EXAMPLE.rpcName,
      sql: params.get("sql") ?? WORKED_EXAMPLE.sql,
    };
    const { design, problems } = validateDesign(migrated);
    return { design, warnings: problems.map((p) => p.message) };
  }
  if (version !== String(LINK_VERSION)) {
    return {
      design: null,
      warnings: [
        `The link has format version ${version ?? "(none)"}; this workbench reads versions 1 and ${LINK_VERSION}. Nothing was loaded.`,
      ],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(params.get("d") ?? ""));
  } catch {
    return {
      design: null,
      warnings: [
        "The link's design is damaged (it may have been cut off); nothing was loaded from it.",
      ],
    };
  }
  const base =
    typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? { ...WORKED_EXAMPLE, ...parsed }
      : parsed;
  const { design, problems } = validateDesign(base);
  return {
    design,
    warnings: problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
  };
}
