/**
 * Issue 19: every sentence of the guide true for the code layout it names. Renders every page as
 * the site does and checks (1) that each generated block on it is the catalogue's, and agrees with
 * what the generators write; (2) that no prose states a route without naming its layout; (3) that
 * the five errors found in review stay fixed; (4) that search finds the facts added for it.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { LEADER_METHODS } from "../catalogue/existing-rpcs";
import { NODE_CLIENT_LAYOUTS, PROTO_PATHS, SERVICE_PROTOS } from "../catalogue/paths";
import {
  STRONG_READ_LEADER_METHODS,
  STRONG_READ_REPLICA_PERSON_READS,
  existingRpcsOf,
  replicaPersonWrites,
} from "../catalogue/routing";
import { PERSONHOG_TABLES } from "../catalogue/tables";
import { derive } from "../design/derive";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { generateSnippets } from "../generate";
import { nodeLayoutsTable, protoFilesTable, routingTable } from "./fact-blocks";
import { GENERATED_BLOCKS } from "./generated-blocks";
import { guidePages, type RenderedPage } from "./guide-pages";
import { htmlText } from "./sections";
import { directivesOf, readFrontMatter, renderGuidePage } from "./markdown";
import { codeList } from "./markdown-blocks";
import { unlabelledRoutingClaims } from "./routing-claims";
import { search, searchEntries } from "./search";
import { designSnippets } from "./snippet-blocks";

const PAGES = guidePages();
const page = (slug: string): RenderedPage => {
  const found = PAGES.find((p) => p.slug === slug);
  assert.ok(found, `no guide page ${slug}`);
  return found;
};

/** The parts of a block's HTML that do not depend on where it stands (tables, code, inline text). */
function standaloneParts(markdown: string): string[] {
  const html = renderGuidePage(markdown).html;
  const blocks = html.match(/<table>[\s\S]*?<\/table>|<pre[^>]*>[\s\S]*?<\/pre>/g);
  if (blocks) return blocks;
  return [html.replace(/^<p>|<\/p>\n?$/g, "")];
}

/** Rows of a generated Markdown table, cells split. */
function tableRows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .slice(2)
    .map((line) =>
      line
        .slice(2, -2)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
}

const codeNames = (text: string) => [...text.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]);

describe("every generated block on every guide page is the catalogue's", () => {
  for (const p of PAGES) {
    const directives = directivesOf(readFrontMatter(p.source).body);
    if (directives.length === 0) continue;
    it(`${p.slug}: ${directives.map((d) => d.name).join(", ")}`, () => {
      for (const d of directives) {
        const render = GENERATED_BLOCKS[d.name];
        assert.ok(render, d.text);
        for (const part of standaloneParts(render(d.args)))
          assert.ok(
            p.page.html.includes(part),
            `${p.slug}: ${d.text} is not on the page as generated`,
          );
      }
    });
  }

  it("no directive inside a sentence starts a line (Markdown would read an HTML block)", () => {
    for (const p of PAGES)
      for (const line of p.source.split("\n"))
        if (line.trimStart().startsWith("<!--"))
          assert.match(line, /-->\s*$/, `${p.slug}: ${line}`);
  });

  it("every page that speaks of routing carries the routing table or links to it", () => {
    for (const slug of ["eligibility"])
      assert.ok(
        directivesOf(page(slug).source).some((d) => d.name === "routing"),
        slug,
      );
    for (const slug of ["access-pattern", "faq", "django-orm"])
      assert.match(
        page(slug).page.html,
        /\/guide\/eligibility#the-data-category-decides-the-route/,
      );
  });
});

