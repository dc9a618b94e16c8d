/**
 * The benchmark database: 100,000 proposals over 10 sessions and 200 units (scripts/bench/cast.ts),
 * told by the demo's generator and handled, as the demo is, through the use cases at the moments their
 * scripts say (db/demo/stage.ts), one transaction per year. Deterministic (fixed seed and a fixed
 * "today"), and kept in data/ under the generator's version, so that a rerun only copies it.
 *
 *   tsx scripts/bench/generate.ts [--force]
 */
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase, MIGRATIONS_DIR, openDatabase } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/demo";
import { Rng } from "@/db/demo/random";
import { insertReference } from "@/db/demo/reference";
import { Stage, type StoryIds } from "@/db/demo/stage";
import { hashPassword } from "@/lib/password";
import { benchCast } from "./cast";
import { tellSession, type TellStats } from "./plans";

/** Bump when the generated data changes, so that cached databases are made again. */
export const GENERATOR_VERSION = 2;
export const PROPOSALS = 100_000;
/** The day the data is generated "as of": fixed, so the data is the same on every machine and day. */
export const BENCH_TODAY = "2026-06-15";
const SEED = 0xbe4c_0010;
/**
 * Signs the receipt links issued at sign-off when AUTH_SECRET is not set: the bench server runs with a key
 * of its own and never uses them, but the data must not depend on the machine.
 */
const RECEIPT_LINK_KEY = "bench-generator-receipt-links-0123456789";

export const benchDatabasePath = (dataDir = "data") => path.resolve(dataDir, `bench-100k-v${GENERATOR_VERSION}.db`);

export type GenerationReport = { file: string; seconds: number; proposals: number; published: number; fellBack: number };

function log(message: string) {
  process.stdout.write(`[bench] ${message}\n`);
}

/** Writes the database to `file` (replacing it). */
export async function generateBenchDatabase(file: string, proposals = PROPOSALS): Promise<GenerationReport> {
  const started = performance.now();
  const year = Number(BENCH_TODAY.slice(0, 4));
  const cast = benchCast(year);
  const tmp = `${file}.tmp`;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(tmp + suffix, { force: true });
  // The app's own connection (migrated, statements kept), writing with journaling off: a failed run leaves only the .tmp file.
  const db = openDatabase(tmp, { alone: true });
  const sqlite = db.$client;
  // Out of WAL first (journal_mode cannot go from WAL to OFF directly; it stayed WAL, and a year's
  // transaction spilled into the WAL file), and a page cache larger than a year's writes: with 256 MB
  // the later years read the same pages back from the file again and again (300 GB read in 14 minutes).
  sqlite.pragma("journal_mode = DELETE");
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -3145728");
  // Statement journals (every insert fires triggers) in memory rather than a temporary file: 20 GB written in 10 minutes.
  sqlite.pragma("temp_store = MEMORY");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const createdAt = new Date(`${year - 5}-12-01T09:00:00+08:00`);

  const ids = await db.transaction(async (tx) => {
    const ref = await insertReference(tx, { passwordHash, year, createdAt });
    const units = new Map<string, number>(Object.entries(ref.units));
    const users = new Map(ref.users);
    const sessions = new Map<string, number>(Object.entries(ref.sessions));
    const insertUnit = sqlite.prepare(
      "insert into units (name, short_name, doc_prefix, index_prefix, kind, created_at) values (?, ?, ?, ?, ?, ?)",
    );
    const insertUser = sqlite.prepare(
      "insert into users (username, password_hash, display_name, role, unit_id, title, phone, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertSession = sqlite.prepare("insert into sessions (body, term, meeting, year, kind, created_at) values (?, ?, ?, ?, ?, ?)");
    for (const u of cast.extraUnits) {
      const unitId = Number(insertUnit.run(u.name, u.shortName, u.docPrefix, u.indexPrefix, u.kind, createdAt.getTime()).lastInsertRowid);
      units.set(u.key, unitId);
      for (const p of [u.handler, u.director]) {
        users.set(
          p.login,
          Number(insertUser.run(p.login, passwordHash, p.name, p.role, unitId, p.title, p.phone, createdAt.getTime()).lastInsertRowid),
        );
      }
    }
    for (const m of cast.extraMembers) {
      users.set(m.login, Number(insertUser.run(m.login, null, m.name, "member", null, null, null, createdAt.getTime()).lastInsertRowid));
    }
    for (const s of cast.sessions) {
      if (s.demo) continue;
      sessions.set(s.key, Number(insertSession.run(s.body, s.term, s.meeting, s.year, s.kind, createdAt.getTime()).lastInsertRowid));
    }
    const lookup = (map: Map<string, number>, what: string) => (key: string) => {
      const id = map.get(key);
      if (id === undefined) throw new Error(`Bench data: unknown ${what} ${key}`);
      return id;
    };
    const storyIds: StoryIds = {
      unit: lookup(units, "unit"),
      user: lookup(users, "user"),
      category: lookup(ref.categories, "category"),
      session: lookup(sessions, "session"),
    };
    return storyIds;
  });

  process.env.AUTH_SECRET ??= RECEIPT_LINK_KEY;
  const stage = new Stage(db, ids);
  const rng = new Rng(SEED);
  const stats: TellStats = { told: 0, fellBack: 0 };
  const perSession = Math.round(proposals / cast.sessions.length);
  // One year at a time (its CPPCC and NPC sessions), whose acts all lie within that year.
  for (const y of [...new Set(cast.sessions.map((s) => s.year))].sort()) {
    const t0 = performance.now();
    const scripts = cast.sessions.filter((s) => s.year === y).flatMap((s) => tellSession(rng, cast, s, perSession, BENCH_TODAY, stats));
    const t1 = performance.now();
    await db.transaction(async () => stage.perform(scripts.flat()));
    log(
      `${y}: ${scripts.length} 件提案（生成 ${((t1 - t0) / 1000).toFixed(1)} 秒，办理 ${((performance.now() - t1) / 1000).toFixed(1)} 秒）`,
    );
  }
  const published = (sqlite.prepare("select count(*) as n from publications where status = 'published'").get() as { n: number }).n;
  const indexed = (sqlite.prepare("select count(*) as n from public_search").get() as { n: number }).n;
  if (indexed !== published) throw new Error(`Bench data: ${published} published replies but ${indexed} in the search index`);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  fs.renameSync(tmp, file);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(tmp + suffix, { force: true });
  const seconds = (performance.now() - started) / 1000;
  return { file, seconds, proposals: stats.told, published, fellBack: stats.fellBack };
}

/**
 * A digest of a migrations folder in the working tree (SQLite's unless told): the cached database is kept
 * migrated per digest (scripts/bench/postgres.ts: its PostgreSQL copy per digest of both).
 */
export function migrationsDigest(dir = MIGRATIONS_DIR): string {
  const hash = createHash("sha256");
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith(".sql")) continue;
    hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  }
  hash.update(fs.readFileSync(path.join(dir, "meta", "_journal.json")));
  return hash.digest("hex").slice(0, 10);
}

