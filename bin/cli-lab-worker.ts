/**
 * The CLI's lab database, in a worker thread so that the CLI can stop a runaway statement by
 * terminating the thread (see cli-lab.ts). Boots once, always from a schema snapshot, and answers
 * requests in order. The thread that starts it sends the compiled wasm and the cache's tar of the
 * snapshot while this thread starts and loads the lab's code (cli-lab-serve.ts: PGlite's JS, the
 * analysis); without that tar, it finds the snapshot itself (the build's, or one made now and
 * cached: lab-snapshot.ts).
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { CliLabResponse, LabStart, LabWorkerData } from "./cli-lab-protocol";
import { BytesBlob } from "./bytes-blob";
import { cachedSnapshot, labSnapshot } from "./lab-snapshot";

const port: MessagePort | null = parentPort;
if (!port) throw new Error("cli-lab-worker runs as a worker thread.");
const reply = (message: CliLabResponse) => port.postMessage(message);
const { warm, ...paths } = workerData as LabWorkerData;

try {
  const [start, { serveLab }] = await Promise.all([
    new Promise<LabStart>((resolve) => port.once("message", resolve)),
    import("./cli-lab-serve"),
  ]);
  const snapshot = start.tar
    ? cachedSnapshot(start.tar)
    : await labSnapshot(paths, (file) => reply({ type: "making", file }));
  const fsBundle = start.fsBundle && new BytesBlob(start.fsBundle, "application/octet-stream");
  await serveLab(port, snapshot, { pgliteWasmModule: start.module, fsBundle }, warm);
} catch (err) {
  reply({ type: "failed", message: err instanceof Error ? err.message : String(err) });
}
