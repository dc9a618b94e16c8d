/**
 * The bench on PostgreSQL (`npm run bench -- --db postgres`): the generator's database, brought up to the
 * SQLite migrations (ensureBenchDatabase), is moved by `npm run db:copy` (scripts/db-copy.ts, db/copy: every
 * table's row count and checksum verified) into a database kept on the server, named after the generator's
 * version and the digests of both migration folders, as the SQLite copies are named; each run measures a
 * copy of it made with CREATE DATABASE … TEMPLATE (the draft-save scenario writes), dropped afterwards.
 *
 *   tsx scripts/bench/postgres.ts [--pg URL]   # make the kept database on its own
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { PG_MIGRATIONS_DIR } from "@/db/engine";
import { adminQuery, createDatabase, defaultPgServer, dropDatabase, onServer } from "../lib/create-database";
import { ensureBenchDatabase, GENERATOR_VERSION, migrationsDigest } from "./generate";

const RUN_DATABASE = "bench_run";

const log = (message: string) => process.stdout.write(`[bench] ${message}\n`);

/** Runs `npm run db:copy` from the SQLite file into the (empty) database `to`; its report goes to stdout. */
async function dbCopy(from: string, to: string): Promise<void> {
  const child = spawn("npm", ["run", "--silent", "db:copy", "--", "--from", from, "--to", to], { stdio: "inherit" });
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`npm run db:copy failed (exit ${code})`);
}

/**
 * The kept database on `server` for the migrated SQLite file `source` (made when missing: copied under a
 * temporary name and renamed once verified, so that a kept database is always a whole copy). Its name, and the copy's seconds when it was made now.
 */
export async function ensureBenchPostgres(server: string, source: string): Promise<{ name: string; seconds: number | null }> {
  const name = `bench_100k_v${GENERATOR_VERSION}_m_${migrationsDigest()}_${migrationsDigest(PG_MIGRATIONS_DIR)}`;
  if ((await adminQuery(server, "select 1 from pg_database where datname = $1", [name])).length > 0) return { name, seconds: null };
  // Older kept databases stay: the server may be shared by working trees at other migrations (drop them by hand).
  const tmp = `${name}_tmp`;
  await dropDatabase(server, tmp);
  log(`正在用 npm run db:copy 把 ${path.relative(process.cwd(), source)} 复制到 PostgreSQL 数据库 ${name}…`);
  const started = performance.now();
  await createDatabase(server, tmp);
  await dbCopy(source, onServer(server, tmp));
  await adminQuery(server, `alter database ${tmp} rename to ${name}`);
  const seconds = (performance.now() - started) / 1000;
  log(`已复制并校验到 ${name}，用时 ${seconds.toFixed(0)} 秒`);
  return { name, seconds };
}

/** A fresh copy of the kept database `template` for one run (one a failed run left is dropped first); its URL and how to drop it. */
export async function freshPostgresCopy(server: string, template: string): Promise<{ url: string; drop: () => Promise<void> }> {
  await dropDatabase(server, RUN_DATABASE);
  const started = performance.now();
  await createDatabase(server, RUN_DATABASE, { template });
  log(`CREATE DATABASE ${RUN_DATABASE} TEMPLATE ${template}：${((performance.now() - started) / 1000).toFixed(0)} 秒`);
  return { url: onServer(server, RUN_DATABASE), drop: () => dropDatabase(server, RUN_DATABASE) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { pg: { type: "string", default: defaultPgServer() } } });
  const { file } = await ensureBenchDatabase();
  await ensureBenchPostgres(values.pg, file);
}
