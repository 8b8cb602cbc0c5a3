#!/usr/bin/env node
// The CLI is TypeScript sharing lib/ with the app; it runs as a bundle built once into the cache
// (cli-bundle.mjs), never compiled at run time.
import { pathToFileURL } from "node:url";
import { cliBundle, cliPaths } from "./cli-bundle.mjs";
import { startEarlyLab } from "./early-lab.mjs";
import { compileLabWasm } from "./pglite-files.mjs";

const paths = cliPaths();
const labThread = startEarlyLab(process.argv.slice(2), paths);
// Its wasm too, while the thread starts and the bundle loads (Liftoff only: cli-lab.ts).
const labWasm = labThread ? compileLabWasm(paths.root, true) : undefined;
const say = (text) => void process.stderr.write(text);
const cli = await cliBundle(paths, say)
  .then((entry) => import(pathToFileURL(entry).href))
  .catch((error) => {
    say(`personhog-rpc could not start: ${error instanceof Error ? error.message : error}\n`);
    process.exitCode = 2;
    return null;
  });
if (cli) {
  // The bundle runs from the cache folder: it is told where the package is.
  cli.useCliSetup({ ...paths, oneCommand: true, ...(labThread && { labThread, labWasm }) });
  try {
    process.exitCode = await cli.main(process.argv.slice(2), cli.processIo());
  } catch (error) {
    process.stderr.write(cli.internalError(error));
    process.exitCode = 2;
  }
}
