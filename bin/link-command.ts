/** `personhog-rpc link encode|decode`: the share-link codec, headless. */
import { existsSync } from "node:fs";
import type { Design } from "../lib/design/model";
import {
  BULKY_PARTS,
  decodeDesignLink,
  encodeDesignLink,
  LINK_WARN_LENGTH,
  omittedNotice,
  type BulkyPart,
} from "../lib/link";
import { isBulkyPart } from "../lib/link/omit";
import { LOCAL_ORIGIN, shareUrls } from "../lib/review/share-urls";
import { readDesignArg } from "./design-input";
import type { Io } from "./io";

const USAGE = "link takes: encode [--omit sql,comments] <design.json | ->, or decode <url>.\n";

/** The parts named by `--omit a,b` (or `--omit=a,b`), or an error naming the unknown ones. */
function readOmit(args: string[]): { omit: BulkyPart[]; rest: string[] } | { error: string } {
  const rest: string[] = [];
  const named: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--omit") named.push(...(args[++i] ?? "").split(","));
    else if (arg.startsWith("--omit=")) named.push(...arg.slice("--omit=".length).split(","));
    else rest.push(arg);
  }
  const unknown = named.filter((part) => !isBulkyPart(part));
  if (unknown.length > 0)
    return { error: `--omit takes ${BULKY_PARTS.join(", ")}; not ${JSON.stringify(unknown)}.\n` };
  return { omit: BULKY_PARTS.filter((part) => named.includes(part)), rest };
}

async function encode(args: string[], io: Io): Promise<number> {
  const options = readOmit(args);
  if ("error" in options) {
    io.stderr(options.error);
    return 2;
  }
  const [file, ...extra] = options.rest;
  if (!file || extra.length > 0 || file.startsWith("--")) {
    io.stderr(USAGE);
    return 2;
  }
  const read = await readDesignArg(file, io);
  if (!read) return 2;
  const url = shareUrls(
    LOCAL_ORIGIN,
    await encodeDesignLink(read.design, { omit: options.omit }),
  ).workbench;
  if (url.length > LINK_WARN_LENGTH) {
    const hint =
      options.omit.length < BULKY_PARTS.length ? " --omit sql,comments shortens it." : "";
    io.stderr(
      `warning: the link is ${url.length} characters; chat and review tools may cut links past ${LINK_WARN_LENGTH}.${hint}\n`,
    );
  }
  io.stdout(`${url}\n`);
  return 0;
}

/**
 * Whether a command's source is a share link (a URL or a bare `#v=…` fragment) rather than a
 * design file: it holds `#` and names no file, so `designs/#12.json` is still read as a file.
 */
export const isLinkSource = (source: string): boolean =>
  source.includes("#") && !existsSync(source);

/**
 * The design a link holds, its warnings printed; null unless the link was read whole (notices of
 * parts left out on purpose are not damage). Every command reading links goes through here, so a
 * damaged link is exit 2 with the same messages everywhere.
 */
export async function readLink(
  url: string,
  io: Io,
): Promise<{ design: Design; omitted: BulkyPart[] } | null> {
  const { design, warnings, omitted } = await decodeDesignLink(url);
  const notices = new Set(omitted.map(omittedNotice));
  for (const w of warnings) io.stderr(`${w}\n`);
  if (!design && warnings.length === 0)
    io.stderr("The URL has no design in its fragment (#v=…).\n");
  if (!design || warnings.some((w) => !notices.has(w))) return null;
  return { design, omitted };
}

async function decode(url: string, io: Io): Promise<number> {
  const read = await readLink(url, io);
  if (!read) return 2;
  io.stdout(`${JSON.stringify(read.design, null, 2)}\n`);
  return 0;
}

export async function linkCommand(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (action === "encode") return encode(rest, io);
  if (action === "decode" && rest.length === 1) return decode(rest[0]!, io);
  io.stderr(USAGE);
  return 2;
}
