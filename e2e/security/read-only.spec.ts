/**
 * GET requests never write (issue 18, item 3). A server of its own on a fresh demo database, nobody else
 * writing to it: as each role, every page reachable by links from that role's home (and the public site)
 * is opened, documents included (print views, PDF, DOCX, attachments, exports), and after each the
 * database's data_version must be unchanged — it changes with any commit by another connection, so the
 * failure names the address that wrote. Printing a letter used to issue its receipt tokens. A reply with
 * its files (an attachment, the sealed letter's scan, published in full) is prepared first, and each role
 * that may see it starts from its page too, so that the file downloads are among the addresses opened;
 * so does each who may read it from a 座谈会 with a photo.
 */
import { spawn, type ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { mintSessionToken, SESSION_COOKIE } from "../../scripts/lib/session-cookie";
import { E2E } from "../env";
import { prepareMeetingWithPhoto, prepareReplyWithFiles } from "../prepared-proposal";

const port = E2E.port + 70;
const origin = `http://127.0.0.1:${port}`;
const dbPath = `data/e2e-read-only-${port}.db`;
const secret = "e2e-read-only-secret-0123456789abcdef";
let server: ChildProcess;
let withFiles: { id: number; publicationId: number };
let meetingWithPhoto: number;

/** Each kind of address at most twice (ids and query values as placeholders), at most this many in all per role. */
const PER_SHAPE = 2;
const PER_ROLE = 160;

test.describe.configure({ mode: "serial", timeout: 600_000 });

test.beforeAll(async () => {
  // The demo's start prints and signs its letters first (scripts/lib/demo-signatures.ts): 30–90 s.
  test.setTimeout(300_000);
  server = spawn(process.execPath, [`${E2E.distDir}/serve.mjs`, "--demo", "--fresh", "--db", dbPath, "--port", String(port)], {
    env: { ...process.env, AUTH_SECRET: secret, NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${origin}/login`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      withFiles = await prepareReplyWithFiles("关于只读巡检答复附件与盖章件的建议", {
        server: { databasePath: dbPath, authSecret: secret },
      });
      meetingWithPhoto = (
        await prepareMeetingWithPhoto("关于只读巡检座谈会照片的建议", { server: { databasePath: dbPath, authSecret: secret } })
      ).meetingId;
      // That wrote through a connection of its own (the first rows of reply_files among them): refresh the
      // planner's statistics now, as the server's own connection does when it opens (db/client.ts), so that
      // its opening on the first request is not counted as a GET that wrote.
      const db = new Database(dbPath);
      db.pragma("analysis_limit = 400");
      db.pragma("optimize = 0x10002");
      db.close();
      await backgroundSettled();
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not start");
});

/**
 * The server's own background work has finished: it ranks each proposal's similar ones after it is registered
 * (docs/decisions/020) — the demo's as it starts, and the two prepared here — and writes them, as no GET does. Done
 * when no commit of another connection has come for three seconds (its queue is looked at every second).
 */
async function backgroundSettled() {
  const db = new Database(dbPath, { readonly: true });
  try {
    const version = () => db.pragma("data_version", { simple: true }) as number;
    let last = version();
    let quietSince = Date.now();
    for (const end = Date.now() + 180_000; Date.now() - quietSince < 3_000; await new Promise((r) => setTimeout(r, 250))) {
      if (Date.now() > end) throw new Error("the server's background work did not settle within 180 s");
      const now = version();
      if (now !== last) [last, quietSince] = [now, Date.now()];
    }
  } finally {
    db.close();
  }
}

/** The page of the reply with files each role may open (none for the administrator and the unit with no part in it). */
function filesPage(login: string | null): string | null {
  if (login === null) return `/open/${withFiles.publicationId}`;
  if (login === "liuxr") return `/member/proposals/${withFiles.id}`;
  return ["coordinator", "jiangmj", "dengmj"].includes(login) ? `/proposals/${withFiles.id}` : null;
}

/** The meeting with a photo, for those who may read it (the unit's staff and the office), so that its photo is among the addresses opened. */
function meetingPage(login: string | null): string | null {
  return login !== null && ["coordinator", "jiangmj", "dengmj", "zhouwb"].includes(login) ? `/meetings/${meetingWithPhoto}` : null;
}

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
});

const shapeOf = (url: URL) => url.pathname.replace(/\d+/g, "#") + [...url.searchParams.keys()].sort().join("&");

/** Same-origin links of a page, as absolute URLs; not the sign-out, which is a form anyway. */
function linksOf(html: string, base: string): URL[] {
  const found: URL[] = [];
  for (const match of html.matchAll(/href="([^"#]+)/g)) {
    const href = match[1]!.replaceAll("&amp;", "&");
    if (!URL.canParse(href, base)) continue;
    const url = new URL(href, base);
    if (url.origin === origin && !url.pathname.startsWith("/_next/")) found.push(url);
  }
  return found;
}

for (const login of [null, "admin", "coordinator", "jiangmj", "dengmj", "zhouwb", "dqgzb", "liuxr"] as const) {
  test(`every page and document ${login ?? "a visitor"} can reach by links leaves the database unchanged`, async () => {
    const cookie = login ? `${SESSION_COOKIE}=${await mintSessionToken(dbPath, secret, login)}` : "";
    const db = new Database(dbPath, { readonly: true });
    const version = () => db.pragma("data_version", { simple: true }) as number;
    const queue = [new URL(login === "liuxr" ? "/member" : login === "admin" ? "/admin" : login ? "/work" : "/open", origin)];
    const start = filesPage(login);
    if (start) queue.push(new URL(start, origin));
    const meeting = meetingPage(login);
    if (meeting) queue.push(new URL(meeting, origin));
    if (login) queue.push(new URL("/notifications", origin), new URL("/open", origin));
    const shapes = new Map<string, number>();
    const seen = new Set<string>();
    const wrote: string[] = [];
    let opened = 0;
    try {
      while (queue.length > 0 && opened < PER_ROLE) {
        const url = queue.shift()!;
        const shape = shapeOf(url);
        if (seen.has(url.href) || (shapes.get(shape) ?? 0) >= PER_SHAPE) continue;
        seen.add(url.href);
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
        const before = version();
        const response = await fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(60_000) });
        const type = response.headers.get("content-type") ?? "";
        const body = type.includes("text/html") ? await response.text() : await response.arrayBuffer().then(() => "");
        opened++;
        if (version() !== before) wrote.push(`${url.pathname}${url.search} (${response.status})`);
        expect(response.status, `${url.href}`).toBeLessThan(500);
        if (body) queue.push(...linksOf(body, url.href));
      }
    } finally {
      db.close();
    }
    test
      .info()
      .annotations.push({ type: "read-only", description: `${login ?? "visitor"}: ${opened} addresses of ${shapes.size} kinds opened` });
    expect(opened).toBeGreaterThan(login ? 10 : 5);
    // The reply's files were among them: the public scan for a visitor, the files' downloads for the parties.
    const fileShapes = [...shapes.keys()].filter((k) => k === "/letters/files/#" || k === "/open/#/sealed.pdf");
    if (start) expect(fileShapes.length, "file downloads opened").toBeGreaterThan(0);
    if (meeting) expect(shapes.has("/meetings/#/photos/#"), "the meeting's photo opened").toBe(true);
    expect(wrote, "GET requests that wrote to the database").toEqual([]);
  });
}
