// The CLI lab's worker thread. On Node 20 the tsx hooks that bin/personhog-rpc.mjs registers do
// not reach worker threads, so the worker registers them itself before loading its TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./cli-lab-worker.ts");
