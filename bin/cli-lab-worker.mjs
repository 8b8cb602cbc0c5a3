// The CLI lab's worker thread when run from source (the tests, through tsx): on Node 20 the tsx
// hooks of the thread that starts it do not reach a worker thread, so it registers them itself.
// The executable runs the bundle instead, whose compiled cli-lab-worker.mjs sits beside it.
import { register } from "tsx/esm/api";

register();
await import("./cli-lab-worker.ts");