describe("the routing table against the catalogue", () => {
  const rows = new Map(
    tableRows(routingTable()).map(([kind = "", guide = "", today = ""]) => [
      kind,
      { guide, today },
    ]),
  );
  const lines = (cell: string) =>
    new Map(cell.split("<br>").map((l) => [l.slice(0, l.indexOf(":")), l]));

  it("states the written guide's rule: person reads strong and person writes to the leader", () => {
    assert.equal(rows.get("PersonData read, strong")?.guide, "the leader");
    assert.equal(rows.get("PersonData write")?.guide, "the leader");
    assert.match(
      rows.get("NonPersonData read")?.guide ?? "",
      /strong: the replica, on its primary pool/,
    );
  });

  it("names today's leader methods and the person writes left on the replica", () => {
    const today = lines(rows.get("PersonData write")?.today ?? "");
    assert.deepEqual(codeNames(today.get("the leader") ?? "").sort(), [...LEADER_METHODS].sort());
    assert.deepEqual(
      codeNames(today.get("the replica, on its primary pool") ?? ""),
      replicaPersonWrites(),
    );
  });

  it("names today's strong reads: GetPerson via the leader, distinct ids on the primary pool, the rest refused", () => {
    const today = lines(rows.get("PersonData read, strong")?.today ?? "");
    assert.deepEqual(codeNames(today.get("the leader") ?? ""), [...STRONG_READ_LEADER_METHODS]);
    assert.deepEqual(codeNames(today.get("the replica, on its primary pool") ?? ""), [
      ...STRONG_READ_REPLICA_PERSON_READS,
    ]);
    const refused = [...today.keys()].find((k) => k.includes("FAILED_PRECONDITION")) ?? "";
    const others = existingRpcsOf("PersonData", "read").filter(
      (rpc) =>
        !(STRONG_READ_LEADER_METHODS as readonly string[]).includes(rpc) &&
        !(STRONG_READ_REPLICA_PERSON_READS as readonly string[]).includes(rpc),
    );
    assert.ok(refused, "a line for the refused reads");
    assert.deepEqual(codeNames(today.get(refused) ?? ""), others);
  });

  it("says the layouts agree where they do", () => {
    for (const kind of [
      "PersonData read, eventual (the default)",
      "NonPersonData read",
      "NonPersonData write",
    ])
      assert.equal(rows.get(kind)?.today, rows.get(kind)?.guide, kind);
  });

  it("the eligibility table gives both layouts, and names the tables no RPC uses", () => {
    const eligibility = tableRows((GENERATED_BLOCKS.eligibility ?? (() => ""))({}));
    assert.equal(eligibility.length, PERSONHOG_TABLES.length);
    for (const [name = "", , , guide = "", today = ""] of eligibility) {
      const table = PERSONHOG_TABLES.find((t) => `\`${t.name}\`` === name);
      assert.ok(table, name);
      if (table.unusedToday) assert.match(today, /^No RPC uses it/);
      else if (table.category === "PersonData") assert.notEqual(today, guide);
      else assert.equal(today, guide);
    }
  });
});

describe("which service protos declare an RPC, against the catalogue and the generators", () => {
  const file = (kind: "service" | "replica" | "leader") => PROTO_PATHS[kind];
  const protoFiles = (snippets: { id: string; file: string }[]) =>
    snippets.filter((s) => s.id.startsWith("proto-rpc-")).map((s) => s.file);

  it("renders SERVICE_PROTOS row by row", () => {
    const rows = tableRows(protoFilesTable());
    const keys = ["replica", "leader", "replica-and-leader"] as const;
    assert.equal(rows.length, keys.length);
    rows.forEach(([, ...yesNo], i) => {
      const key = keys[i] ?? "replica";
      assert.deepEqual(
        yesNo,
        (["service", "replica", "leader"] as const).map((f) =>
          SERVICE_PROTOS[key].includes(f) ? "yes" : "no",
        ),
      );
    });
    assert.ok(
      !SERVICE_PROTOS.leader.includes("replica"),
      "a leader-only RPC has no replica.proto line",
    );
  });

  it("today's generator declares each fixture in the files of whoever serves it", () => {
    for (const [name, design] of Object.entries(DESIGN_FIXTURES)) {
      const current = { ...design, target: "current" as const };
      const served = derive(current).leaderWrite ? "leader" : "replica";
      assert.deepEqual(
        protoFiles(generateSnippets(current)),
        SERVICE_PROTOS[served].map(file),
        name,
      );
    }
  });

  it("the guide's generator, at the typed router's era B, declares a leader write in service.proto and leader.proto only", () => {
    const design = { ...DESIGN_FIXTURES["person-write-guide"]!, target: "guide" as const };
    assert.deepEqual(protoFiles(generateSnippets(design)), SERVICE_PROTOS.leader.map(file));
  });

  it("today's generator gives a person write a leader branch in the proxy, and nothing else one", () => {
    for (const [name, design] of Object.entries(DESIGN_FIXTURES)) {
      const current = { ...design, target: "current" as const };
      const arm = generateSnippets(current).some((s) => s.id === "rust-proxy-leader-arm");
      assert.equal(arm, derive(current).leaderWrite, name);
    }
  });
});

