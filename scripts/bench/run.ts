/**
 * npm run bench (issue #10): the production server on a database of 100,000 proposals, driven with
 * autocannon on loopback, every scenario first with one connection (service time) and then with
 * twenty (throughput), for a fixed time each. Writes bench/results.json and prints the table with the
 * targets. See bench/README.md. `--db postgres` measures the same data on PostgreSQL (scripts/bench/postgres.ts).
 *
 *   tsx scripts/bench/run.ts [--db sqlite|postgres] [--pg URL] [--no-build] [--regenerate] [--next-start] [--duration S] [--warmup S] [--only a,b] [--out FILE]
 */
import Database from "better-sqlite3";
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPLY_180_PARAGRAPHS } from "@/db/demo/reply-180";
import type { Engine } from "@/db/engine";
import { isoDateInChina } from "@/lib/format";
import { defaultPgServer, onServer } from "../lib/create-database";
import { handlerWriteFields } from "../lib/handler-writes";
import { readDatabase } from "../lib/read-database";
import { actionResult, encodeActionArguments, serverActionIds } from "../lib/server-action";
import { mintSessionToken, SESSION_COOKIE } from "../lib/session-cookie";
import { firstLoadJs, type FirstLoad } from "./first-load";
import { ensureBenchDatabase, freshCopy } from "./generate";
import { probe, runPhase, settle, type BuiltRequest, type PhaseResult, type RequestSpec } from "./load";
import { ensureBenchPostgres, freshPostgresCopy } from "./postgres";
import { build, freePort, serverKind, start } from "./server";
import { BENCH_ORIGIN, ensureStoredPages } from "./stored-pages";
import { ensureStoredRankings } from "./stored-rankings";
import { filterPools, randomFilterPaths, type FilterPools } from "./staff-filters";
import { describeMachine, report, SCENARIOS, type BenchResults, type Machine, type ScenarioName, type ScenarioResult } from "./targets";
import { picker, seededRandom, uniquePools, uniqueRequests, type UniquePools } from "./unique";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    pg: { type: "string", default: defaultPgServer() },
    "no-build": { type: "boolean", default: false },
    regenerate: { type: "boolean", default: false },
    "next-start": { type: "boolean", default: false },
    duration: { type: "string", default: "8" },
    warmup: { type: "string", default: "2" },
    only: { type: "string" },
    out: { type: "string", default: "bench/results.json" },
  },
});

const ENGINES: Record<string, Engine> = { sqlite: "sqlite", postgres: "postgresql", postgresql: "postgresql" };
const engine: Engine =
  ENGINES[args.db] ??
  (() => {
    throw new Error(`--db sqlite or --db postgres, not ${args.db}`);
  })();
const DIST_DIR = ".next-bench";
const RUN_DB = path.resolve("data", "bench-run.db");
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
/** Scenarios that read pages the page store keeps (a reply's page, the catalogue; mixed reads both). */
const STORED_PAGE_SCENARIOS = new Set<string>([
  "public-detail",
  "public-list",
  "public-list-deep",
  "public-detail-any",
  "public-list-any",
  "mixed",
]);
/** A single request slower than this is reported as it is (and as a failure) rather than waited for. */
const PROBE_TIMEOUT = 30;
/** Words of the generated texts (the demo's topics): 养老 in about 7,000 published replies, 垃圾分类 in about 3,000. */
const SEARCH_2CHAR = "养老";
const SEARCH_4CHAR = "垃圾分类";
/** What a browser sends; Next compresses pages for it. */
const BROWSER = {
  accept: "text/html,application/xhtml+xml,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  "accept-language": "zh-CN,zh;q=0.9",
};
const DRAFT_BODY = REPLY_180_PARAGRAPHS.join("\n\n");
/** The mixed scenario's share of writes; the rest are reads of the scenarios that never repeat. */
const MIXED_WRITES = 0.05;

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const say = (message: string) => process.stdout.write(`[bench ${elapsed()}] ${message}\n`);

