/**
 * Crash safety: no write the server acknowledged is lost when the process dies, and the database stays sound.
 *
 *   NEXT_DIST_DIR=.next-crash npx next build          (once; this script bundles only the server's programs)
 *   NEXT_DIST_DIR=.next-crash npm run crash-test -- [--rounds 20] [--seed N] [--port 3400] [--clients 6] [--keep]
 *
 * Creates a fresh demo database (data/crash-<port>.db), starts the production server (bundled as `npm run
 * build` bundles it and started as scripts/serve.ts starts it: server/launch.ts) on 127.0.0.1 and, each round,
 * lets several handlers save reply drafts and contact records through the real server actions over HTTP,
 * noting every write the server acknowledged ({ok: true}). At a random moment (seeded PRNG) it kills the
 * server process with SIGKILL, starts it again, and checks with its own connection that PRAGMA
 * integrity_check is ok and that every acknowledged write so far is in the database. Exits non-zero on
 * any loss. The database is removed at the end unless --keep or a check failed.
 */
import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { bundleServer } from "./lib/bundle-server";
import { frontServerArgs } from "../server/launch";
import { closeDatabase, attachmentsDirFor, openDatabase } from "@/db/client";
import { seedDemo } from "@/db/demo";
import { isoDateInChina } from "@/lib/format";
import { callServerAction, serverActionIds } from "./lib/server-action";
import { handlerWriteFields } from "./lib/handler-writes";
import { mintSessionToken, SESSION_COOKIE } from "./lib/session-cookie";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "20" },
    seed: { type: "string", default: "20260615" },
    port: { type: "string", default: "3400" },
    clients: { type: "string", default: "6" },
    db: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});

const ROUNDS = Number(args.rounds);
const SEED = Number(args.seed);
const PORT = Number(args.port);
const CLIENTS = Number(args.clients);
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";
const DB_PATH = path.resolve(args.db ?? `data/crash-${PORT}.db`);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const AUTH_SECRET = randomBytes(32).toString("base64url");
const LOG_FILE = path.join(os.tmpdir(), `crash-test-${PORT}-${process.pid}.log`);
/** Each round kills the server between these many milliseconds after the load starts. */
const KILL_AFTER_MS = [200, 5000] as const;
/** A client stops after this many calls in one round, whatever happens (the loops always end). */
const MAX_CALLS_PER_ROUND = 2000;
const MARKER = "崩溃测试";

if (![ROUNDS, SEED, PORT, CLIENTS].every(Number.isInteger) || ROUNDS < 1 || CLIENTS < 1) {
  console.error("用法：npm run crash-test -- [--rounds 20] [--seed N] [--port 3400] [--clients 6] [--keep]");
  process.exit(2);
}
if (!fs.existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
  console.error(`没有找到生产构建 ${DIST_DIR}/BUILD_ID。请先构建：NEXT_DIST_DIR=${DIST_DIR} npx next build`);
  process.exit(2);
}
await bundleServer(DIST_DIR);

/** mulberry32: a small seeded PRNG, so a run's choices can be repeated (its timing cannot). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);

// ---------------------------------------------------------------------------------------------
// The database

function removeDatabase() {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DB_PATH + suffix, { force: true });
  fs.rmSync(attachmentsDirFor(DB_PATH), { recursive: true, force: true });
}

async function createDemoDatabase() {
  removeDatabase();
  const db = openDatabase(DB_PATH);
  // The demo's sign-offs issue receipt links, signed with the server's secret.
  process.env.AUTH_SECRET = AUTH_SECRET;
  const summary = await seedDemo(db);
  void closeDatabase(db);
  return summary;
}

function withDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(DB_PATH, { fileMustExist: true, timeout: 10_000 });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

type Target = { proposalId: number; username: string };

/** Proposals in handling whose lead unit has accepted them, each with a handler of that unit. */
function findTargets(db: Database.Database): Target[] {
  return db
    .prepare(
      `select p.id as proposalId, min(u.username) as username
         from proposals p
         join assignments a on a.proposal_id = p.id and a.role = 'lead' and a.status = 'accepted'
         join users u on u.unit_id = a.unit_id and u.role = 'handler' and u.disabled = 0
        where p.status in ('handling', 'rehandling')
        group by p.id
        order by (min(u.username) = 'jiangmj') desc, p.id`,
    )
    .all() as Target[];
}

const versionOf = (db: Database.Database, proposalId: number) =>
  (db.prepare("select version from proposals where id = ?").get(proposalId) as { version: number }).version;

type Ack = { kind: "draft" | "contact"; proposalId: number; marker: string; round: number };

type Check = { integrity: string[]; foreignKeys: number; missing: Ack[] };