describe("the Node layouts table against the catalogue and the generators", () => {
  const rows = tableRows(nodeLayoutsTable());
  const [guideLayout, middle, today] = NODE_CLIENT_LAYOUTS;

  it("has the three layouts, the middle one in the ingestion folder with operations classes", () => {
    assert.equal(rows.length, 3);
    assert.deepEqual(
      NODE_CLIENT_LAYOUTS.map((l) => l.id),
      ["ingestion-client", "ingestion-operations", "common-operations"],
    );
    assert.equal(middle?.wrappers.in, "operations");
    assert.match(rows[1]?.[2] ?? "", /nodejs\/src\/ingestion\/personhog\/persons\.ts/);
    assert.match(rows[1]?.[3] ?? "", /nodejs\/src\/ingestion\/personhog\/client\.test\.ts/);
  });

  it("puts the generators' files where the table says, for the guide and for today's code", () => {
    const files = (target: "guide" | "current") =>
      Object.fromEntries(designSnippets("worked-example", target).map((s) => [s.id, s.file]));
    // The written guide names client.ts, but its PersonHogClient has no this.client in any version
    // read: the guide target's wrapper goes in the ingestion folder's operations class (middle row).
    assert.equal(guideLayout?.wrappers.in, "client");
    if (middle?.wrappers.in === "operations")
      assert.equal(files("guide")["node-wrapper"], middle.wrappers.persons);
    assert.equal(files("guide")["node-service-default"], guideLayout?.serviceDefaults);
    if (today?.wrappers.in === "operations")
      assert.equal(files("current")["node-wrapper"], today.wrappers.persons);
    assert.equal(files("current")["node-service-default"], today?.serviceDefaults);
  });
});

describe("no page states a routing rule without naming its layout", () => {
  for (const p of PAGES)
    it(p.slug, () => {
      assert.deepEqual(
        unlabelledRoutingClaims(p.markdown).map((c) => `${c.phrase}: ${c.block}`),
        [],
      );
    });

  it("the check finds a bare claim, and accepts it once the layout is named", () => {
    assert.equal(unlabelledRoutingClaims("Person writes always go to the leader.").length, 1);
    assert.equal(unlabelledRoutingClaims("- A strong read is served by the leader.").length, 1);
    assert.equal(
      unlabelledRoutingClaims("It would send a strong person read to the leader.").length,
      1,
    );
    assert.equal(
      unlabelledRoutingClaims("| a | b |\n| - | - |\n| x | goes to the replica |").length,
      1,
    );
    assert.equal(
      unlabelledRoutingClaims("In today's code person writes go to the leader.").length,
      0,
    );
    assert.equal(unlabelledRoutingClaims("```\nit goes to the leader\n```").length, 0);
  });
});

