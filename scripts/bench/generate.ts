/**
 * The benchmark database: 100,000 proposals over 10 sessions and 200 units (scripts/bench/cast.ts),
 * told by the demo's generator and handled, as the demo is, through the use cases at the moments their
 * scripts say (db/demo/stage.ts), one transaction per year. Deterministic (fixed seed and a fixed
 * "today"), and kept in data/ under the generator's version, so that a rerun only copies it.
 *
 * Each year's time (wall clock and the process's CPU time) is printed and recorded beside the file
 * (`<file>.generation.json`); the years stay within 1.5× of each other (issue #22): see bench/README.md.
 *
 *   tsx scripts/bench/generate.ts [--force]
 *   tsx scripts/bench/generate.ts --proposals 10000 --out /tmp/try.db [--profile]   (--profile: the costliest statements of each year)
 */
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
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
import { StatementTimes } from "./statement-times";

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

/** One year's writing: its proposals told, and the seconds taken (wall clock, and the process's CPU time). */
export type YearTime = { year: number; proposals: number; acts: number; seconds: number; cpuSeconds: number };

export type GenerationReport = {
  file: string;
  seconds: number;
  proposals: number;
  published: number;
  fellBack: number;
  years: YearTime[];
  /** The full-text indexes built from the written rows at the end (see suspendSearchIndex). */
  searchIndexSeconds: number;
};

/**
 * The triggers that keep the full-text tables (public_search, proposal_titles, proposal_bodies; migrations
 * 0002, 0006 and 0016). FTS5 writes each statement's rows to the index as a segment of its own when the
 * next statement of the transaction begins (its xSavepoint flushes the pending rows), and every such
 * segment costs merge work: written row by row inside a year's transaction, they took most of the
 * later years' time, growing with the index (issue #22). The generator drops them while it writes and
 * builds the three indexes at the end from the rows, as the migrations that created them do, then puts
 * the triggers back as they were: the same index content (no use case changes a proposal's title or
 * body, or a published reply's text), written once.
 */
const SEARCH_TRIGGERS = /^(publications_search|proposal_titles|proposal_bodies)_(insert|update|delete)$/;

/** The full-text indexes, built from the tables (the statements of migrations 0006 and 0016). */
const BUILD_SEARCH_INDEX = [
  "INSERT INTO proposal_titles (rowid, title) SELECT id, title || char(10, 10) FROM proposals",
  "INSERT INTO proposal_bodies (rowid, body) SELECT id, body || char(10, 10) FROM proposals",
  `INSERT INTO public_search (rowid, title, body)
   SELECT pub.id, p.title || char(10, 10), CASE pub.mode WHEN 'full' THEN d.body ELSE coalesce(pub.summary, '') END || char(10, 10)
   FROM publications pub
   JOIN replies r ON r.id = pub.reply_id
   JOIN reply_drafts d ON d.id = r.draft_id
   JOIN proposals p ON p.id = r.proposal_id
   WHERE pub.status = 'published'`,
  // One b-tree per index, as a long-running database's merges tend to (and the fastest to search).
  "INSERT INTO proposal_titles (proposal_titles) VALUES ('optimize')",
  "INSERT INTO proposal_bodies (proposal_bodies) VALUES ('optimize')",
  "INSERT INTO public_search (public_search) VALUES ('optimize')",
];

/** Drops the full-text triggers of an empty database; returns what puts them back after the index is built. */
function suspendSearchIndex(sqlite: Database.Database): () => void {
  const triggers = (
    sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' order by name").all() as { name: string; sql: string }[]
  ).filter((t) => SEARCH_TRIGGERS.test(t.name));
  if (triggers.length !== 9)
    throw new Error(`Bench data: expected the 9 full-text triggers, found ${triggers.map((t) => t.name).join(", ")}`);
  const rows = sqlite.prepare("select (select count(*) from proposals) + (select count(*) from publications) as n").get() as { n: number };
  if (rows.n !== 0) throw new Error("Bench data: the full-text triggers are suspended only before anything is written");
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    for (const statement of BUILD_SEARCH_INDEX) sqlite.exec(statement);
    for (const t of triggers) sqlite.exec(t.sql);
  };
}

function log(message: string) {
  process.stdout.write(`[bench] ${message}\n`);
}