/**
 * The cached database for this working tree: the generated file (made first when missing, or when
 * `force`), copied and brought up to the current migrations (new indexes, say) once per set of
 * migrations, so that a run only copies it.
 */
export async function ensureBenchDatabase(
  options: { force?: boolean; dataDir?: string } = {},
): Promise<{ file: string; generated: GenerationReport | null }> {
  const base = benchDatabasePath(options.dataDir);
  let generated: GenerationReport | null = null;
  if (options.force || !fs.existsSync(base)) {
    log(`正在生成基准数据库 ${path.relative(process.cwd(), base)}（${PROPOSALS} 件提案）…`);
    generated = await generateBenchDatabase(base);
    log(`已生成：${generated.proposals} 件提案，已公开 ${generated.published} 件，用时 ${generated.seconds.toFixed(0)} 秒`);
  }
  const stem = base.replace(/\.db$/, "");
  const migrated = `${stem}.m-${migrationsDigest()}.db`;
  if (generated || !fs.existsSync(migrated)) {
    const started = performance.now();
    for (const old of fs.readdirSync(path.dirname(base))) {
      if (old.startsWith(`${path.basename(stem)}.m-`)) fs.rmSync(path.join(path.dirname(base), old), { force: true });
    }
    const tmp = `${migrated}.tmp`;
    freshCopy(base, tmp);
    void closeDatabase(openDatabase(tmp));
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(tmp + suffix, { force: true });
    fs.renameSync(tmp, migrated);
    log(`已按当前迁移准备 ${path.relative(process.cwd(), migrated)}（${((performance.now() - started) / 1000).toFixed(0)} 秒）`);
  }
  return { file: migrated, generated };
}

/** Validates the cached file and returns a fresh copy for one run (a run writes drafts into it). */
export function freshCopy(source: string, target: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(source, target);
  const check = new Database(target, { readonly: true });
  try {
    check.prepare("select count(*) from proposals").get();
  } finally {
    check.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { force: { type: "boolean", default: false }, proposals: { type: "string" }, out: { type: "string" } },
  });
  if (values.proposals || values.out) {
    // A smaller or separate database, for trying the generator out.
    const report = await generateBenchDatabase(path.resolve(values.out ?? "data/bench-try.db"), Number(values.proposals ?? PROPOSALS));
    log(
      `已生成 ${report.file}：${report.proposals} 件提案，已公开 ${report.published} 件，退回较早阶段 ${report.fellBack} 件，用时 ${report.seconds.toFixed(0)} 秒`,
    );
  } else {
    await ensureBenchDatabase({ force: values.force });
  }
}