/** integrity_check, foreign_key_check, and every acknowledged marker looked up where it must be. */
function check(acks: readonly Ack[]): Check {
  return withDb((db) => {
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeys = (db.pragma("foreign_key_check") as unknown[]).length;
    const drafts = new Set(
      (db.prepare(`select proposal_id || ':' || body as k from reply_drafts where body like '%${MARKER}%'`).all() as { k: string }[]).map(
        (r) => r.k,
      ),
    );
    const contacts = new Set(
      (
        db.prepare(`select proposal_id || ':' || summary as k from contact_records where summary like '%${MARKER}%'`).all() as {
          k: string;
        }[]
      ).map((r) => r.k),
    );
    const missing = acks.filter((a) => !(a.kind === "draft" ? drafts : contacts).has(`${a.proposalId}:${draftBody(a.marker, a.kind)}`));
    return { integrity, foreignKeys, missing };
  });
}

const draftBody = (marker: string, kind: Ack["kind"]) =>
  kind === "draft" ? `经研究，现将办理情况答复如下。（${marker}）` : `电话沟通办理思路（${marker}）`;

// ---------------------------------------------------------------------------------------------
// The server

type Server = { child: ChildProcess; exited: Promise<number | null> };

async function startServer(): Promise<Server> {
  const args = frontServerArgs(DIST_DIR);
  const log = fs.openSync(LOG_FILE, "a");
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      NODE_ENV: "production",
      DATABASE_PATH: DB_PATH,
      AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
    },
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited };
}

