/**
 * For the server's tests: a loopback HTTP server around one handler (a request it leaves alone is
 * answered 418, standing for Next), and a raw client that sends exactly the headers given (fetch
 * would add its own Accept-Encoding and decode the body).
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export interface TestServer {
  get(url: string, headers?: Record<string, string>, method?: string): Promise<Reply>;
  close(): Promise<void>;
}

export async function startTestServer(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>,
): Promise<TestServer> {
  const server = createServer((req, res) => {
    void handler(req, res).then((served) => {
      if (!served) res.writeHead(418).end("next");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("no port");
  const base = `http://127.0.0.1:${address.port}`;
  return {
    get: (url, headers = {}, method = "GET") =>
      new Promise((resolve, reject) => {
        const req = request(`${base}${url}`, { method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        });
        req.on("error", reject);
        req.end();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
