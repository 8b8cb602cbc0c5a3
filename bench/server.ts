/** Starts the production build (npm start's server) on a loopback port for browser figures, and stops it. */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(import.meta.dirname, "..");

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer within ${limitMs} ms`);
}

export async function startServer(port: number): Promise<RunningServer | { skipped: string }> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID")))
    return { skipped: "no production build: run npm run build first" };
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/main.ts", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      stdio: "ignore",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  };
  try {
    await waitForHttp(url, child, 30_000);
  } catch (err) {
    await stop();
    return { skipped: String(err) };
  }
  return { url, stop };
}