async function waitUntilReady(server: Server, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() < end && !exited) {
    try {
      const response = await fetch(`${BASE_URL}/login`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`服务未能在 ${timeoutMs / 1000} 秒内启动（日志：${LOG_FILE}）`);
}

async function kill(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}

// ---------------------------------------------------------------------------------------------
// The load

type Client = Target & { token: string; version: number };

/** `inFlight`: writes sent but never answered because the server died; they may or may not have committed. */
type RoundLoad = { calls: number; acks: Ack[]; inFlight: Ack[]; refused: string[] };

/** One client's calls until the server goes away (or the cap): a reply draft most times, a contact record otherwise. */
async function drive(
  client: Client,
  round: number,
  index: number,
  ids: { draft: string; contact: string },
  stop: { killed: boolean },
  load: RoundLoad,
) {
  const page = `/proposals/${client.proposalId}`;
  const today = isoDateInChina(new Date());
  for (let n = 0; n < MAX_CALLS_PER_ROUND && !stop.killed; n++) {
    const kind: Ack["kind"] = random() < 0.75 ? "draft" : "contact";
    const marker = `${MARKER} 第${round}轮 客户${index} 第${n}次 ${randomBytes(4).toString("hex")}`;
    const fields = handlerWriteFields({
      kind,
      proposalId: client.proposalId,
      version: client.version,
      text: draftBody(marker, kind),
      today,
    });
    load.calls++;
    let response: Awaited<ReturnType<typeof callServerAction>>;
    try {
      response = await callServerAction({
        baseURL: BASE_URL,
        page,
        actionId: kind === "draft" ? ids.draft : ids.contact,
        fields,
        sessionToken: client.token,
      });
    } catch {
      // The server died mid-request: this write was not acknowledged, whether or not it committed.
      load.inFlight.push({ kind, proposalId: client.proposalId, marker, round });
      return;
    }
    const result = response.result as { ok?: boolean; error?: string } | undefined;
    if (response.status === 200 && result?.ok === true) {
      load.acks.push({ kind, proposalId: client.proposalId, marker, round });
      client.version++;
    } else {
      load.refused.push(`提案 ${client.proposalId}：HTTP ${response.status} ${result?.error ?? response.body.slice(0, 120)}`);
      client.version = withDb((db) => versionOf(db, client.proposalId));
      if (load.refused.length > 50) return;
    }
  }
}

// ---------------------------------------------------------------------------------------------

const started = Date.now();
const ids = serverActionIds(DIST_DIR);
const draftAction = ids.get("app/(staff)/proposals/[id]/actions.ts#saveReplyDraft");
const contactAction = ids.get("app/(staff)/proposals/[id]/actions.ts#recordContact");
if (!draftAction || !contactAction) {
  console.error(`构建 ${DIST_DIR} 中没有 saveReplyDraft / recordContact 动作。`);
  process.exit(2);
}

console.log(`崩溃测试：${ROUNDS} 轮，种子 ${SEED}，端口 ${PORT}，数据库 ${path.relative(process.cwd(), DB_PATH)}，构建 ${DIST_DIR}`);
await createDemoDatabase();
const targets = withDb(findTargets).slice(0, CLIENTS);
if (targets.length === 0) {
  console.error("演示数据中没有处于办理中的提案。");
  process.exit(1);
}
const clients: Client[] = [];
for (const t of targets) clients.push({ ...t, token: await mintSessionToken(DB_PATH, AUTH_SECRET, t.username), version: 0 });
console.log(`并发客户端 ${clients.length} 个：${clients.map((c) => `${c.username}→提案${c.proposalId}`).join("，")}`);

const acknowledged: Ack[] = [];
const problems: string[] = [];
const rows: string[] = [];
let totalCalls = 0;
let totalRefused = 0;
const inFlight: Ack[] = [];
let server = await startServer();
try {
  await waitUntilReady(server);
  for (let round = 1; round <= ROUNDS; round++) {
    const roundStart = Date.now();
    // After a crash, a write in flight may or may not have committed: take the versions from the database.
    withDb((db) => {
      for (const c of clients) c.version = versionOf(db, c.proposalId);
    });
    // One read of each client's page first, so the kill falls among writes rather than the first render.
    await Promise.all(
      clients.map(async (c) =>
        fetch(`${BASE_URL}/proposals/${c.proposalId}`, {
          headers: { Cookie: `${SESSION_COOKIE}=${c.token}` },
          signal: AbortSignal.timeout(30_000),
        }).then(async (r) => r.arrayBuffer()),
      ),
    );
    const load: RoundLoad = { calls: 0, acks: [], inFlight: [], refused: [] };
    const stop = { killed: false };
    const killAfter = Math.round(KILL_AFTER_MS[0] + random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]));
    const running = clients.map(async (c, i) => drive(c, round, i + 1, { draft: draftAction, contact: contactAction }, stop, load));
    await new Promise((r) => setTimeout(r, killAfter));
    stop.killed = true;
    await kill(server, "SIGKILL");
    await Promise.all(running);
    acknowledged.push(...load.acks);
    inFlight.push(...load.inFlight);
    totalCalls += load.calls;
    totalRefused += load.refused.length;
    for (const r of load.refused.slice(0, 3)) problems.push(`第 ${round} 轮动作被拒绝：${r}`);

    server = await startServer();
    await waitUntilReady(server);
    const result = check(acknowledged);
    const ok = result.integrity.length === 1 && result.integrity[0] === "ok" && result.foreignKeys === 0 && result.missing.length === 0;
    rows.push(
      `第 ${String(round).padStart(2)} 轮：${killAfter} ms 后 SIGKILL，请求 ${load.calls}，确认写入 ${load.acks.length}，` +
        `累计 ${acknowledged.length} 条全部在库：${result.missing.length === 0 ? "是" : `否（缺 ${result.missing.length}）`}，integrity_check：${result.integrity.join("; ")}` +
        `${result.foreignKeys ? `，外键问题 ${result.foreignKeys}` : ""}（${((Date.now() - roundStart) / 1000).toFixed(1)} 秒）`,
    );
    console.log(rows.at(-1));
    if (!ok) {
      problems.push(
        `第 ${round} 轮：丢失 ${result.missing.length} 条已确认写入，integrity_check ${result.integrity.join("; ")}，外键问题 ${result.foreignKeys}`,
      );
      for (const m of result.missing.slice(0, 10))
        problems.push(`  丢失：${m.kind === "draft" ? "答复草稿" : "沟通记录"} 提案 ${m.proposalId} “${m.marker}”`);
    }
  }
} catch (error) {
  problems.push(`中止：${(error as Error).message}`);
} finally {
  await kill(server, "SIGTERM");
}

const inFlightCommitted = rows.length > 0 ? inFlight.length - check(inFlight).missing.length : 0;
const lost = problems.some((p) => p.includes("丢失") || p.includes("integrity_check") || p.startsWith("中止"));
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `\n汇总：${rows.length}/${ROUNDS} 轮，请求 ${totalCalls} 次，服务确认的写入 ${acknowledged.length} 条` +
    `（答复草稿 ${acknowledged.filter((a) => a.kind === "draft").length}，沟通记录 ${acknowledged.filter((a) => a.kind === "contact").length}），` +
    `${lost ? "发现问题" : "全部在库，每轮 integrity_check 均为 ok"}；被杀时未得到答复的写入 ${inFlight.length} 条（其中 ${inFlightCommitted} 条已提交）；` +
    `被拒绝的请求 ${totalRefused} 次；用时 ${seconds} 秒。`,
);
for (const p of problems) console.log(p);
if (acknowledged.length === 0) problems.push("没有任何写入被确认，测试无效。");
const failed = lost || acknowledged.length === 0 || rows.length < ROUNDS;
if (failed || args.keep) {
  console.log(`数据库保留在 ${DB_PATH}，服务日志 ${LOG_FILE}`);
} else {
  removeDatabase();
  fs.rmSync(LOG_FILE, { force: true });
}
process.exitCode = failed ? 1 : 0;
