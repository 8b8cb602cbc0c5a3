/**
 * `personhog-rpc pr-description`: the review of a design (a design file or a share link) as the
 * Markdown the workbench's "Copy PR description" gives, with the SQL checked here and now.
 */
import type { Design } from "../lib/design/model";
import { encodeDesignLink } from "../lib/link";
import { prDescription } from "../lib/review/pr-description";
import { buildReview } from "../lib/review/review";
import { LOCAL_ORIGIN, parseOrigin, shareUrls } from "../lib/review/share-urls";
import { failsDesign } from "../lib/sql/verdict";
import { checkInCliLab } from "./cli-lab";
import { readDesignArg } from "./design-input";
import type { Io } from "./io";
import { isLinkSource, readLink } from "./link-command";

const USAGE = "pr-description takes [--origin <url>] and a design file, - or a share link.\n";

/**
 * A design and the fragment its links carry. The fragment is always encoded afresh from the
 * design as read (a link's omissions kept), never copied from the link: whatever else a link
 * carried cannot reach the Markdown.
 */
async function readSource(
  source: string,
  io: Io,
): Promise<{ design: Design; fragment: string } | null> {
  const read = isLinkSource(source)
    ? await readLink(source, io)
    : await readDesignArg(source, io).then((r) => r && { design: r.design, omitted: [] });
  if (!read) return null;
  return {
    design: read.design,
    fragment: await encodeDesignLink(read.design, { omit: read.omitted }),
  };
}

/** `--origin <url>` or `--origin=<url>`, once at most; the rest are the sources. */
function readOrigin(args: string[]): { origin: string; rest: string[] } | { error: string } {
  const rest: string[] = [];
  const given: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--origin") given.push(args[++i] ?? "");
    else if (arg.startsWith("--origin=")) given.push(arg.slice("--origin=".length));
    else rest.push(arg);
  }
  if (given.length > 1) return { error: "--origin may be given once.\n" };
  const parsed = parseOrigin(given[0] ?? LOCAL_ORIGIN);
  return "error" in parsed ? { error: `${parsed.error}\n` } : { origin: parsed.origin, rest };
}

export async function prCommand(args: string[], io: Io): Promise<number> {
  const options = readOrigin(args);
  if ("error" in options) {
    io.stderr(options.error);
    return 2;
  }
  const { origin, rest } = options;
  if (rest.length !== 1 || rest[0]!.startsWith("--")) {
    io.stderr(USAGE);
    return 2;
  }
  const read = await readSource(rest[0]!, io);
  if (!read) return 2;
  const { design, fragment } = read;
  let check = null;
  if (design.sql.trim()) {
    const checked = await checkInCliLab(design.sql, io);
    if (!checked.ok) {
      io.stderr(`${checked.message}\n`);
      return 2;
    }
    check = checked.value;
  }
  const review = buildReview(design, check);
  io.stdout(prDescription(review, shareUrls(origin, fragment)));
  const status = review.sqlStatus;
  return status !== "unchecked" && failsDesign(status) ? 1 : 0;
}
