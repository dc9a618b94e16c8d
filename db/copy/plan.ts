/**
 * What a copy from SQLite to PostgreSQL moves: every table of the PostgreSQL mirror (db/schema-pg), its
 * columns with their PostgreSQL types (which decide how each SQLite value is converted and compared), its
 * primary key (the order rows are read, written and checksummed in), in an order where every table comes
 * after the tables its foreign keys name (the constraints are not deferrable).
 */
import { getTableName, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as pgSchema from "../schema-pg";
import { CopyError } from "./errors";

/** The PostgreSQL types the mirror declares (docs/decisions/009); another one must be taught to values.ts first. */
export const COLUMN_TYPES = ["integer", "bigint", "boolean", "jsonb", "text", "double precision", "bytea"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export type ColumnPlan = { name: string; type: ColumnType };

export type TablePlan = {
  name: string;
  columns: ColumnPlan[];
  /** Primary key columns, in key order (all columns when a table has none). */
  key: ColumnPlan[];
  /** The identity column whose sequence is set past the highest id after the copy. */
  identity: string | null;
  /** Tables this one's foreign keys name (itself excluded). */
  references: string[];
};

/**
 * Written on PostgreSQL by the triggers of migrations 0002, 0005, 0006, 0009, 0012 and 0014 (named after the table each keeps). They are
 * copied as they are and the triggers paused meanwhile: fired row by row they would rebuild every
 * proposal's statistics once per row that names it, and bump statistics_versions (a counter of changes,
 * which no rebuild can restore) hundreds of thousands of times in one transaction.
 */
export const DERIVED_TABLES = [
  "proposal_statistics",
  "statistics_versions",
  "statistics_unit_versions",
  "pending_publications",
  "owed_receipts",
  "public_site_version",
  "public_page_queue",
  "similar_ranking_queue",
] as const;

function columnType(table: string, column: string, sqlType: string): ColumnType {
  const type = COLUMN_TYPES.find((t) => t === sqlType);
  if (!type) throw new CopyError(`表 ${table} 的列 ${column} 的类型 ${sqlType} 无法复制（db/copy/values.ts 尚不支持）`);
  return type;
}

function describe(table: PgTable): TablePlan {
  const config = getTableConfig(table);
  const columns = config.columns.map((c) => ({ name: c.name, type: columnType(config.name, c.name, c.getSQLType()) }));
  const byName = new Map(columns.map((c) => [c.name, c]));
  const composite = config.primaryKeys[0]?.columns.map((c) => byName.get(c.name)!);
  const single = config.columns.filter((c) => c.primary).map((c) => byName.get(c.name)!);
  const key = composite ?? (single.length > 0 ? single : columns);
  const identity = config.columns.find((c) => c.generatedIdentity)?.name ?? null;
  const references = [...new Set(config.foreignKeys.map((fk) => getTableName(fk.reference().foreignTable)))].filter(
    (name) => name !== config.name,
  );
  return { name: config.name, columns, key, identity, references };
}

/** Orders tables so that each follows those it references; ties keep the mirror's declaration order. */
function referencesFirst(tables: TablePlan[]): TablePlan[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TablePlan[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (table: TablePlan, path: string[]) => {
    if (state.get(table.name) === "done") return;
    if (state.get(table.name) === "visiting") throw new CopyError(`外键成环，无法排定复制顺序：${[...path, table.name].join(" → ")}`);
    state.set(table.name, "visiting");
    for (const name of table.references) {
      const target = byName.get(name);
      if (target) visit(target, [...path, table.name]);
    }
    state.set(table.name, "done");
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

/** Every table of db/schema-pg, referenced tables first. */
export function copyPlan(): TablePlan[] {
  const tables = (Object.values(pgSchema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  return referencesFirst(tables.map(describe));
}

/** A name quoted as an SQL identifier (the same syntax on both engines). */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
