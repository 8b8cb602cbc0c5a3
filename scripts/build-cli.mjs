// Build step, run by `npm ci` and `npm install` (the `prepare` script): the CLI's bundle, so that
// even its first run compiles nothing. Without it the first run builds the bundle itself.
import { cliBundle, cliPaths } from "../bin/cli-bundle.mjs";

const entry = await cliBundle(cliPaths(), (text) => process.stdout.write(text));
console.log(`CLI bundle: ${entry}`);
