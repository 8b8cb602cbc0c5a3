#!/usr/bin/env node
// The CLI is TypeScript sharing lib/ with the app; tsx compiles it on the fly.
import { register } from "tsx/esm/api";

register();
const { main, processIo, internalError } = await import("./cli.ts");
try {
  process.exitCode = await main(process.argv.slice(2), processIo());
} catch (error) {
  process.stderr.write(internalError(error));
  process.exitCode = 2;
}