describe("the five errors of issue 19 stay fixed", () => {
  it("1. access-pattern and proto-conventions no longer state the written guide's rule as today's behaviour", () => {
    const access = page("access-pattern").text;
    assert.doesNotMatch(access, /person-data writes always go to the leader/i);
    assert.doesNotMatch(access, /for person data, by the leader/i);
    assert.doesNotMatch(
      page("proto-conventions").text,
      /STRONG only changes the route for PersonData, where it sends the read to the leader/,
    );
    for (const slug of ["access-pattern", "proto-conventions"])
      assert.match(page(slug).text, /FAILED_PRECONDITION/, slug);
  });

  it("2. the checklist no longer puts a leader RPC in replica.proto", () => {
    const checklist = page("checklist").text;
    assert.doesNotMatch(checklist, /and in leader\.proto as well/);
    assert.match(
      checklist,
      /service\.proto and leader\.proto instead, with no replica\.proto line/,
    );
  });

  it("3. rust.md's GetPersonCount handler refuses strong reads, as the generator's does", () => {
    const handlers = page("rust").code.filter(
      (c) => /Request<GetPersonCountRequest>/.test(c) && /\.storage/.test(c),
    );
    assert.ok(handlers.length > 0);
    for (const handler of handlers)
      assert.match(handler, /reject_strong_consistency\(&req\.read_options\)\?;/);
  });

  it("4. client-stubs tells the wrappers' move and the folder's move apart", () => {
    const stubs = page("client-stubs").text;
    assert.doesNotMatch(
      stubs,
      /The client moved to nodejs\/src\/common\/personhog\/, and client\.ts no longer holds any RPC wrappers/,
    );
    assert.doesNotMatch(
      stubs,
      /if it only builds the persons and groups operations objects, follow the current one/,
    );
    assert.match(stubs, /nodejs\/src\/ingestion\/personhog\/persons\.ts/);
  });

  it("5. rust.md no longer says only GetPerson used route_request, without the era", () => {
    const rust = page("rust").text;
    assert.doesNotMatch(rust, /In the typed router only GetPerson actually chose a backend/);
    assert.match(
      rust,
      /first version\. There, every method, non-person ones included, called route_request/,
    );
  });
});

describe("the smaller corrections stay made", () => {
  it("names each fact as the sources give it", () => {
    const indexes = page("database-indexes");
    assert.doesNotMatch(indexes.text, /three duplicate indexes/);
    assert.doesNotMatch(indexes.page.summary, /^Every index/);
    assert.match(indexes.text, /leaves out posthog_persondistinctid_team_person_active/);
    assert.match(page("proto").text, /master/);
    assert.doesNotMatch(page("proto").text, /against the main branch/);
    assert.match(page("proto").text, /not for writes only/);
    assert.doesNotMatch(page("leader-writes").text, /reviewers now ask/);
    for (const slug of ["access-pattern", "faq", "database-indexes"])
      assert.doesNotMatch(page(slug).text, /reads (?:the whole index|all of it)\b/, slug);
  });
});

describe("the worked example's code comes from the generators", () => {
  it("shows the generated code for both layouts, and the name lists are the catalogue's", () => {
    const example = page("worked-example");
    const code = (target: "guide" | "current", id: string) =>
      designSnippets("worked-example", target).find((s) => s.id === id)?.code ?? "";
    assert.ok(example.code.includes(code("guide", "rust-router-method")));
    assert.ok(example.code.includes(code("guide", "node-wrapper")));
    assert.ok(example.code.includes(code("current", "node-wrapper")));
    assert.ok(example.code.includes(code("current", "python-fake-method")));
    assert.match(htmlText(renderGuidePage(codeList(LEADER_METHODS)).html), /^FencePerson, /);
  });
});

describe("the guide's search finds the facts issue 19 added", () => {
  const index = PAGES.flatMap((p) => searchEntries(p.slug, p.page));
  for (const [term, slug] of [
    ["MockBackend", "rust"],
    ["resolvePersonRoutingKey", "client-stubs"],
    ["FAILED_PRECONDITION", "eligibility"],
    ["Django", "django-orm"],
  ] as const)
    it(`${term} → ${slug}`, () => {
      const results = search(index, term, 20).map((r) => r.slug);
      assert.ok(results.includes(slug), `${term}: ${results.join(", ")}`);
    });
});
