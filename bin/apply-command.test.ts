/**
 * `personhog-rpc apply` against real git checkouts written from the fixture trees of both eras
 * (lib/apply/fixture-tree.ts): every design lands, parses, and lands again as "already applied";
 * a dry run's diff passes `git apply --check`; refusals (missing anchor, dirty file, name clash)
 * leave the checkout exactly as it was.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { filesNamed } from "../lib/apply/apply";
import { exampleDesignFiles, fixtureCheckout } from "../lib/apply/fixture-tree";
import { parseDesignJson } from "../lib/design/design-json";
import { DESIGN_FIXTURES } from "../lib/design/fixtures";
import { TARGETS, type Design, type Target } from "../lib/design/model";
import { validateDesign } from "../lib/design/validate";
import { generateSnippets } from "../lib/generate";
import { encodeDesignLink } from "../lib/link";
import { LOCAL_ORIGIN, shareUrls } from "../lib/review/share-urls";
import { main } from "./cli";
import { runCli } from "./spawn-cli";

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function git(repo: string, ...args: string[]) {
  const run = spawnSync("git", ["-C", repo, ...args], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** A committed git checkout holding the era's fixture tree, with `edit` applied before the commit. */
function checkout(target: Target, edit?: (tree: Map<string, string>) => void): string {
  const repo = mkdtempSync(path.join(tmpdir(), `apply-${target}-`));
  dirs.push(repo);
  const tree = fixtureCheckout(target);
  edit?.(tree);
  for (const [file, text] of tree) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  }
  git(repo, "init", "-q");
  git(repo, "add", "-A");
  git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "fixture");
  return repo;
}

async function apply(design: Design, repo: string, ...extra: string[]) {
  const file = path.join(repo, "..", `${path.basename(repo)}-design.json`);
  writeFileSync(file, JSON.stringify(design));
  dirs.push(file);
  let stdout = "";
  let stderr = "";
  const code = await main(["apply", file, "--repo", repo, ...extra], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => "",
  });
  return { code, stdout, stderr };
}

const changedFiles = (repo: string) =>
  git(repo, "status", "--porcelain")
    .split("\n")
    .filter(Boolean)
    .map((l) => l.slice(3));

// The shipped examples include every design fixture (lib/design/examples.test.ts holds them equal).
const designs: [string, Design][] = exampleDesignFiles().map(({ name, text }) => {
  const parsed = parseDesignJson(text, name);
  assert.ok(!("error" in parsed), `content/examples/${name}.json does not parse`);
  return [`example ${name}`, validateDesign(parsed.value).design];
});