/** Writes the database to `file` (replacing it). */
export async function generateBenchDatabase(
  file: string,
  proposals = PROPOSALS,
  options: { profile?: boolean } = {},
): Promise<GenerationReport> {
  const started = performance.now();
  const year = Number(BENCH_TODAY.slice(0, 4));
  const cast = benchCast(year);
  const tmp = `${file}.tmp`;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(tmp + suffix, { force: true });
  // The app's own connection (migrated, statements kept), writing with journaling off: a failed run leaves only the .tmp file.
  const db = openDatabase(tmp, { alone: true });
  const sqlite = db.$client;
  const profile = options.profile ? new StatementTimes(sqlite) : null;
  // Out of WAL first (journal_mode cannot go from WAL to OFF directly; it stayed WAL, and a year's
  // transaction spilled into the WAL file), and a page cache larger than a year's writes: with 256 MB
  // the later years read the same pages back from the file again and again (300 GB read in 14 minutes).
  // better-sqlite3 opens connections in SQLite's defensive mode, which refuses journal_mode = OFF without
  // a word: the mode stayed DELETE and every year's transaction wrote a rollback journal of the pages it
  // changed. Unsafe mode lets the pragma through (this file is the script's alone, and a failed run leaves
  // only the .tmp file).
  sqlite.unsafeMode(true);
  sqlite.pragma("journal_mode = DELETE");
  sqlite.pragma("journal_mode = OFF");
  if (sqlite.pragma("journal_mode", { simple: true }) !== "off") throw new Error("Bench data: journal_mode = OFF did not take");
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
  const restoreSearchIndex = suspendSearchIndex(sqlite);
  const stage = new Stage(db, ids);
  const rng = new Rng(SEED);
  const stats: TellStats = { told: 0, fellBack: 0 };
  const perSession = Math.round(proposals / cast.sessions.length);
  // One year at a time (its CPPCC and NPC sessions), whose acts all lie within that year.
  const years: YearTime[] = [];
  for (const y of [...new Set(cast.sessions.map((s) => s.year))].sort()) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const scripts = cast.sessions.filter((s) => s.year === y).flatMap((s) => tellSession(rng, cast, s, perSession, BENCH_TODAY, stats));
    const t1 = performance.now();
    const acts = scripts.flat();
    await db.transaction(async () => stage.perform(acts));
    const cpu = process.cpuUsage(c0);
    const seconds = (performance.now() - t0) / 1000;
    years.push({
      year: y,
      proposals: scripts.length,
      acts: acts.length,
      seconds: round1(seconds),
      cpuSeconds: round1((cpu.user + cpu.system) / 1e6),
    });
    log(
      `${y}: ${scripts.length} 件提案、${acts.length} 步（生成 ${((t1 - t0) / 1000).toFixed(1)} 秒，办理 ${((performance.now() - t1) / 1000).toFixed(1)} 秒；共 ${seconds.toFixed(1)} 秒，CPU ${years.at(-1)!.cpuSeconds} 秒）`,
    );
    if (profile) for (const line of profile.report()) log(`  ${line}`);
  }
  const tIndex = performance.now();
  restoreSearchIndex();
  const searchIndexSeconds = round1((performance.now() - tIndex) / 1000);
  log(`全文索引：由已写入的数据建立 ${searchIndexSeconds} 秒`);
  const published = (sqlite.prepare("select count(*) as n from publications where status = 'published'").get() as { n: number }).n;
  const indexed = (sqlite.prepare("select count(*) as n from public_search").get() as { n: number }).n;
  if (indexed !== published) throw new Error(`Bench data: ${published} published replies but ${indexed} in the search index`);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  fs.renameSync(tmp, file);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(tmp + suffix, { force: true });
  const seconds = (performance.now() - started) / 1000;
  const report: GenerationReport = { file, seconds, proposals: stats.told, published, fellBack: stats.fellBack, years, searchIndexSeconds };
  fs.writeFileSync(
    generationRecordPath(file),
    `${JSON.stringify({ ...report, file: path.basename(file), machine: machine() }, null, 2)}\n`,
  );
  // The current year is told only up to BENCH_TODAY: compared by the acts carried out.
  const perAct = years.map((y) => y.cpuSeconds / y.acts);
  log(`每步的 CPU 时间：最慢一年是最快一年的 ${(Math.max(...perAct) / Math.min(...perAct)).toFixed(2)} 倍`);
  return report;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Where a generated file's record of its years is kept: beside it. */
export const generationRecordPath = (file: string) => `${file.replace(/\.db$/, "")}.generation.json`;

/** What the times were measured on: the CPUs and the load when the record was written. */
function machine() {
  return { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", loadAverage: os.loadavg().map((x) => round1(x)) };
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
    const older = fs
      .readdirSync(path.dirname(base))
      .filter((name) => name.startsWith(`${path.basename(stem)}.m-`) && name.endsWith(".db"))
      .map((name) => path.join(path.dirname(base), name));
    const tmp = `${migrated}.tmp`;
    // The kept file of earlier migrations is migrated forward, as a deployment's database is: the similar rankings
    // stored in it (an hour of work at 100,000) stay; a new generation starts from its own file.
    const from = !generated && older.length === 1 ? older[0]! : base;
    freshCopy(from, tmp);
    for (const old of older) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(old + suffix, { force: true });
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
    options: {
      force: { type: "boolean", default: false },
      proposals: { type: "string" },
      out: { type: "string" },
      profile: { type: "boolean", default: false },
    },
  });
  if (values.proposals || values.out) {
    // A smaller or separate database, for trying the generator out.
    const report = await generateBenchDatabase(path.resolve(values.out ?? "data/bench-try.db"), Number(values.proposals ?? PROPOSALS), {
      profile: values.profile,
    });
    log(
      `已生成 ${report.file}：${report.proposals} 件提案，已公开 ${report.published} 件，退回较早阶段 ${report.fellBack} 件，用时 ${report.seconds.toFixed(0)} 秒`,
    );
  } else {
    await ensureBenchDatabase({ force: values.force });
  }
}
