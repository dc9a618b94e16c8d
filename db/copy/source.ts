/**
 * The SQLite side of a copy: the file opened read-only, one read transaction for the whole copy (a
 * consistent snapshot even if a server still writes in WAL mode), the tables checked against the plan,
 * rows read in primary key order with whole numbers as bigint.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import { CopyError } from "./errors";
import { quoteIdent, type TablePlan } from "./plan";

/** Kept by SQLite and drizzle for themselves: neither data nor skipped. */
const isBookkeeping = (name: string) => name.startsWith("sqlite_") || name === "__drizzle_migrations";

export class SqliteSource {
  private readonly db: Database.Database;

  constructor(readonly file: string) {
    if (!fs.existsSync(file)) throw new CopyError(`源数据库不存在：${file}`);
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.exec("BEGIN");
    // The snapshot begins with the first read, so this one fixes it before anything else is read.
    this.db.prepare("select count(*) from sqlite_master").get();
  }

  /**
   * Checks that the file has every planned table with exactly the planned columns, and returns the tables
   * it does not copy: the FTS5 search tables (PostgreSQL builds its own search).
   * Any other table or column unknown to the plan stops the copy rather than being left behind.
   */
  check(plan: TablePlan[]): string[] {
    const tables = this.db.prepare("select name, sql from sqlite_master where type = 'table' order by name").all() as {
      name: string;
      sql: string;
    }[];
    const virtual = tables.filter((t) => /^create\s+virtual\s+table/i.test(t.sql)).map((t) => t.name);
    const shadowOf = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
    const planned = new Map(plan.map((t) => [t.name, t]));
    const problems: string[] = [];
    for (const table of plan) {
      if (!tables.some((t) => t.name === table.name)) {
        problems.push(`缺少表 ${table.name}`);
        continue;
      }
      const columns = (this.db.pragma(`table_info(${quoteIdent(table.name)})`) as { name: string }[]).map((c) => c.name);
      for (const c of table.columns) if (!columns.includes(c.name)) problems.push(`表 ${table.name} 缺少列 ${c.name}`);
      for (const c of columns) if (!table.columns.some((p) => p.name === c)) problems.push(`表 ${table.name} 多出列 ${c}`);
    }
    for (const { name } of tables) {
      if (planned.has(name) || isBookkeeping(name) || virtual.includes(name) || shadowOf(name)) continue;
      problems.push(`表 ${name} 在 PostgreSQL 架构中没有对应的表`);
    }
    if (problems.length > 0) {
      throw new CopyError(
        `源数据库的表结构与本版本不一致（${problems.join("；")}）。请先用本版本的应用打开一次该数据库（npm start 会执行迁移），再复制。`,
      );
    }
    // Named by the search tables themselves; their fts5vocab tables (public_search_terms…) and shadow tables go with them.
    return virtual.filter((name) => !shadowOf(name));
  }

  /** The table's rows, each as its values in the plan's column order, in primary key order (byte order for text). */
  rows(table: TablePlan): IterableIterator<unknown[]> {
    const columns = table.columns.map((c) => quoteIdent(c.name)).join(", ");
    const order = table.key.map((c) => (c.type === "text" ? `${quoteIdent(c.name)} collate binary` : quoteIdent(c.name))).join(", ");
    return this.db
      .prepare(`select ${columns} from ${quoteIdent(table.name)} order by ${order}`)
      .raw(true)
      .safeIntegers(true)
      .iterate() as IterableIterator<unknown[]>;
  }

  /**
   * AUTOINCREMENT's highest id ever given per table (sqlite_sequence), which may exceed today's highest
   * id after deletions: PostgreSQL's sequences continue from there, so that no id is given twice.
   */
  sequences(): Map<string, bigint> {
    const exists = this.db.prepare("select 1 from sqlite_master where type = 'table' and name = 'sqlite_sequence'").get();
    if (!exists) return new Map();
    const rows = this.db.prepare("select name, seq from sqlite_sequence").safeIntegers(true).all() as { name: string; seq: bigint }[];
    return new Map(rows.map((r) => [r.name, r.seq]));
  }

  close(): void {
    if (!this.db.open) return;
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
    this.db.close();
  }
}