for (const target of TARGETS) {
  describe(`personhog-rpc apply, ${target} checkout`, () => {
    for (const [name, fixture] of designs) {
      const design: Design = { ...fixture, target };
      it(`${name}: applies, parses, touches only the files its snippets name, then is already applied`, async () => {
        const repo = checkout(target);
        const first = await apply(design, repo);
        assert.equal(first.code, 0, first.stderr + first.stdout);
        assert.doesNotMatch(first.stdout, /FAILS|skipped/);
        assert.match(first.stdout, /parses: protobufjs/);
        assert.match(first.stdout, /parses: rustfmt --check/);
        assert.match(first.stdout, /parses: python ast/);
        assert.match(first.stdout, /parses: typescript parser/);
        assert.match(first.stdout, /cargo test -p personhog-replica/);
        const named = new Set(filesNamed(generateSnippets(design)));
        const changed = changedFiles(repo);
        assert.ok(changed.length > 0);
        for (const file of changed) assert.ok(named.has(file), `${file} is not named by a snippet`);
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "applied");
        const again = await apply(design, repo);
        assert.equal(again.code, 0, again.stderr);
        assert.match(again.stdout, /already applied/);
        assert.deepEqual(changedFiles(repo), []);
      });
    }

    it("--dry-run prints a diff git apply accepts and writes nothing", async () => {
      const design: Design = { ...DESIGN_FIXTURES["worked-example-current"]!, target };
      const repo = checkout(target);
      const dry = await apply(design, repo, "--dry-run");
      assert.equal(dry.code, 0, dry.stderr);
      assert.deepEqual(changedFiles(repo), []);
      const check = spawnSync("git", ["-C", repo, "apply", "--check", "-"], {
        input: dry.stdout,
        encoding: "utf8",
      });
      assert.equal(check.status, 0, check.stderr);
      spawnSync("git", ["-C", repo, "apply", "-"], { input: dry.stdout });
      const real = checkout(target);
      await apply(design, real);
      for (const file of changedFiles(repo))
        assert.equal(
          readFileSync(path.join(repo, file), "utf8"),
          readFileSync(path.join(real, file), "utf8"),
        );
    });

    it("answers for the files it changed, not for the modules they declare", async () => {
      // A real checkout's `mod x;` files may be formatted by another rustfmt, or be absent here.
      const child = "rust/personhog-replica/src/service/consistency.rs";
      const repo = checkout(target, (tree) => tree.set(child, `fn  untouched(){}\n`));
      const r = await apply({ ...DESIGN_FIXTURES["worked-example-current"]!, target }, repo);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /parses: rustfmt --check/);
      const unformatted = "rust/personhog-replica/src/service/mod.rs";
      const broken = checkout(target, (tree) =>
        tree.set(unformatted, tree.get(unformatted)!.replace("mod error;", "mod  error;")),
      );
      const bad = await apply({ ...DESIGN_FIXTURES["worked-example-current"]!, target }, broken);
      assert.equal(bad.code, 1);
      assert.match(
        bad.stdout,
        /FAILS: rustfmt --check\n.*service\/mod\.rs:\d+: not as rustfmt leaves it/,
      );
    });

    it("a missing anchor refuses the whole change, naming the file and what it looked for", async () => {
      const handler = "rust/personhog-replica/src/service/mod.rs";
      const repo = checkout(target, (tree) =>
        tree.set(handler, tree.get(handler)!.replace("impl PersonHogReplica for", "impl Gone for")),
      );
      const r = await apply({ ...DESIGN_FIXTURES["worked-example-current"]!, target }, repo);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Nothing written/);
      assert.match(
        r.stderr,
        /service\/mod\.rs: found no `impl PersonHogReplica for PersonHogReplicaService/,
      );
      assert.deepEqual(changedFiles(repo), []);
    });

    // Only today's checkout lacks the other era's router: the guide's era also has the raw proxy.
    if (target === "current")
      it("a guide design is refused with --target current, the era the checkout is", async () => {
        const repo = checkout(target);
        const guide: Design = { ...DESIGN_FIXTURES["worked-example-current"]!, target: "guide" };
        const r = await apply(guide, repo);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /no rust\/personhog-router\/src\/router\/mod\.rs/);
        assert.match(r.stderr, /apply it with --target current\./);
        assert.deepEqual(changedFiles(repo), []);
      });

    it("refuses when a file it would change has uncommitted changes, unless --force", async () => {
      const design: Design = { ...DESIGN_FIXTURES["worked-example-current"]!, target };
      const repo = checkout(target);
      const file = path.join(repo, "proto/personhog/service/v1/service.proto");
      writeFileSync(file, `${readFileSync(file, "utf8")}// local edit\n`);
      const refused = await apply(design, repo);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /uncommitted changes[\s\S]*service\.proto/);
      assert.deepEqual(changedFiles(repo), ["proto/personhog/service/v1/service.proto"]);
      const forced = await apply(design, repo, "--force");
      assert.equal(forced.code, 0, forced.stderr);
      assert.match(readFileSync(file, "utf8"), /rpc GetPersonCount\(/);
      const again = await apply(design, repo);
      assert.match(again.stdout, /already applied/, "already applied whatever the tree's state");
    });

    it("refuses a name that exists with a different shape, writing nothing", async () => {
      const base: Design = { ...DESIGN_FIXTURES["worked-example-current"]!, target };
      const repo = checkout(target);
      await apply(base, repo);
      git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "applied");
      const field = { name: "limit", type: "int32", optional: false, repeated: false, comment: "" };
      const r = await apply({ ...base, request: [...base.request, field] }, repo);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /person\.proto: proto-messages declares a name that is already there/);
      assert.deepEqual(changedFiles(repo), []);
    });
  });
}

