/**
 * Where a page's time goes (issue #22): the production server of a build started under V8's CPU profiler on a
 * fresh copy of the bench database, one scenario of requests that never repeat sent one after another, then the
 * profile summed by where each function lives (React's renderer, Next's server, the database driver, the app's own
 * code, the garbage collector…) and its costliest functions listed. One server per scenario, so that each profile
 * holds one kind of page.
 *
 * The warm-up's requests (modules loaded, code compiled) are sent first and left out of the profile's sums.
 *
 * On PostgreSQL (`--db postgres`) each server runs on a fresh copy of the bench's kept PostgreSQL database (run.ts).
 *
 *   tsx scripts/bench/profile.ts [--db sqlite|postgres] [--dist .next-bench] [--requests 300] [--warmup 100] [--only work-any-handler,proposal-any,…] [--out DIR]
 */
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultPgServer } from "../lib/create-database";
import { mintSessionToken, SESSION_COOKIE } from "../lib/session-cookie";
import { ensureBenchDatabase, freshCopy } from "./generate";
import { ensureBenchPostgres, freshPostgresCopy } from "./postgres";
import { summarizeProfile, type CpuProfile } from "./profile-summary";
import { freePort, start } from "./server";
import { filterPools, randomFilterPaths } from "./staff-filters";
import { uniquePools, uniqueRequests } from "./unique";

const { values: args } = parseArgs({
  options: {
    dist: { type: "string", default: ".next-bench" },
    requests: { type: "string", default: "300" },
    warmup: { type: "string", default: "100" },
    only: { type: "string" },
    out: { type: "string", default: "data/bench-profile" },
    db: { type: "string", default: "sqlite" },
    pg: { type: "string", default: defaultPgServer() },
  },
});
const RUN_DB = path.resolve("data", "bench-profile.db");
const HEADERS = { accept: "text/html", "accept-encoding": "gzip", "accept-language": "zh-CN" };

async function main() {
  const { file } = await ensureBenchDatabase();
  if (args.db !== "sqlite" && args.db !== "postgres") throw new Error(`--db sqlite or --db postgres, not ${args.db}`);
  // The users are the same in the kept PostgreSQL database, a verified copy of the file: cookies are minted from the file.
  const kept = args.db === "postgres" ? (await ensureBenchPostgres(args.pg, file)).name : null;
  const read = new Database(file, { readonly: true });
  const unique = uniqueRequests(uniquePools(read));
  const filters = randomFilterPaths(filterPools(read));
  read.close();
  const authSecret = randomBytes(32).toString("base64url");
  const cookie = async (user: string) => `${SESSION_COOKIE}=${await mintSessionToken(file, authSecret, user)}`;
  const coordinator = await cookie("coordinator");
  const handlerCookies = new Map<string, string>();
  const handler = async () => {
    const user = unique.handler();
    if (!handlerCookies.has(user)) handlerCookies.set(user, await cookie(user));
    return handlerCookies.get(user)!;
  };
  const scenarios: Record<string, () => Promise<[string, string | undefined]>> = {
    "work-any-handler": async () => ["/work", await handler()],
    "proposal-any": async () => [unique.proposal(), coordinator],
    "staff-filters": async () => [filters(), coordinator],
    "statistics-random": async () => [unique.statistics(), coordinator],
    "public-list-any": async () => [unique.list(), undefined],
    "search-unique": async () => [unique.search(), undefined],
  };
  const only = args.only ? args.only.split(",") : Object.keys(scenarios);
  const count = Number(args.requests);
  fs.mkdirSync(args.out, { recursive: true });
  for (const name of only) {
    const next = scenarios[name];
    if (!next) throw new Error(`no scenario ${name}: ${Object.keys(scenarios).join(", ")}`);
    freshCopy(file, RUN_DB);
    const copy = kept ? await freshPostgresCopy(args.pg, kept) : null;
    const dir = path.resolve(args.out, name);
    fs.rmSync(dir, { recursive: true, force: true });
    const server = await start({
      distDir: args.dist,
      databasePath: RUN_DB,
      databaseUrl: copy?.url,
      port: await freePort(3520, 3530),
      authSecret,
      logFile: path.join(args.out, `${name}.log`),
      nextStart: false,
      nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=200"],
    });
    const times: number[] = [];
    const send = async () => {
      const [p, c] = await next();
      const started = performance.now();
      const res = await fetch(server.baseURL + p, { headers: { ...HEADERS, ...(c ? { cookie: c } : {}) }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
      return performance.now() - started;
    };
    let from = 0;
    try {
      for (let i = 0; i < Number(args.warmup); i++) await send();
      from = Number(process.hrtime.bigint() / 1000n);
      for (let i = 0; i < count; i++) times.push(await send());
    } finally {
      await server.stop();
      await copy?.drop();
    }
    const profiles = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
    const profile = JSON.parse(fs.readFileSync(path.join(dir, profiles[0]!), "utf8")) as CpuProfile;
    const sorted = times.toSorted((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    const summary = summarizeProfile(profile, count, from);
    const text = [
      `${name}: ${count} requests, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (after ${args.warmup} to warm up, under the profiler)`,
      ...summary,
    ].join("\n");
    fs.writeFileSync(path.join(args.out, `${name}.txt`), `${text}\n`);
    console.log(`${text}\n`);
  }
}

await main();
