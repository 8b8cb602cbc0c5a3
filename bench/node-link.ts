/** Share links in Node: their length, and encode/decode time for the largest fixture and a zip bomb. */
import { WORKED_EXAMPLE } from "../lib/design/defaults";
import { DESIGN_FIXTURES } from "../lib/design/fixtures";
import { decodeDesignLink, encodeDesignLink } from "../lib/link";
import { zLink } from "../lib/link/test-links";
import { median, round, sampleEach, type Figures } from "./figures";

const RUNS = 200;

export async function linkFigures(): Promise<Figures> {
  const designs = Object.values(DESIGN_FIXTURES);
  const links = await Promise.all(designs.map((d) => encodeDesignLink(d)));
  const longest = links.reduce((a, b) => (b.length > a.length ? b : a));
  const encode = (await sampleEach(designs, RUNS, (d) => encodeDesignLink(d))).flat();
  const decode = (await sampleEach([longest], RUNS, (l) => decodeDesignLink(l))).flat();
  const bomb = await zLink(" ".repeat(10_000_000));
  const refused = (await sampleEach([bomb], 20, (l) => decodeDesignLink(l))).flat();
  return {
    "link.worked_example_length": {
      value: (await encodeDesignLink(WORKED_EXAMPLE)).length,
      unit: "count",
      note: "characters of the fragment",
    },
    "link.longest_fixture_length": {
      value: longest.length,
      unit: "count",
      note: `characters of the fragment, longest of ${designs.length} fixtures`,
    },
    "link.encode_median": { value: round(median(encode)), unit: "ms" },
    "link.decode_median": {
      value: round(median(decode)),
      unit: "ms",
      note: "the longest fixture's link",
    },
    "link.zip_bomb_refused_median": {
      value: round(median(refused)),
      unit: "ms",
      note: `${bomb.length}-character link that inflates to 10 MB`,
    },
  };
}
