/**
 * Stored reply pages (issue 22, docs/decisions/014), on a server of its own that has a configured origin as a
 * deployment has: once it listens it renders every published reply's page and stores it; visitors get the stored
 * page, byte for byte what a render gives, with its own ETag; a withdrawal removes the page at its commit (404 at
 * once, no waiting for the page store) and a republication stores it again. The catalogue's pages (019) likewise:
 * stored for the site's version, answered as stored, and from a withdrawal's commit on rendered without it until
 * they are stored again.
 */
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { readDatabase } from "../scripts/lib/read-database";
import { callServerAction, serverActionIds } from "../scripts/lib/server-action";
import { mintSessionToken } from "../scripts/lib/session-cookie";
import { until } from "../scripts/lib/until";
import { E2E } from "./env";
import { expect, test } from "./fixtures";

const HOST = "tian.gxq.gov.example";
const PORT = E2E.port + 63;
const ORIGIN = `http://${HOST}:${PORT}`;
const DATABASE = `data/e2e-${PORT}.db`;

/** `body` as text when it came unencoded; `raw`, the bytes as sent, and `encoding` (Content-Encoding). */
type Answer = { status: number; etag: string | undefined; body: string; raw: Buffer; encoding: string | undefined };

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: PORT, path, headers: { Host: `${HOST}:${PORT}`, ...headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body: raw.toString("utf8"), raw, encoding });
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const look = <T>(sql: string, ...params: unknown[]) => readDatabase(DATABASE, (db) => db.rows<T>(sql, ...params));
/** A stored page with its HTML unpacked (it is stored gzip-compressed). */
const unpacked = <T extends { html_gzip: Buffer }>({ html_gzip, ...row }: T) => ({
  ...row,
  gzip: html_gzip,
  html: gunzipSync(html_gzip).toString(),
});
const storedOf = async (id: number) => {
  const [row] = await look<{ html_gzip: Buffer; etag: string }>("select html_gzip, etag from public_pages where publication_id = ?", id);
  return row && unpacked(row);
};
/** The catalogue's stored pages for the site's version of now. */
const catalogue = async () =>
  (
    await look<{ page: number; html_gzip: Buffer; etag: string }>(
      `select page, html_gzip, etag from public_list_pages
       where site_version = coalesce((select version from public_site_version where id = 1), 0) order by page`,
    )
  ).map(unpacked);
const listedTotal = (html: string) => Number(/共 (\d+) 条/.exec(html)?.[1]);

let server: ChildProcess | undefined;
test.afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
});

