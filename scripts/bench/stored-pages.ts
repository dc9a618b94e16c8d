/**
 * The published replies' pages and the catalogue's pages, stored (docs/decisions/014, 019) in the bench's kept
 * database for the build under test, as a deployment that has been running has them: instances of that build are
 * started on the kept database with the bench's public origin and left to render and store every page; a run's copy
 * then holds them. Kept per build: a new build renders every page again, as it does when deployed.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PUBLIC_PAGE_SIZE } from "@/db/queries/public";
import { readDatabase } from "../lib/read-database";
import { freePort, type Server, start } from "./server";

/** The origin the bench's server is configured with (PUBLIC_ORIGIN): a real-looking name, never the loopback address. */
export const BENCH_ORIGIN = "http://bench.tian-banli.example";

/**
 * Published replies without a page of this build for the bench's origin, and the catalogue's pages without one for
 * the site's version of now (counted at the catalogue's page size over every published reply).
 */
async function missing(database: string, buildId: string): Promise<{ missing: number; published: number; listPages: number }> {
  return readDatabase(database, async (db) => {
    const [row] = await db.rows<{ missing: number; published: number; listed: number }>(
      `select count(*) as published,
              sum(case when pp.publication_id is null then 1 else 0 end) as missing,
              (select count(*) from public_list_pages lp where lp.build_id = ? and lp.origin = ?
                 and lp.site_version = coalesce((select version from public_site_version where id = 1), 0)) as listed
       from publications p left join public_pages pp on pp.publication_id = p.id and pp.build_id = ? and pp.origin = ?
       where p.status = 'published'`,
      buildId,
      BENCH_ORIGIN,
      buildId,
      BENCH_ORIGIN,
    );
    const published = Number(row?.published ?? 0);
    const listPages = Math.max(1, Math.ceil(published / PUBLIC_PAGE_SIZE)) - Number(row?.listed ?? 0);
    return { missing: Number(row?.missing ?? 0) + listPages, published, listPages };
  });
}

/**
 * Makes sure the kept database (`database`: the SQLite file, or PostgreSQL's URL with `databasePath` for its files)
 * holds every published reply's page of the build in `distDir`: when pages are missing, one instance per core renders
 * them (the queue shares them out) while `say` hears the progress. Returns the seconds it took, or null when none was missing.
 */
export async function ensureStoredPages(options: {
  distDir: string;
  database: string;
  databasePath: string;
  databaseUrl?: string;
  authSecret: string;
  say: (message: string) => void;
}): Promise<number | null> {
  const buildId = fs.readFileSync(path.join(options.distDir, "BUILD_ID"), "utf8").trim();
  const before = await missing(options.database, buildId);
  if (before.missing === 0) return null;
  options.say(
    `存储页面：${before.published} 件已公开答复、目录 ${before.listPages} 页中共 ${before.missing} 页尚无本构建的页面，启动 ${os.cpus().length} 个实例渲染…`,
  );
  const started = performance.now();
  const servers: Server[] = [];
  try {
    for (let i = 0; i < os.cpus().length; i++) {
      servers.push(
        await start({
          distDir: options.distDir,
          databasePath: options.databasePath,
          databaseUrl: options.databaseUrl,
          port: await freePort(3520, 3540),
          authSecret: options.authSecret,
          logFile: path.join("data", `bench-pages-${i}.log`),
          nextStart: false,
          publicOrigin: BENCH_ORIGIN,
        }),
      );
    }
    for (let last = before.missing; ; ) {
      await new Promise((r) => setTimeout(r, 15_000));
      const now = await missing(options.database, buildId);
      if (now.missing === 0) break;
      const seconds = (performance.now() - started) / 1000;
      options.say(
        `存储页面：还差 ${now.missing} 页（${seconds.toFixed(0)} 秒，每秒 ${((before.missing - now.missing) / seconds).toFixed(1)} 页）`,
      );
      if (now.missing === last && servers.some((s) => s.child.exitCode !== null))
        throw new Error("存储答复页面的实例已退出，见 data/bench-pages-*.log");
      last = now.missing;
    }
  } finally {
    for (const server of servers) await server.stop();
  }
  // The servers' writes into the SQLite file's WAL, checkpointed into the file that a run copies.
  if (!options.databaseUrl) {
    const db = new Database(options.database);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
  }
  return (performance.now() - started) / 1000;
}
