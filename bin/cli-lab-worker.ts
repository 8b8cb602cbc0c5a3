/**
 * The CLI's lab database, in a worker thread so that the CLI can stop a runaway statement by
 * terminating the thread (see cli-lab.ts). Boots once, always from a schema snapshot (the build's,
 * the cache's, or one made now and cached: lab-snapshot.ts), and answers requests in order.
 * The snapshot is found, and the compiled wasm awaited, while the lab's own code (cli-lab-serve.ts)
 * loads.
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { CliLabResponse, LabWasm, LabWorkerData } from "./cli-lab-protocol";
import { labSnapshot } from "./lab-snapshot";

const port: MessagePort | null = parentPort;
if (!port) throw new Error("cli-lab-worker runs as a worker thread.");
const reply = (message: CliLabResponse) => port.postMessage(message);
const { warm, ...paths } = workerData as LabWorkerData;

try {
  const [snapshot, wasm, { serveLab }] = await Promise.all([
    labSnapshot(paths, (file) => reply({ type: "making", file })),
    new Promise<LabWasm>((resolve) => port.once("message", resolve)),
    import("./cli-lab-serve"),
  ]);
  await serveLab(port, snapshot, wasm, warm);
} catch (err) {
  reply({ type: "failed", message: err instanceof Error ? err.message : String(err) });
}
