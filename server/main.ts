/**
 * The production server: Next.js (the same build `next start` serves) behind a thin front (this folder, README
 * "The front server") that
 *  - trusts X-Forwarded-Host/-Proto only as lib/site-origin.ts allows, and measures request bodies by their headers
 *    before anything reads them (body-limits.ts);
 *  - answers the public site's pages as plain cacheable HTML without Next's runtime (public-pages.ts);
 *  - gives every other response a fresh Content-Security-Policy nonce (Next reads it from the request's policy
 *    header and puts it on its scripts), as proxy.ts does when Next runs without this front;
 *  - lets what Next renders wait its turn, a few page renders at once (request-turns.ts).
 * Nothing here is kept per process: several instances on one PostgreSQL database answer alike (docs/decisions/012).
 *
 * Started by scripts/serve.ts as the build bundled it (scripts/lib/bundle-server.ts, launch.ts): PORT, HOSTNAME, NEXT_DIST_DIR.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import next from "next";
import { sessionClaims, sessionCookie } from "@/app/_server/session-token";
import { getDb } from "@/db/client";
import { storedListPage, storedPage } from "@/db/queries/public-pages";
import { readPublicSiteVersion } from "@/db/queries/public-site-version";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";
import { FORWARDING_HEADER, originConfig, trustedForwarding } from "@/lib/site-origin";
import { bodyVerdict, type Refusal } from "./body-limits";
import { type PageStore, startPageStore } from "./page-store";
import { type Answer, isPublicPage, publicPages, RENDER_HEADER, type Visit } from "./public-pages";
import { renderPlace, requestTurn } from "./request-turns";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
// Next's configuration as the build serialized it, passed as Next's own standalone server passes it: next.config.ts is
// TypeScript importing the app's source, neither of which a deployment carries, and loading it compiled it with SWC at
// every start. next()'s `conf` option is not read by a custom server's prepare() (Next 16), hence the variable
// (docs/decisions/013; tests/unit/next-internals.test.ts fails when an upgrade stops reading it).
const buildDir = path.dirname(fileURLToPath(import.meta.url));
const serverFiles = JSON.parse(fs.readFileSync(path.join(buildDir, "required-server-files.json"), "utf8")) as { config: object };
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(serverFiles.config);
/** Where this server listens on loopback: public pages are rendered through it, and Next forwards server actions to it. */
const selfOrigin = `http://127.0.0.1:${port}`;
// Next forwards a server action whose page another route serves, and fetches the page an action redirects to, at
// this origin; without it Next builds one from the request's protocol — https behind a TLS-terminating proxy, which
// nothing on loopback answers. Next's own `next start` sets it the same way; there is no public option.
process.env.__NEXT_PRIVATE_ORIGIN = selfOrigin;
const app = next({ dev: false, dir: process.cwd(), hostname: "127.0.0.1", port });
const handle = app.getRequestHandler();
await app.prepare();
const origins = originConfig(process.env);
// Pages are stored for the configured origin only: without one, a page's links name the host each visitor asked for.
const storeOrigin = origins.publicOrigin;
const publicSite = publicPages({
  selfOrigin,
  distDir,
  readVersion: () => readPublicSiteVersion(getDb()),
  stored: storeOrigin
    ? (key, buildId) =>
        key.kind === "reply"
          ? storedPage(getDb(), key.publicationId, buildId, storeOrigin)
          : storedListPage(getDb(), key.page, buildId, storeOrigin)
    : null,
});

/** The files of public/ as paths (`/humans.txt`), read once: Next serves them, and the build's assets, as files. */
const publicFiles = new Set(
  fs
    .readdirSync("public", { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => `/${path.relative("public", path.join(f.parentPath, f.name))}`),
);
const isStaticFile = (pathname: string) => pathname.startsWith("/_next/static/") || publicFiles.has(pathname);

/** Past this a refused body is not drained: the answer goes at once and the connection is closed on it. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * Answers a refused body without keeping any of it: the body is read and thrown away first, so that a
 * client still sending gets the answer rather than a broken connection (Node closes a connection whose
 * request was not read). A body declared, or found, larger than DRAIN_LIMIT is answered at once instead;
 * so is an `early` refusal (an upload from a caller who may not upload), its body thrown away after.
 */
function refuseBody(req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal) {
  const answer = () => {
    if (res.headersSent) return;
    res.writeHead(refusal.status, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
    res.end(refusal.message);
  };
  if (refusal.early || Number(req.headers["content-length"] ?? 0) > DRAIN_LIMIT) answer();
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT) {
      answer();
      req.destroy();
    }
  });
  req.on("end", answer);
  req.on("error", () => res.destroy());
}

/**
 * A body without a declared length, counted as Node's parser hands it over (through the stream's `push`,
 * so nothing reads it early). Past `bytes` the rest is thrown away, and once the client has sent it all
 * (or DRAIN_LIMIT more) the request is answered with the refusal and ended, which also ends Next's read of it.
 */
function capBody(req: http.IncomingMessage, res: http.ServerResponse, bytes: number, refusal: Refusal) {
  const push = req.push.bind(req);
  let seen = 0;
  const refuse = () => {
    if (res.headersSent) return;
    res.writeHead(refusal.status, {
      "content-type": "text/plain; charset=utf-8",
      "x-content-type-options": "nosniff",
      connection: "close",
    });
    res.end(refusal.message, () => req.destroy());
  };
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk !== null) seen += (chunk as Buffer).length;
    if (seen <= bytes) return push(chunk, encoding);
    if (chunk === null || seen > bytes + DRAIN_LIMIT) refuse();
    return true;
  };
}

