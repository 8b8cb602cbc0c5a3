/**
 * `personhog-rpc pr-description`: the review of a design (a design file or a share link) as the
 * Markdown the workbench's "Copy PR description" gives, with the SQL checked here and now.
 */
import type { Design } from "../lib/design/model";
import { decodeDesignLink, encodeDesignLink } from "../lib/link";
import { prDescription } from "../lib/review/pr-description";
import { buildReview } from "../lib/review/review";
import { LOCAL_ORIGIN, shareUrls } from "../lib/review/share-urls";
import { checkInCliLab } from "./cli-lab";
import type { Io } from "./io";
import { readDesignArg } from "./link-command";

const USAGE = "pr-description takes [--origin <url>] and a design file, - or a share link.\n";

/** A design and the fragment its links carry: a link's own, so omissions stay marked. */
async function readSource(
  source: string,
  io: Io,
): Promise<{ design: Design; fragment: string } | null> {
  if (source.includes("#")) {
    const { design, warnings } = await decodeDesignLink(source);
    for (const w of warnings) io.stderr(`${w}\n`);
    return design ? { design, fragment: source.slice(source.indexOf("#")) } : null;
  }
  const design = await readDesignArg(source, io);
  return design && { design, fragment: await encodeDesignLink(design) };
}

export async function prCommand(args: string[], io: Io): Promise<number> {
  const at = args.indexOf("--origin");
  const origin = at >= 0 ? args[at + 1] : LOCAL_ORIGIN;
  const rest = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
  if (!origin || !/^https?:\/\/[^\s#]+$/.test(origin) || rest.length !== 1) {
    io.stderr(USAGE);
    return 2;
  }
  const read = await readSource(rest[0] ?? "", io);
  if (!read) return 2;
  const { design, fragment } = read;
  let check = null;
  if (design.sql.trim()) {
    const checked = await checkInCliLab(design.sql);
    if (!checked.ok) {
      io.stderr(`${checked.message}\n`);
      return 2;
    }
    check = checked.value;
  }
  const review = buildReview(design, check);
  io.stdout(prDescription(review, shareUrls(origin.replace(/\/+$/, ""), fragment)));
  return review.sqlStatus === "error" ? 1 : 0;
}
