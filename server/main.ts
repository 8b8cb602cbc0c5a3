/**
 * The app's server (`npm start`, `npm run dev`): Next's request handler for everything but the
 * SQL lab's files and Next's own scripts and stylesheets, which are sent as the build compressed
 * them (lab-assets.ts, next-static.ts).
 *   tsx server/main.ts [--dev] [-p PORT] [-H HOSTNAME]
 */
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { LAB_ASSETS_DIR } from "../lib/serve/lab-assets";
import { NEXT_STATIC_DIR } from "../lib/serve/next-static";
import { serveLabAsset } from "./lab-assets";
import { nextStaticHandler } from "./next-static";

const ROOT = path.join(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", short: "p", default: process.env.PORT ?? "3000" },
    hostname: { type: "string", short: "H" },
  },
});
const port = Number(values.port);
const app = next({ dev: values.dev, dir: ROOT, hostname: values.hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const assets = path.join(ROOT, LAB_ASSETS_DIR);
const nextStatic = await nextStaticHandler(path.join(ROOT, NEXT_STATIC_DIR));
createServer((req, res) => {
  serveLabAsset(req, res, assets)
    .then(async (served) => served || (await nextStatic(req, res)) || handle(req, res))
    .catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500).end();
    });
}).listen(port, values.hostname, () => {
  console.log(`Ready on http://${values.hostname ?? "localhost"}:${port}`);
});