const loadAverage = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

/** The machine, the commit and the load average at the start (the end is filled in when the run ends). */
function machine(): Machine {
  let commit = "";
  try {
    commit = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    const dirty = execSync("git status --porcelain --untracked-files=no", { encoding: "utf8" }).trim().split("\n").filter(Boolean).length;
    if (dirty > 0) commit += ` + ${dirty} modified files`;
  } catch {
    commit = "unknown";
  }
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    commit,
    started: new Date().toISOString(),
    loadAverage: { start: loadAverage(), end: [] },
  };
}

type Fixture = {
  proposals: number;
  detailId: number;
  detailLength: number;
  searchHits: { two: number; four: number };
  handlerUnitId: number;
  filterPools: FilterPools;
  unique: UniquePools;
};

/** What the scenarios need from the database: the letter-size publication, the search hits, jiangmj's unit. */
function fixture(file: string): Fixture {
  const db = new Database(file, { readonly: true });
  try {
    const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
    const detail = one<{ id: number; length: number }>(
      `select pub.id, length(d.body) as length from publications pub join replies r on r.id = pub.reply_id join reply_drafts d on d.id = r.draft_id
       where pub.status = 'published' and pub.mode = 'full' order by length(d.body) desc, pub.id desc limit 1`,
    );
    const like = `%${SEARCH_2CHAR}%`;
    return {
      proposals: one<{ n: number }>("select count(*) as n from proposals").n,
      detailId: detail.id,
      detailLength: detail.length,
      searchHits: {
        two: one<{ n: number }>("select count(*) as n from public_search where title like ? or body like ?", like, like).n,
        four: one<{ n: number }>("select count(*) as n from public_search where public_search match ?", `"${SEARCH_4CHAR}"`).n,
      },
      handlerUnitId: one<{ unit_id: number }>("select unit_id from users where username = 'jiangmj'").unit_id,
      filterPools: filterPools(db),
      unique: uniquePools(db),
    };
  } finally {
    db.close();
  }
}

/** A proposal a write goes to, its version (kept as the writes change it), the user who may make it, the lead unit. */
type Target = { id: number; version: number; username: string; unit: number };

/**
 * The proposals open to writes now, from the server's database (a SQLite file or a postgres:// URL), which the
 * writes change: `handling`, where the lead unit's handler who accepted it may save a draft or record a contact;
 * `review`, where the reply waits for the lead unit's director's sign-off.
 */
function writeTargets(database: string): Promise<{ handling: Target[]; review: Target[] }> {
  const lead = "from proposals p join assignments a on a.proposal_id = p.id and a.role = 'lead'";
  return readDatabase(database, async (db) => ({
    handling: await db.rows<Target>(
      `select p.id, p.version, u.username, a.unit_id as unit ${lead} join users u on u.id = a.handler_id
       where a.status = 'accepted' and p.status in ('handling', 'rehandling') order by p.id`,
    ),
    review: await db.rows<Target>(
      `select p.id, p.version, min(u.username) as username, a.unit_id as unit ${lead} join users u on u.unit_id = a.unit_id and u.role = 'director'
       where p.status = 'in_review' and coalesce(p.review_stage, 'director') = 'director' group by p.id, p.version, a.unit_id order by p.id`,
    ),
  }));
}

/**
 * bench/results.json: the last run on each engine. A file of one record without `engine` is from before PostgreSQL: SQLite's.
 * A run of some scenarios (`--only`) keeps the others from the record it replaces, named in `carriedOver`.
 */
