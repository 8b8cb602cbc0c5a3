/**
 * Fragment → design, for any string: never throws, and every problem becomes a warning that names
 * it. Steps: bound the size, read `v`, read the data as that version carries it, migrate the
 * payload up to the current version, then validate it field by field.
 */
import type { Design } from "../design/model";
import { fragmentOf } from "./fragment";
import { LINK_VERSION, MAX_FRAGMENT_LENGTH } from "./limits";
import type { BulkyPart } from "./omit";
import { readDesign } from "./read-design";
import { migrate, VERSIONS } from "./versions";

export interface DecodedLink {
  /** null only when the fragment held nothing usable at all (or was empty). */
  readonly design: Design | null;
  /** Every problem, in plain words naming what was wrong (and the field path where there is one). */
  readonly warnings: string[];
  /** Parts the author left out on purpose. */
  readonly omitted: BulkyPart[];
  /** The version the link declared, when it declared one. */
  readonly version: number | null;
}

type Result = Omit<DecodedLink, "warnings">;

/** A crafted link can hold thousands of unknown keys; the reader needs the first few. */
const MAX_WARNINGS = 40;

const nothing = (version: number | null): Result => ({ design: null, omitted: [], version });

/** The declared version, or null with a warning when there is none or it is not a number. */
function declaredVersion(raw: string | null, warnings: string[]): number | null {
  if (!raw) {
    warnings.push("The link has no format version (v); nothing was loaded.");
    return null;
  }
  if (/^\d{1,9}$/.test(raw)) return Number(raw);
  warnings.push(
    `The link's format version ${JSON.stringify(raw.slice(0, 20))} is not a number; nothing was loaded.`,
  );
  return null;
}

async function decode(fragment: string, warnings: string[]): Promise<Result> {
  if (!fragment) return nothing(null);
  if (fragment.length > MAX_FRAGMENT_LENGTH) {
    warnings.push(
      `The link is ${fragment.length} characters long, over the limit of ${MAX_FRAGMENT_LENGTH}; it was refused and nothing was loaded.`,
    );
    return nothing(null);
  }
  const params = new URLSearchParams(fragment);
  const version = declaredVersion(params.get("v"), warnings);
  if (version === null) return nothing(null);
  // A newer version is read as the current one: its data may still be there in the same form.
  const readAs = Math.min(version, LINK_VERSION);
  const format = VERSIONS[readAs];
  if (!format) {
    warnings.push(
      `The link's format version ${version} is unknown; this workbench reads versions 1 to ${LINK_VERSION}. Nothing was loaded.`,
    );
    return nothing(version);
  }
  if (version > LINK_VERSION)
    warnings.push(
      `This link was made by a newer workbench (format version ${version}); this one reads up to version ${LINK_VERSION}, so it was read as version ${LINK_VERSION}. Check the design.`,
    );
  for (const key of new Set(params.keys())) {
    if (key !== "v" && !format.params.includes(key))
      warnings.push(`The link has an unknown part "${key.slice(0, 40)}"; it was ignored.`);
    // Readers could disagree on which copy counts; every reader here takes the first, and says so.
    else if (params.getAll(key).length > 1)
      warnings.push(`The link has its part "${key}" more than once; only the first was read.`);
  }
  const payload = await format.read(params, warnings);
  if (!payload) return nothing(version);
  const { design, omitted } = readDesign(migrate(payload, readAs), warnings);
  return { design, omitted, version };
}

export async function decodeDesignLink(hashOrUrl: string): Promise<DecodedLink> {
  const warnings: string[] = [];
  let result: Result;
  try {
    result = await decode(fragmentOf(hashOrUrl), warnings);
  } catch (error) {
    // A bug, not bad input: the input paths above turn every problem into a warning.
    const reason = error instanceof Error ? error.message : "unknown error";
    warnings.push(`The link could not be read (internal error: ${reason}); nothing was loaded.`);
    result = nothing(null);
  }
  const unique = [...new Set(warnings)];
  return {
    ...result,
    warnings:
      unique.length > MAX_WARNINGS
        ? [
            ...unique.slice(0, MAX_WARNINGS - 1),
            `…and ${unique.length - MAX_WARNINGS + 1} more problems with this link.`,
          ]
        : unique,
  };
}