/** A cookie's value from the Cookie header (only the display preferences are asked for). */
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

/** The request headers the front server reads: the origin, the client router's, the public pages' own render. */
const VISIT_HEADERS = ["host", "x-forwarded-host", "x-forwarded-proto", "rsc", "next-router-prefetch", RENDER_HEADER];

function visitOf(req: http.IncomingMessage): Visit {
  // Parsed as Next parses it.
  const url = new URL(req.url ?? "/", "http://localhost");
  const headers = new Headers();
  for (const name of VISIT_HEADERS) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return { method: req.method ?? "GET", pathname: url.pathname, search: url.search, headers, cookie: cookieReader(req.headers.cookie) };
}

/** Sends an answer of this server's own, gzipped when the client takes it (a stored page as it was stored). */
function send(req: http.IncomingMessage, res: http.ServerResponse, answer: Answer) {
  const compress = answer.body.length > 0 && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  const body = answer.gzipped ? (compress ? answer.body : gunzipSync(answer.body)) : compress ? gzipSync(answer.body) : answer.body;
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.setHeader("vary", "Cookie, Accept-Encoding");
  if (compress) res.setHeader("content-encoding", "gzip");
  // A 304 names no length: it would have to be the page's own.
  if (answer.status !== 304) res.setHeader("content-length", String(body.length));
  res.writeHead(answer.status);
  res.end(body);
}

/** A path Next cannot decode (a lone %FF, a broken UTF-8 sequence) is the client's error, not the server's. */
function undecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Marks a request whose forwarded headers this server has set. Next passes a request's headers on when it
 * forwards a server action to the worker that has it (through this server, on loopback), so that hop keeps
 * the visitor's origin instead of taking loopback's; a client cannot know the per-process value.
 */
const forwardingToken = randomBytes(18).toString("base64url");

/**
 * X-Forwarded-Host and -Proto as this server believes them (lib/site-origin.ts): links, Next's
 * server-action origin check and next-auth all go by them, so a client's own are never passed on.
 */
function trustForwarding(req: http.IncomingMessage, visit: Visit) {
  req.headers[FORWARDING_HEADER] = forwardingToken;
  const { host, proto } = trustedForwarding((name) => [req.headers[name]].flat()[0], origins);
  for (const [name, value] of [
    ["x-forwarded-host", host],
    ["x-forwarded-proto", proto],
  ] as const) {
    if (value) req.headers[name] = value;
    else delete req.headers[name];
    if (value) visit.headers.set(name, value);
    else visit.headers.delete(name);
  }
}

async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
  const visit = visitOf(req);
  // A public page's own render and a forwarded action carry the visitor's origin as this server set it; every other request gets it set now.
  const ownRender = publicSite.isOwnRender(visit.headers);
  if (!ownRender && req.headers[FORWARDING_HEADER] !== forwardingToken) trustForwarding(req, visit);
  if (undecodable(visit.pathname)) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
    res.end("请求的地址无效。");
    return;
  }
  // Bodies are measured by their headers before anything reads them.
  const body = await bodyVerdict(
    { method: visit.method, pathname: visit.pathname, headers: req.headers },
    async () => (await sessionClaims(sessionCookie(visit.cookie)))?.role ?? null,
  );
  if (body.kind === "refused") return refuseBody(req, res, body.refusal);
  if (body.kind === "capped") capBody(req, res, body.bytes, body.refusal);
  if (!ownRender && isPublicPage(visit)) {
    const answer = await publicSite.answer(visit, req.headers["if-none-match"]);
    if (answer) return send(req, res, answer);
  }
  // Every request Next gets from here has its origin set, and its policy unless it is a public page's render (whose
  // scripts are taken out and whose answer has a policy without a nonce): proxy.ts leaves both.
  req.headers[FORWARDING_HEADER] = forwardingToken;
  if (!ownRender) {
    const nonce = newNonce();
    const policy = contentSecurityPolicy(nonce);
    req.headers["content-security-policy"] = policy;
    req.headers["x-nonce"] = nonce;
    res.setHeader("Content-Security-Policy", policy);
  }
  // What Next renders or runs waits its turn (request-turns.ts); files do not.
  if (!isStaticFile(visit.pathname)) {
    await requestTurn();
    if (!(await renderPlace(visit.method, req, res))) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" });
      res.end("服务器繁忙，请稍后重试。");
      return;
    }
    // The visitor left while waiting: nothing to render for.
    if (req.socket?.destroyed) return;
  }
  await handle(req, res);
}

const server = http.createServer((req, res) => {
  serve(req, res).catch((error: unknown) => {
    console.error("request failed", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("服务器内部错误，请稍后重试。");
  });
});
// Idle connections stay open longer than a reverse proxy keeps its own to us (nginx: 60 s, deploy/nginx): Node's 5 s
// default closes them first, and a request the proxy sends at that moment is reset (a POST then fails with 502).
server.keepAliveTimeout = 75_000;
server.headersTimeout = 80_000;
let pageStore: PageStore | null = null;
server.listen(port, hostname, () => {
  console.log(`✓ 已启动 ${selfOrigin}`);
  // Pages are rendered through this server, once it listens.
  if (storeOrigin) pageStore = startPageStore({ db: getDb, pages: publicSite, origin: storeOrigin });
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    pageStore?.stop();
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
