/**
 * The committed nginx configuration's promise for the public site (deploy/nginx/tian-banli.conf): a changed page — a
 * withdrawal — is gone through nginx within 1.5 s, however long the app takes to render the changed page. Behind the
 * real configuration, instead of the app, a stand-in that answers as server/public-pages.ts does (its Cache-Control,
 * X-Accel-Expires and ETag; 304 while nothing changed) and takes RENDER_MS to render once the page has changed, while
 * readers keep asking. With `proxy_cache_use_stale updating` nginx answered the old page to every reader for as long as
 * the one revalidating request took (the multi-instance run's withdrawal: up to 1.36 s of 2 s, from a render under
 * load). Without it, the readers asking meanwhile are passed to the app as well (nginx's lock holds back only the
 * readers of a page not cached yet): the renders logged.
 */
import http from "node:http";
import { expect, test } from "@playwright/test";
import { acceleratedExpiry, matchesETag, PUBLIC_CACHE_CONTROL } from "../../server/public-pages";
import { makeWorkDir, type Nginx, sleep, startNginx } from "./cluster";
import { MULTI } from "./env";

/** How long the stand-in takes to render a changed page: longer than the promise, whenever in its second the page changes. */
const RENDER_MS = 2500;
/** The promise: an answer is kept 0.5–1.5 s (X-Accel-Expires), then revalidated. */
const GONE_WITHIN_MS = 1500;
/** Readers asking at once, each again as soon as answered. */
const READERS = 6;

/** The stand-in app on both instance ports: the page's text is its version; rendering a new version is slow. */
function standIn(state: { version: number; renders: number }): http.Server[] {
  let rendered = state.version;
  const answer = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const version = state.version;
    const etag = `"v${version}"`;
    const headers = { "Cache-Control": PUBLIC_CACHE_CONTROL, "X-Accel-Expires": acceleratedExpiry(), ETag: etag };
    if (matchesETag(request.headers["if-none-match"], etag)) {
      response.writeHead(304, headers).end();
      return;
    }
    if (rendered !== version) await sleep(RENDER_MS);
    rendered = version;
    state.renders++;
    response.writeHead(200, { ...headers, "Content-Type": "text/html; charset=utf-8" }).end(`版本 ${version}`);
  };
  return MULTI.appPorts.map((port) => http.createServer((request, response) => void answer(request, response)).listen(port, "127.0.0.1"));
}

/** One page through nginx, as a visitor by the site's name asks for it. */
function viaNginx(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: "127.0.0.1", port: MULTI.nginxPort, path, headers: { host: `${MULTI.host}:${MULTI.nginxPort}` } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve(body));
      },
    );
    request.on("error", reject);
  });
}

test("through nginx a changed public page is gone within 1.5 s, even when the app takes longer to render it", async () => {
  const state = { version: 1, renders: 0 };
  const servers = standIn(state);
  let nginx: Nginx | undefined;
  try {
    nginx = await startNginx(makeWorkDir());
    const path = "/open/2026/reply-1";
    expect(await viaNginx(path)).toBe("版本 1");

    // Readers ask throughout; each answer is kept with the moment its request was sent.
    const seen: { sentAt: number; body: string }[] = [];
    let reading = true;
    const readers = Array.from({ length: READERS }, async () => {
      while (reading) {
        const sentAt = Date.now();
        seen.push({ sentAt, body: await viaNginx(path) });
        await sleep(10);
      }
    });
    await sleep(1500);
    state.version = 2;
    const changedAt = Date.now();
    await sleep(GONE_WITHIN_MS + RENDER_MS + 1000);
    reading = false;
    await Promise.all(readers);

    const after = seen.filter((s) => s.sentAt >= changedAt);
    const lastOld = Math.max(0, ...after.filter((s) => s.body === "版本 1").map((s) => s.sentAt - changedAt));
    console.log(
      `nginx-cache: ${seen.length} answers, ${state.renders} renders; the old page last answered to a request sent ${lastOld} ms after the change`,
    );
    expect(after.some((s) => s.body === "版本 2")).toBe(true);
    expect(lastOld, "ms after the change that a request sent still got the old page").toBeLessThanOrEqual(GONE_WITHIN_MS);
  } finally {
    await nginx?.stop();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
});
