/**
 * check-sql's lab thread, started by the executable before it finds and loads its bundle: Node's
 * start of a thread (its own bootstrap, a tenth to a third of a second) then runs beside the
 * bundle's loading instead of after it. The thread waits to be told which bundled worker to run:
 * cli-lab.ts tells it when it takes the thread for its first lab. Plain JavaScript, like the
 * executable's entry: it runs before the bundle is found.
 */
import { Worker } from "node:worker_threads";

const THREAD = `const { parentPort } = require("node:worker_threads");
parentPort.once("message", ({ url }) => import(url));`;

/**
 * The waiting thread, for a check-sql command; null for any other. A batch's lab warms the
 * planner before its first check; a one-shot's does not (cli-lab.ts).
 * @param {readonly string[]} argv the command and its arguments
 * @param {{ root: string, cache: string }} paths
 * @returns {Worker | null}
 */
export function startEarlyLab(argv, { root, cache }) {
  if (argv[0] !== "check-sql") return null;
  const end = argv.indexOf("--");
  const options = end < 0 ? argv : argv.slice(0, end);
  const warm = options.includes("--batch") || options.includes("--jsonl");
  const worker = new Worker(THREAD, { eval: true, workerData: { root, cache, warm } });
  // A thread that fails before cli-lab listens is replaced there; an idle one keeps no process up.
  worker.on("error", () => {});
  worker.unref();
  return worker;
}