test("every published reply's page is stored once, served as stored, gone at a withdrawal's commit and stored again at republication", async () => {
  test.setTimeout(300_000);
  server = spawn(process.execPath, [`${E2E.distDir}/serve.mjs`, "--demo", "--fresh", "--db", DATABASE, "--port", String(PORT)], {
    env: { ...process.env, AUTH_SECRET: E2E.authSecret, NODE_ENV: "production", PUBLIC_ORIGIN: ORIGIN, AUTH_URL: "" },
    stdio: "ignore",
    detached: true,
  });
  await until("the server starts", 150_000, async () => (await get("/login").catch(() => ({ status: 0 }))).status === 200);

  // Every published reply is stored, by this server, soon after it starts.
  const started = Date.now();
  const published = await until("every published reply stored", 120_000, async () => {
    const [counts] = await look<{ published: number; stored: number }>(
      `select (select count(*) from publications where status = 'published') as published,
              (select count(*) from public_pages pp join publications p on p.id = pp.publication_id where p.status = 'published') as stored`,
    );
    return counts!.published > 0 && counts!.published === counts!.stored && counts!.published;
  });
  test.info().annotations.push({ type: "stored", description: `${published} pages stored within ${Date.now() - started} ms of the start` });
  // Then every page of the catalogue, for the site's version of now.
  const listPages = Math.ceil(published / 15);
  const pagesStored = await until("the catalogue stored", 60_000, async () => {
    const stored = await catalogue();
    return stored.length === listPages && stored;
  });
  for (const { page, html, etag } of pagesStored) {
    const visit = await get(page === 1 ? "/open" : `/open?page=${page}`);
    expect(visit.body).toBe(html);
    expect(visit.etag).toBe(etag);
    expect(listedTotal(html)).toBe(published);
    expect(html).not.toMatch(/localhost|127\.0\.0\.1/);
  }
  // What was stored is what a render gives now: the same page with a filter that changes nothing is rendered.
  expect((await get("/open?page=1")).body).toBe(pagesStored[0]!.html);

  // A reply published in full, the only reply of its proposal.
  const [reply] = await look<{ id: number; proposalId: number }>(
    `select pub.id, r.proposal_id as proposalId from publications pub join replies r on r.id = pub.reply_id
     where pub.status = 'published' and pub.mode = 'full'
       and (select count(*) from replies other where other.proposal_id = r.proposal_id) = 1
     order by pub.id limit 1`,
  );
  const id = reply!.id;
  const stored = (await storedOf(id))!;
  const visit = await get(`/open/${id}`);
  expect(visit.status).toBe(200);
  expect(visit.body).toBe(stored.html);
  expect(visit.etag).toBe(stored.etag);
  expect(visit.encoding).toBeUndefined();
  // A browser takes gzip: the page goes as it was stored, compressed once when stored.
  const zipped = await get(`/open/${id}`, { "Accept-Encoding": "gzip, deflate, br" });
  expect(zipped.encoding).toBe("gzip");
  expect(zipped.raw.equals(stored.gzip)).toBe(true);
  expect((await get(`/open/${id}`, { "If-None-Match": stored.etag })).status).toBe(304);
  // What was stored is what a render gives now (a query is never answered from the store), and its links name the origin.
  expect((await get(`/open/${id}?from=test`)).body).toBe(stored.html);
  expect(stored.html).toContain(`${ORIGIN}/open/${id}`);
  expect(stored.html).not.toMatch(/localhost|127\.0\.0\.1/);
  // 繁體版 is rendered for its visitor, not answered from the store.
  expect((await get(`/open/${id}`, { Cookie: "open-lang=hant" })).body).not.toBe(stored.html);

  const act = async (decision: "withdraw" | "republish") => {
    const call = await callServerAction({
      baseURL: `http://127.0.0.1:${PORT}`,
      page: `/proposals/${reply!.proposalId}`,
      actionId: serverActionIds(E2E.distDir).get("app/(staff)/proposals/[id]/publication-actions.ts#decidePublicationAction")!,
      fields: { proposalId: String(reply!.proposalId), decision, reason: "存储页面测试" },
      sessionToken: await mintSessionToken(DATABASE, E2E.authSecret, "coordinator"),
      origin: ORIGIN,
    });
    expect(call.result, call.body.slice(0, 300)).toMatchObject({ ok: true });
  };

  await act("withdraw");
  // Gone at the withdrawal's commit: the very next visit, with or without the page's ETag.
  const holding = pagesStored.find((p) => p.html.includes(`href="/open/${id}"`))!;
  const listed = await get(holding.page === 1 ? "/open" : `/open?page=${holding.page}`);
  expect(listedTotal(listed.body)).toBe(published - 1);
  expect(listed.body).not.toContain(`href="/open/${id}"`);
  expect((await get("/open", { "If-None-Match": pagesStored[0]!.etag })).status).toBe(200);
  expect((await get(`/open/${id}`)).status).toBe(404);
  expect((await get(`/open/${id}`, { "If-None-Match": stored.etag })).status).toBe(404);
  expect(await storedOf(id)).toBeUndefined();

  const restored = await until("the catalogue stored again without it", 60_000, async () => {
    const stored = await catalogue();
    return stored.length === Math.ceil((published - 1) / 15) && stored;
  });
  expect(listedTotal(restored[0]!.html)).toBe(published - 1);
  expect((await get("/open")).body).toBe(restored[0]!.html);

  await act("republish");
  const again = await until("the republished page stored", 15_000, () => storedOf(id));
  expect(again.etag).not.toBe(stored.etag);
  const back = await get(`/open/${id}`);
  expect(back.status).toBe(200);
  expect(back.body).toBe(again.html);
});
