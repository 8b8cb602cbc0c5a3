/** `personhog-rpc link encode|decode`: the share-link codec, headless. */
import { decodeDesignLink, encodeDesignLink } from "../lib/design/link";
import { validateDesign } from "../lib/design/validate";
import { readJsonArg } from "./generate-command";
import type { Io } from "./io";

const BASE_URL = "http://localhost:3000/wizard";

export async function linkCommand(args: string[], io: Io): Promise<number> {
  const [action, arg] = args;
  if (action === "encode" && arg) {
    const input = await readJsonArg(arg, io);
    if ("error" in input) {
      io.stderr(`${input.error}\n`);
      return 2;
    }
    const { design, problems } = validateDesign(input.value);
    for (const p of problems)
      io.stderr(`${p.severity}: ${p.path ? `${p.path}: ` : ""}${p.message}\n`);
    if (problems.some((p) => p.severity === "error")) return 2;
    io.stdout(`${BASE_URL}${encodeDesignLink(design)}\n`);
    return 0;
  }
  if (action === "decode" && arg) {
    const hash = arg.includes("#") ? arg.slice(arg.indexOf("#")) : arg;
    const { design, warnings } = decodeDesignLink(hash);
    for (const w of warnings) io.stderr(`${w}\n`);
    if (!design || warnings.length > 0) return 2;
    io.stdout(`${JSON.stringify(design, null, 2)}\n`);
    return 0;
  }
  io.stderr("link takes: encode <design.json | ->, or decode <url>.\n");
  return 2;
}
