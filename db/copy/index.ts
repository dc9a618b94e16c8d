/**
 * Copies a SQLite deployment's database into an empty PostgreSQL database (`npm run db:copy`):
 *
 * 1. the source is checked against the plan (every table of db/schema-pg; the FTS5 tables are left out);
 * 2. the target must be empty, is migrated (db/migrations-pg), and is checked again;
 * 3. in ONE transaction: the derived tables' triggers paused, every table copied in foreign key order and
 *    primary key order in batches, the triggers resumed, the identity sequences set past the highest ids;
 *    then every table read back and its row count and checksum compared with the source's, and the
 *    derived tables compared with PostgreSQL's own definitions. Any failure or difference rolls it all
 *    back: the target is left as migrated and empty.
 *
 * Other triggers stay on: the event log's and receipts' refuse only changes, and those of tables this
 * copy does not know (a search index of a later migration) fill them as the rows arrive.
 * Explicit paths only: the CLI (scripts/db-copy.ts) resolves the defaults and the attachments folder.
 */
import pg from "pg";
import { PG_MIGRATIONS_DIR } from "../engine";
import { TableChecksum } from "./checksum";
import { checkDerived, type DerivedCheck } from "./derived";
import { CopyError } from "./errors";
import { BatchInserter } from "./insert";
import { copyPlan, type TablePlan } from "./plan";
import { SqliteSource } from "./source";
import {
  checkTargetSchema,
  collationOf,
  derivedTriggers,
  dropForLoad,
  migrateTarget,
  readBack,
  refuseNonEmpty,
  resetSequence,
  restoreAfterLoad,
  setTriggers,
} from "./target";

export { CopyError, TargetNotEmptyError } from "./errors";

export type TableReport = {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  /** The id an insert without one gets next (tables with an identity column). */
  nextId: number | null;
  ok: boolean;
};

export type CopyReport = {
  tables: TableReport[];
  derived: DerivedCheck[];
  /** SQLite tables not copied: the FTS5 search tables (with their vocabulary and shadow tables). */
  skipped: string[];
  rows: number;
  seconds: number;
  /** The target database's collation (datcollate). */
  collation: string;
  ok: boolean;
};

export type CopyProgress =
  | { step: "migrated" }
  | { step: "copied"; table: string; rows: number; seconds: number }
  | { step: "verifying" }
  | { step: "verified"; ok: boolean }
  | { step: "analyzed" };

export type CopyOptions = {
  /** The SQLite file (opened read-only, never changed). */
  from: string;
  /** The PostgreSQL connection string. */
  to: string;
  migrationsFolder?: string;
  onProgress?: (progress: CopyProgress) => void;
  /** For tests: runs inside the transaction after the copy, before the read-back (e.g. to tamper with a row). */
  beforeVerify?: (client: pg.ClientBase) => Promise<void>;
};

/** The copy was made but did not read back equal to the source: it was rolled back. */
export class CopyVerificationError extends CopyError {
  override name = "CopyVerificationError";
  constructor(readonly report: CopyReport) {
    const tables = [...report.tables.filter((t) => !t.ok).map((t) => t.table), ...report.derived.filter((d) => !d.ok).map((d) => d.table)];
    super(`复制后校验不一致（${tables.join("、")}），已回滚，目标数据库中没有写入任何数据。`);
  }
}

type Copied = { table: TablePlan; source: TableChecksum; nextId: number | null };

async function copyTable(source: SqliteSource, client: pg.ClientBase, table: TablePlan): Promise<TableChecksum> {
  const checksum = new TableChecksum(table);
  const inserter = new BatchInserter(client, table);
  try {
    for (const row of source.rows(table)) {
      checksum.add(row);
      await inserter.add(row);
    }
    await inserter.finish();
  } catch (error) {
    throw new CopyError(`复制表 ${table.name} 时失败，已回滚，目标数据库中没有写入任何数据：${(error as Error).message}`, { cause: error });
  }
  return checksum;
}

async function verify(client: pg.ClientBase, copied: Copied[]): Promise<TableReport[]> {
  const reports: TableReport[] = [];
  for (const { table, source, nextId } of copied) {
    const target = new TableChecksum(table);
    await readBack(client, table, (row) => target.add(row));
    const [sourceChecksum, targetChecksum] = [source.digest(), target.digest()];
    reports.push({
      table: table.name,
      sourceRows: source.rows,
      targetRows: target.rows,
      sourceChecksum,
      targetChecksum,
      nextId,
      ok: source.rows === target.rows && sourceChecksum === targetChecksum,
    });
  }
  return reports;
}

export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const plan = copyPlan();
  const source = new SqliteSource(options.from);
  const client = new pg.Client({ connectionString: options.to });
  try {
    const skipped = source.check(plan);
    try {
      await client.connect();
    } catch (error) {
      throw new CopyError(`无法连接目标 PostgreSQL 数据库：${(error as Error).message}`, { cause: error });
    }
    // Before the migrations too: a database holding anything else is not touched at all.
    await refuseNonEmpty(client);
    await migrateTarget(client, options.migrationsFolder ?? PG_MIGRATIONS_DIR);
    progress({ step: "migrated" });

    await client.query("begin");
    try {
      // The checks' queries over whole tables would spend seconds compiling (JIT) what runs in less.
      await client.query("set local jit = off");
      await refuseNonEmpty(client);
      await checkTargetSchema(client, plan);
      const triggers = await derivedTriggers(client);
      await setTriggers(client, triggers, false);
      const dropped = await dropForLoad(client, plan);
      const given = source.sequences();
      const copied: Copied[] = [];
      for (const table of plan) {
        const tableStarted = performance.now();
        const checksum = await copyTable(source, client, table);
        copied.push({ table, source: checksum, nextId: null });
        progress({ step: "copied", table: table.name, rows: checksum.rows, seconds: (performance.now() - tableStarted) / 1000 });
      }
      await restoreAfterLoad(client, dropped);
      await setTriggers(client, triggers, true);
      for (const entry of copied) entry.nextId = await resetSequence(client, entry.table, given.get(entry.table.name) ?? 0n);
      await options.beforeVerify?.(client);

      progress({ step: "verifying" });
      const tables = await verify(client, copied);
      const statistics = plan.find((t) => t.name === "proposal_statistics")!;
      const derived = await checkDerived(
        client,
        statistics.columns.map((c) => c.name),
      );
      const ok = tables.every((t) => t.ok) && derived.every((d) => d.ok);
      const report: CopyReport = {
        tables,
        derived,
        skipped,
        rows: tables.reduce((sum, t) => sum + t.targetRows, 0),
        seconds: 0,
        collation: await collationOf(client),
        ok,
      };
      progress({ step: "verified", ok });
      if (!ok) throw new CopyVerificationError(report);
      await client.query("commit");
      // A loaded database has no statistics until autovacuum gets to it: the planner would guess meanwhile (an
      // anti-join over 60,000 publications took 75 s on such a copy, 0.02 s once analyzed). Nor a visibility map: every
      // index-only scan (the staff list's covering indexes, the 待办 counts) read the rows too, the staff list's random
      // filters 2 × slower at 100,000 proposals until autovacuum had passed. VACUUM sets both.
      await client.query("vacuum (analyze)");
      progress({ step: "analyzed" });
      report.seconds = (performance.now() - started) / 1000;
      return report;
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    }
  } finally {
    source.close();
    await client.end().catch(() => {});
  }
}