describe("personhog-rpc apply, from a share link", () => {
  it("lands the design the link carries, as the browser's command gives it", async () => {
    const design = DESIGN_FIXTURES["group-read-current"]!;
    const url = shareUrls(LOCAL_ORIGIN, await encodeDesignLink(design)).workbench;
    const repo = checkout("current");
    let stdout = "";
    const code = await main(["apply", url, "--repo", repo], {
      stdout: (t) => (stdout += t),
      stderr: () => {},
      readStdin: async () => "",
    });
    assert.equal(code, 0, stdout);
    assert.match(
      readFileSync(path.join(repo, "proto/personhog/service/v1/service.proto"), "utf8"),
      /rpc ListGroupsByType\(/,
    );
  });
});

describe("personhog-rpc apply, a hostile checkout", () => {
  const design = DESIGN_FIXTURES["group-read-current"]!;
  const proto = "proto/personhog/types/v1/group.proto";
  const storage = "rust/personhog-replica/src/storage";
  /** The checkout rearranged by `rearrange(repo, outside)`, committed; `outside` is a folder beside it. */
  function hostile(rearrange: (repo: string, outside: string) => void) {
    const repo = checkout("current");
    const outside = mkdtempSync(path.join(tmpdir(), "apply-outside-"));
    dirs.push(outside);
    rearrange(repo, outside);
    // Unchecked: git refuses to add a FIFO, and apply reads the files before it asks git anything.
    spawnSync("git", ["-C", repo, "add", "-A"]);
    spawnSync("git", [
      "-C",
      repo,
      "-c",
      "user.name=t",
      "-c",
      "user.email=t@t",
      "commit",
      "-qm",
      "x",
    ]);
    return { repo, outside };
  }
  /** Every file under `dir` with its bytes, to prove nothing there changed. */
  const snapshot = (dir: string) =>
    spawnSync("sh", ["-c", "find . -type f | sort | xargs sha1sum"], { cwd: dir, encoding: "utf8" })
      .stdout;

  const cases: [string, (repo: string, outside: string) => void, RegExp][] = [
    [
      "a folder linked to one outside the checkout",
      (repo, outside) => {
        renameSync(path.join(repo, storage), path.join(outside, "storage"));
        symlinkSync(path.join(outside, "storage"), path.join(repo, storage));
      },
      /storage\/postgres\/group\.rs: reached through a symbolic link \(to .*apply-outside-/,
    ],
    [
      "a file linked to one outside the checkout",
      (repo, outside) => {
        renameSync(path.join(repo, proto), path.join(outside, "group.proto"));
        symlinkSync(path.join(outside, "group.proto"), path.join(repo, proto));
      },
      /group\.proto: reached through a symbolic link/,
    ],
    [
      "a file that is not UTF-8 (Latin-1 in a comment)",
      (repo) =>
        writeFileSync(path.join(repo, proto), "// caf\xe9\n", { flag: "a", encoding: "latin1" }),
      /group\.proto: not UTF-8 text \(byte \d+\)/,
    ],
    [
      "a FIFO where a file should be (reading it would never end)",
      (repo) => {
        rmSync(path.join(repo, proto));
        assert.equal(spawnSync("mkfifo", [path.join(repo, proto)]).status, 0);
      },
      /group\.proto: not a regular file/,
    ],
    [
      "a folder where a file should be",
      (repo) => {
        rmSync(path.join(repo, proto));
        mkdirSync(path.join(repo, proto));
      },
      /group\.proto: not a regular file/,
    ],
  ];
  for (const [name, rearrange, message] of cases)
    it(`${name}: refused with exit 2, nothing written inside or outside`, async () => {
      const { repo, outside } = hostile(rearrange);
      const before = [snapshot(repo), snapshot(outside)];
      const r = await apply(design, repo);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /Nothing written/);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /not in the checkout/, "named once, for its reason");
      assert.deepEqual([snapshot(repo), snapshot(outside)], before);
    });

  // After writing, protobufjs loads every proto under proto/: it must read nothing else.
  const unreadAfter: [string, (repo: string, outside: string) => void, string][] = [
    [
      "a FIFO among the protos apply leaves alone",
      (repo) =>
        assert.equal(
          spawnSync("mkfifo", [path.join(repo, "proto/personhog/pipe.proto")]).status,
          0,
        ),
      "pipe.proto",
    ],
    [
      "an import that leaves proto/",
      (repo, outside) => {
        writeFileSync(path.join(outside, "secret.proto"), "SECRET_TOKEN\n");
        const target = path.relative(path.join(repo, "proto"), path.join(outside, "secret.proto"));
        const file = path.join(repo, proto);
        writeFileSync(
          file,
          readFileSync(file, "utf8").replace(/^import /m, `import "${target}";\nimport `),
        );
      },
      "secret.proto",
    ],
  ];
  for (const [name, rearrange, named] of unreadAfter)
    it(`${name}: the proto check fails naming it, unread`, { timeout: 60_000 }, async () => {
      const { repo } = hostile(rearrange);
      const r = await apply(design, repo);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(
        r.stdout,
        /FAILS: protobufjs\n.*: not a regular file inside proto\/, so it was not read/,
      );
      assert.ok(r.stdout.includes(named), r.stdout);
      assert.doesNotMatch(r.stdout, /SECRET_TOKEN/);
    });

  it("--dry-run into a pipe is the exact diff git apply needs; on a terminal, escaped", async () => {
    // A zero-width joiner (in 👩‍💻) on a context line: escaped, the diff no longer applies.
    const { repo } = hostile((repo) => {
      const file = path.join(repo, proto);
      const lines = readFileSync(file, "utf8").split("\n");
      const at = lines.findIndex((l) => l.includes("repeated Group groups = 1;"));
      lines[at] += " // by 👩\u200d💻";
      writeFileSync(file, lines.join("\n"));
    });
    const piped = await runCli(["apply", "-", "--repo", repo, "--dry-run"], JSON.stringify(design));
    assert.equal(piped.code, 0, piped.stderr);
    assert.match(piped.stdout, /^ {3}repeated Group groups = 1; \/\/ by 👩\u200d💻$/m);
    const check = spawnSync("git", ["-C", repo, "apply", "--check", "-"], { input: piped.stdout });
    assert.equal(check.status, 0, String(check.stderr));
    const shown = await apply(design, repo, "--dry-run");
    assert.match(shown.stdout, /by 👩\\u200d💻$/m);
  });

  it("runs no program the checkout's git config names, and its diff stays git's own", async () => {
    const repo = checkout("current");
    const ran = `${repo}-ran`;
    const program = `${repo}-program.sh`;
    dirs.push(ran, program);
    writeFileSync(program, `#!/bin/sh\necho "$@" >> ${ran}\necho NOT A DIFF\n`, { mode: 0o755 });
    git(repo, "config", "core.fsmonitor", program);
    git(repo, "config", "diff.external", program);
    const dry = await apply(design, repo, "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^diff --git a\/proto\/personhog\/types\/v1\/group\.proto /);
    assert.doesNotMatch(dry.stdout, /NOT A DIFF/);
    const applied = await apply(design, repo);
    assert.equal(applied.code, 0, applied.stderr + applied.stdout);
    assert.ok(
      !existsSync(ran),
      `the checkout's program ran: ${existsSync(ran) && readFileSync(ran, "utf8")}`,
    );
  });

  it("parses Python with Python's own ast, not an ast.py where it runs", async () => {
    const ran = path.join(tmpdir(), `apply-ast-ran-${process.pid}`);
    dirs.push(ran);
    const { repo } = hostile((repo) =>
      writeFileSync(
        path.join(repo, "ast.py"),
        `open(${JSON.stringify(ran)}, "w").write("ran")\ndef parse(*args, **kwargs): pass\n`,
      ),
    );
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      const r = await apply(design, repo);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /parses: python ast/);
    } finally {
      process.chdir(cwd);
    }
    assert.ok(!existsSync(ran), "the checkout's ast.py ran");
  });

  it("a byte order mark stays where it was", async () => {
    const { repo } = hostile((repo) =>
      writeFileSync(
        path.join(repo, proto),
        `\ufeff${readFileSync(path.join(repo, proto), "utf8")}`,
      ),
    );
    const r = await apply(design, repo);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual([...readFileSync(path.join(repo, proto)).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(lstatSync(path.join(repo, proto)).isFile());
  });
});

describe("personhog-rpc apply, a design file whose name holds #", () => {
  it("is read as the file it names, not as a link", async () => {
    const repo = checkout("current");
    const file = `${repo}-#12.json`;
    dirs.push(file);
    writeFileSync(file, JSON.stringify(DESIGN_FIXTURES["group-read-current"]));
    let stderr = "";
    const code = await main(["apply", file, "--repo", repo, "--dry-run"], {
      stdout: () => {},
      stderr: (t) => (stderr += t),
      readStdin: async () => "",
    });
    assert.equal(code, 0, stderr);
  });
});

describe("personhog-rpc apply, usage", () => {
  it("needs --repo and a git checkout", async () => {
    let stderr = "";
    const io = {
      stdout: () => {},
      stderr: (t: string) => (stderr += t),
      readStdin: async () => "",
    };
    assert.equal(await main(["apply", "x.json"], io), 2);
    assert.match(stderr, /--repo DIR/);
    const plain = mkdtempSync(path.join(tmpdir(), "apply-plain-"));
    dirs.push(plain);
    assert.equal(await main(["apply", "x.json", "--repo", plain], io), 2);
    assert.match(stderr, /is not a git checkout/);
  });
});
