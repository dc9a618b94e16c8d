/**
 * The production server: Next.js (the same build `next start` serves), with the public page cache
 * answered in front of it. A cached public page is written straight from memory — Next's routing and
 * proxy cost about 2 ms a request, ten times a static file — and everything else, including a cache
 * miss (which renders and stores the page through proxy.ts), goes to Next's own request handler.
 *
 *   PORT=3000 [HOSTNAME=0.0.0.0] tsx scripts/app-server.ts   (started by scripts/serve.ts)
 */
import http from "node:http";
import next from "next";
import { isCacheable, publicPageResponse, storedPublicPage } from "@/app/_server/public-page-cache";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
// Where the page cache renders a missing page: this server, on loopback (next start sets this itself).
process.env.__NEXT_PRIVATE_ORIGIN = `http://127.0.0.1:${port}`;

/** The visitor's two display-preference cookies (and nothing else) from the Cookie header. */
function cookieReader(header: string | undefined) {
  return (name: string) => {
    if (!header) return undefined;
    for (const part of header.split(";")) {
      const eq = part.indexOf("=");
      if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
    }
    return undefined;
  };
}

function fromCache(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (req.method !== "GET" || !req.url?.startsWith("/open")) return false;
  // Parsed as Next parses it for the proxy, so both find the same cache entry.
  const url = new URL(req.url, "http://localhost");
  const headers = new Headers();
  for (const name of ["host", "x-forwarded-host", "x-forwarded-proto", "rsc", "next-router-prefetch"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const visit = {
    method: "GET",
    pathname: url.pathname,
    search: url.search,
    headers,
    cookie: cookieReader(req.headers.cookie),
  };
  if (!isCacheable(visit)) return false;
  const page = storedPublicPage(visit);
  if (!page) return false;
  const answer = publicPageResponse({ ...page, hit: true });
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
  return true;
}

const server = http.createServer((req, res) => {
  if (!fromCache(req, res)) void handle(req, res);
});
server.listen(port, hostname, () => console.log(`✓ 已启动 http://localhost:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