function writeResults(file: string, run: BenchResults): void {
  const old = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults | Omit<BenchResults, "engine">) : [];
  const runs: BenchResults[] = Array.isArray(old) ? old : [{ engine: "sqlite", ...old }];
  const at = runs.findIndex((r) => r.engine === run.engine);
  const measured = new Set(run.scenarios.map((s) => s.name));
  const kept = at >= 0 && args.only ? runs[at]!.scenarios.filter((s) => !measured.has(s.name)) : [];
  if (kept.length > 0) {
    run.carriedOver = kept.map((s) => s.name);
    run.scenarios = [...run.scenarios, ...kept].sort((a, b) => SCENARIOS.indexOf(a.name) - SCENARIOS.indexOf(b.name));
  }
  if (at >= 0) runs[at] = run;
  else runs.push(run);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(runs, null, 2)}\n`);
}

/** The first refused write of the scenario (what the action answered), for the log. */
let refusal: string | null = null;
/** The scenario's writes by kind, accepted and refused, for the log. */
let written: Record<string, { ok: number; refused: number }> = {};

/** A scenario whose every request is built anew by `build`. */
const anew = (build: () => BuiltRequest): RequestSpec => ({ method: "GET", path: "/", headers: BROWSER, build });

/**
 * A server action as the browser sends it from `page` (whose render is the answer): `Next-Action`, the form's
 * fields as React encodes them, `Origin` (the configured public origin, as a browser on the site sends it). The answer is read (uncompressed, unlike the pages: autocannon hands
 * over the body as it came) and a write the action refused counts as an error; `done` hears which it was.
 */
function actionRequest(
  actionId: string,
  cookie: string,
  page: string,
  fields: Record<string, string>,
  done: (ok: boolean) => void,
): BuiltRequest {
  const form = encodeActionArguments(fields);
  return {
    method: "POST",
    path: page,
    headers: {
      ...BROWSER,
      accept: "text/x-component",
      "accept-encoding": "identity",
      cookie,
      origin: BENCH_ORIGIN,
      "next-action": actionId,
      "content-type": form.contentType,
    },
    body: form.body.toString("utf8"),
    check: (status, body) => {
      const value = actionResult(body) as { ok?: boolean } | undefined;
      const ok = status === 200 && value?.ok === true;
      if (!ok) refusal ??= `POST ${page}: HTTP ${status}: ${JSON.stringify(value) ?? body.slice(0, 200)}`;
      done(ok);
      return ok;
    },
  };
}

/**
 * The writes: a draft save (saveReplyDraft from the 起草答复函 page, a 2,500-character letter, a new text each
 * time) or a contact record (recordContact from the proposal's page) on a proposal in handling, as its handler,
 * each proposal in flight on one connection at a time and put back at the end of the queue with its version;
 * a sign-off (signOffReply, 同意签发, from the proposal's page) of a reply in review as the unit's director,
 * each proposal once.
 */
function writes(
  actions: { draft: string; contact: string; signOff: string },
  cookieOf: (username: string) => string,
  targets: { handling: Target[]; review: Target[] },
) {
  const handling = [...targets.handling];
  const review = [...targets.review];
  const today = isoDateInChina(new Date());
  let n = 0;
  const tally = (kind: string, ok: boolean) => {
    written[kind] ??= { ok: 0, refused: 0 };
    written[kind][ok ? "ok" : "refused"] += 1;
  };
  const handle = (kind: "draft" | "contact"): BuiltRequest => {
    // Never empty while the pool is larger than the connections: every request puts its proposal back.
    const t = handling.shift() ?? targets.handling[0]!;
    const text = kind === "draft" ? `${DRAFT_BODY}\n\n(第 ${++n} 次修改)` : `电话联系提案人，说明办理进展（第 ${++n} 次）。`;
    const fields = handlerWriteFields({ kind, proposalId: t.id, version: t.version, text, today });
    const page = kind === "draft" ? `/proposals/${t.id}/reply` : `/proposals/${t.id}`;
    return actionRequest(actions[kind], cookieOf(t.username), page, fields, (ok) => {
      tally(kind, ok);
      if (ok) t.version += 1;
      handling.push(t);
    });
  };
  const signOff = (): BuiltRequest => {
    const t = review.shift();
    if (!t) return handle("draft");
    const fields = { proposalId: String(t.id), version: String(t.version), decision: "approve", comment: "同意签发。" };
    return actionRequest(actions.signOff, cookieOf(t.username), `/proposals/${t.id}`, fields, (ok) => tally("sign-off", ok));
  };
  return { draft: () => handle("draft"), contact: () => handle("contact"), signOff };
}

async function main() {
  const host = machine();
  say(`开始（${engine}）：${describeMachine(host)}`);
  fs.mkdirSync("data", { recursive: true });
  // The build (another process) and the data (this one) at the same time.
  if (!args["no-build"]) say(`next build → ${DIST_DIR}（日志 data/bench-build.log）…`);
  const building = (args["no-build"] ? Promise.resolve(null) : build(DIST_DIR, path.join("data", "bench-build.log"))).catch(
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  const { file: cached, generated } = await ensureBenchDatabase({ force: args.regenerate });
  const built = await building;
  if (built instanceof Error) throw built;
  if (built !== null) say(`构建完成，用时 ${built.toFixed(0)} 秒`);
  if (!fs.existsSync(path.join(DIST_DIR, "BUILD_ID"))) throw new Error(`No build in ${DIST_DIR}: run without --no-build`);
  // Every proposal's similar ranking as a running deployment has them stored (decision 020), before PostgreSQL's copy.
  const rankedSeconds = await ensureStoredRankings(cached, say);
  if (rankedSeconds !== null) say(`相似提案排序已存储，用时 ${rankedSeconds.toFixed(0)} 秒`);
  let database = RUN_DB;
  let dropRunDatabase = async () => {};
  const authSecret = randomBytes(32).toString("base64url");
  // The public pages as a running deployment of this build has them stored (decisions 014, 019): a new build renders
  // them all again (~16 minutes), which a run of no public scenario does not wait for.
  const selected = args.only ? args.only.split(",") : SCENARIOS;
  const storing = selected.some((name) => STORED_PAGE_SCENARIOS.has(name));
  if (!storing) say("所选场景不读公开页面，不等待存储页面");
  let storedPagesSeconds: number | null = null;
  if (engine === "postgresql") {
    const { name: kept } = await ensureBenchPostgres(args.pg, cached);
    const keptUrl = onServer(args.pg, kept);
    const [buffers] = await readDatabase(keptUrl, (db) => db.rows<{ shared_buffers: string }>("show shared_buffers"));
    host.postgres = { sharedBuffers: buffers?.shared_buffers ?? "unknown" };
    say(`PostgreSQL shared_buffers ${host.postgres.sharedBuffers}`);
    if (storing)
      storedPagesSeconds = await ensureStoredPages({
        distDir: DIST_DIR,
        database: keptUrl,
        databasePath: RUN_DB,
        databaseUrl: keptUrl,
        authSecret,
        say,
      });
    const run = await freshPostgresCopy(args.pg, kept);
    database = run.url;
    dropRunDatabase = run.drop;
  } else {
    if (storing)
      storedPagesSeconds = await ensureStoredPages({ distDir: DIST_DIR, database: cached, databasePath: cached, authSecret, say });
    freshCopy(cached, RUN_DB);
  }
  if (storedPagesSeconds !== null) say(`答复页面已存储，用时 ${storedPagesSeconds.toFixed(0)} 秒`);
  // From the cached SQLite file on both engines: the PostgreSQL database is db:copy's verified copy of it,
  // and these figures (and the FTS5 count, SQLite's own) are the same there.
  const fx = fixture(cached);
  say(
    `数据：${fx.proposals} 件提案；详情页 /open/${fx.detailId}（正文 ${fx.detailLength} 字）；“${SEARCH_2CHAR}” ${fx.searchHits.two} 条，“${SEARCH_4CHAR}” ${fx.searchHits.four} 条`,
  );

  // One generator of each kind for the whole run: the phases go on with the sequence instead of repeating it.
  const filterPaths = randomFilterPaths(fx.filterPools);
  const unique = uniqueRequests(fx.unique);

  const port = await freePort(3500, 3510);
  const nextStart = args["next-start"];
  const serverOptions = {
    distDir: DIST_DIR,
    databasePath: RUN_DB,
    databaseUrl: engine === "postgresql" ? database : undefined,
    port,
    authSecret,
    logFile: path.join("data", "bench-server.log"),
    nextStart,
    // Without the scenarios that read stored pages none were stored for this build: with a public origin the server
    // would spend the run rendering all ~65,000 of them beside the requests measured (decision 014).
    publicOrigin: storing ? BENCH_ORIGIN : undefined,
  };
  let server = await start(serverOptions);
  let rssMaxMB = 0;
  const { baseURL } = server;
  say(`${serverKind(nextStart)} ${baseURL}（日志 data/bench-server.log）`);
  const results: ScenarioResult[] = [];
  const firstLoads: FirstLoad[] = [];
  try {
    const minted = new Map<string, string>();
    /** Session cookies of `users`, each minted once in the run (one after another: each reads its user from the database). */
    const cookies = async (users: Iterable<string>) => {
      for (const user of users)
        if (!minted.has(user)) minted.set(user, `${SESSION_COOKIE}=${await mintSessionToken(database, authSecret, user)}`);
      return (user: string) => minted.get(user)!;
    };
    const cookie = async (user: string) => (await cookies([user]))(user);
    const staff = { handler: await cookie("jiangmj"), director: await cookie("dengmj"), coordinator: await cookie("coordinator") };
    const handlers = await cookies(fx.unique.handlers);
    const manifest = serverActionIds(DIST_DIR);
    const action = (name: string) => {
      const id = manifest.get(`app/(staff)/proposals/[id]/actions.ts#${name}`);
      if (!id) throw new Error(`${name} is not in the build's server-reference manifest`);
      return id;
    };
    const actions = { draft: action("saveReplyDraft"), contact: action("recordContact"), signOff: action("signOffReply") };
    const page = (p: string, cookieHeader?: string): BuiltRequest => ({
      path: p,
      headers: { ...BROWSER, ...(cookieHeader ? { cookie: cookieHeader } : {}) },
    });
    const get = (p: string, cookieHeader?: string): RequestSpec => ({ method: "GET", ...page(p, cookieHeader) });
    const q = (word: string) => `/open/search?q=${encodeURIComponent(word)}`;
    const reads = {
      "public-detail-any": () => page(unique.detail()),
      "public-list-any": () => page(unique.list()),
      "search-unique": () => page(unique.search()),
      "work-any-handler": () => page("/work", handlers(unique.handler())),
      "proposal-any": () => page(unique.proposal(), staff.coordinator),
      "statistics-random": () => page(unique.statistics(), staff.coordinator),
    };
    const mixRandom = seededRandom(0x5eed_0095);
    const pickRead = picker(mixRandom);
    const readKinds = Object.values(reads);
    const specs: Record<ScenarioName, () => RequestSpec | Promise<RequestSpec>> = {
      static: () => get("/humans.txt"),
      "public-detail": () => get(`/open/${fx.detailId}`),
      "public-list": () => get("/open"),
      "public-list-deep": () => get("/open?page=500"),
      "search-2char": () => get(q(SEARCH_2CHAR)),
      "search-4char": () => get(q(SEARCH_4CHAR)),
      "work-list": () => get("/work", staff.handler),
      "director-queue": () => get("/work", staff.director),
      statistics: () => get("/stats", staff.coordinator),
      "staff-filters": () => anew(() => page(filterPaths(), staff.coordinator)),
      "draft-save": async () => {
        const pool = (await writeTargets(database)).handling.filter((t) => t.unit === fx.handlerUnitId);
        if (pool.length < 40) throw new Error(`Only ${pool.length} proposals to save drafts on`);
        return anew(writes(actions, () => staff.handler, { handling: pool, review: [] }).draft);
      },
      "public-detail-any": () => anew(reads["public-detail-any"]),
      "public-list-any": () => anew(reads["public-list-any"]),
      "search-unique": () => anew(reads["search-unique"]),
      "work-any-handler": () => anew(reads["work-any-handler"]),
      "proposal-any": () => anew(reads["proposal-any"]),
      "statistics-random": () => anew(reads["statistics-random"]),
      mixed: async () => {
        const targets = await writeTargets(database);
        const cookieOf = await cookies(new Set([...targets.handling, ...targets.review].map((t) => t.username)));
        const write = writes(actions, cookieOf, targets);
        const kinds = [write.draft, write.contact, write.signOff];
        let w = 0;
        return anew(() =>
          mixRandom() < MIXED_WRITES ? { ...kinds[w++ % kinds.length]!(), kind: "写入" } : { ...pickRead(readKinds)(), kind: "读取" },
        );
      },
    };

    for (const page of [`/open/${fx.detailId}`, "/open", q(SEARCH_2CHAR)]) firstLoads.push(await firstLoadJs(baseURL, page));
    say(`首次加载 JS（gzip）：${firstLoads.map((f) => `${f.path} ${f.gzipKB} KB（${f.scripts} 个脚本）`).join("；")}`);

    const only = args.only ? new Set(args.only.split(",")) : null;
    const codes = (p: PhaseResult) =>
      Object.entries(p.statusCodes)
        .map(([code, n]) => `${code}×${n}`)
        .join(" ");
    for (const name of SCENARIOS) {
      if (only && !only.has(name) && name !== "static") continue;
      // One request first: a page that does not answer 2xx (a sign-in redirect, an error) is reported before
      // it is measured, and a page slower than a whole phase is not put under load (it would keep the server
      // busy long after the phase): its one answer is its c1 figure, and c20 counts an error per connection.
      let first = await probe(baseURL, await specs[name](), PROBE_TIMEOUT);
      // The first request of a route also loads its code: when it was slow (but answered), the second one decides.
      if (first.ms > DURATION * 1000 && first.status !== 0) first = await probe(baseURL, await specs[name](), PROBE_TIMEOUT);
      if (!first.ok)
        say(
          `${name}: 预检请求未成功（${first.error ?? `HTTP ${first.status}`}），以下计为错误${first.body ? `：${first.body.replaceAll("\n", " ")}` : ""}`,
        );
      let c1: PhaseResult;
      let c20: PhaseResult;
      if (first.ms > DURATION * 1000) {
        say(`${name}: 单个请求用时 ${(first.ms / 1000).toFixed(1)} 秒，超过一个测量阶段（${DURATION} 秒），不再加压`);
        const once = (connections: number, rps: number, errors: number): PhaseResult => ({
          connections,
          seconds: first.ms / 1000,
          requests: rps > 0 ? 1 : 0,
          rps,
          p50: first.ms,
          p95: first.ms,
          p99: first.ms,
          errors,
          statusCodes: first.status ? { [first.status]: 1 } : {},
        });
        // A probe that timed out gives only a lower bound of the latency, and no throughput.
        c1 = once(1, first.ok ? Math.round((1000 / first.ms) * 100) / 100 : 0, first.ok ? 0 : 1);
        c20 = once(20, 0, 20);
      } else {
        // Warm-up for the quick pages (the JIT); a slow page is warm after its probe, and a warm-up would only
        // leave renders queued in front of the measured phase.
        if (WARMUP > 0 && first.ms < 500) {
          const warm = await runPhase(baseURL, await specs[name](), 4, WARMUP);
          const failures = Object.entries(warm.statusCodes).filter(([code]) => !code.startsWith("2"));
          if (failures.length > 0) say(`${name}: 预热时的非 2xx 响应 ${failures.map(([code, n]) => `${code}×${n}`).join(" ")}`);
        }
        await settle(baseURL, "/humans.txt", 10);
        c1 = await runPhase(baseURL, await specs[name](), 1, DURATION);
        await settle(baseURL, "/humans.txt", 10);
        c20 = await runPhase(baseURL, await specs[name](), 20, DURATION);
      }
      // Renders still running after the phase (the server does not stop work for a closed connection) would
      // weigh on the next scenario: when the server is not quick again within 10 s, it is restarted.
      const settled = await settle(baseURL, "/humans.txt", 10);
      if (!settled) {
        say(`${name}: 阶段结束 10 秒后服务器仍忙，重启服务器`);
        rssMaxMB = Math.max(rssMaxMB, server.rssMaxMB());
        await server.stop();
        server = await start({ ...serverOptions, logFile: path.join("data", `bench-server-after-${name}.log`) });
      }
      say(
        `${name}: c1 ${c1.rps} rps p95 ${c1.p95} ms [${codes(c1)}${c1.errors ? `, ${c1.errors} errors` : ""}]; ` +
          `c20 ${c20.rps} rps p99 ${c20.p99} ms [${codes(c20)}${c20.errors ? `, ${c20.errors} errors` : ""}]; ${first.bytes} bytes; ` +
          `load average ${loadAverage().join(" ")}`,
      );
      const writeCounts = Object.entries(written).map(([kind, n]) => `${kind} ${n.ok}${n.refused ? `（拒绝 ${n.refused}）` : ""}`);
      if (writeCounts.length > 0) say(`${name}: 写入（含预检和预热）：${writeCounts.join("，")}`);
      for (const [phase, result] of [
        ["c1", c1],
        ["c20", c20],
      ] as const)
        for (const [kind, t] of Object.entries(result.byKind ?? {}))
          say(`${name}: ${phase} ${kind} ${t.requests} 个，p50 ${t.p50} ms，p95 ${t.p95} ms，p99 ${t.p99} ms`);
      if (refusal) say(`${name}: 被拒绝的写入：${refusal}`);
      refusal = null;
      written = {};
      results.push({
        name,
        c1: { rps: c1.rps, p50: c1.p50, p95: c1.p95, p99: c1.p99 },
        c20: { rps: c20.rps, p50: c20.p50, p95: c20.p95, p99: c20.p99, errors: c20.errors },
        ...(c20.byKind ? { c20ByKind: c20.byKind } : {}),
        ratio: 0,
      });
    }
  } finally {
    await server.stop();
    await dropRunDatabase();
  }
  const staticRps = results.find((r) => r.name === "static")?.c20.rps ?? Number.NaN;
  for (const r of results) r.ratio = Math.round((r.c20.rps / staticRps) * 1000) / 1000;
  host.loadAverage.end = loadAverage();
  const out: BenchResults = {
    engine,
    machine: host,
    proposals: fx.proposals,
    rssMaxMB: Math.max(rssMaxMB, server.rssMaxMB()),
    publicFirstLoadJsKB: firstLoads[0]!.gzipKB,
    scenarios: results,
  };
  const { text } = report(out);
  const searches = unique.searches();
  writeResults(args.out, out);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(RUN_DB + suffix, { force: true });
  process.stdout.write(`\n${text}\n`);
  process.stdout.write(
    `first-load JS (gzip): ${firstLoads.map((f) => `${f.path} ${f.gzipKB} KB`).join(", ")}\n` +
      `search words: ${searches.asked} asked for, of ${searches.words} distinct${searches.asked > searches.words ? " (so some were asked for again)" : ""}\n` +
      `${generated ? `generated the database in ${generated.seconds.toFixed(0)} s; ` : ""}wrote ${args.out}; total ${elapsed()}\n`,
  );
}

await main();
