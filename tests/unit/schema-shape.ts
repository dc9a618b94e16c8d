/**
 * A table of either dialect described in the SQLite declarations' terms, so that the PostgreSQL mirror
 * (db/schema-pg) and the SQLite declarations (db/schema) compare with toEqual: a PostgreSQL column type is
 * named by the SQLite type it stands for, a PostgreSQL partial index predicate by the SQLite one.
 */
import { type Column, getTableName, is, SQL, StringChunk } from "drizzle-orm";
import { getTableConfig as pgTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * The declared type mapping: each PostgreSQL column kind (drizzle column class and SQL type) and the
 * SQLite kind it mirrors. Anything else is reported as unmapped and fails the comparison.
 */
const SQLITE_KIND_OF_PG_KIND: Record<string, string> = {
  "PgInteger integer": "SQLiteInteger",
  "PgBigInt53 bigint": "SQLiteInteger",
  // db/schema-pg/columns.ts `instant`: epoch milliseconds, as SQLite's timestamp_ms.
  "PgCustomColumn bigint": "SQLiteTimestamp timestamp_ms",
  "PgBoolean boolean": "SQLiteBoolean",
  // db/schema-pg/columns.ts `flag`: a 0/1 integer that raw SQL adds up, as SQLite's integer boolean.
  "PgCustomColumn integer": "SQLiteBoolean",
  "PgText text": "SQLiteText",
  "PgJsonb jsonb": "SQLiteTextJson",
  "PgDoublePrecision double precision": "SQLiteReal",
  // db/schema-pg/columns.ts `bytes`: bytes, as SQLite's blob (a Buffer on both engines).
  "PgCustomColumn bytea": "SQLiteBlobBuffer",
};

/** Partial index predicates written differently on purpose: SQLite's integer boolean against 1, PostgreSQL's boolean itself. */
const SQLITE_WHERE_OF_PG_WHERE: Record<string, string> = {
  is_key: "is_key = 1",
};

type AnyColumn = Column & { autoIncrement?: boolean; mode?: string };

/** An index column or predicate as text: a column by its name, an expression with its columns named. */
function sqlText(part: unknown): string {
  if (is(part, SQL)) return part.queryChunks.map(sqlText).join("");
  if (is(part, StringChunk)) return part.value.join("");
  return (part as Column).name;
}

function defaultOf(column: AnyColumn): string {
  if (column.defaultFn) return `fn ${column.defaultFn.name}`;
  if (column.default !== undefined) return is(column.default, SQL) ? "sql" : JSON.stringify(column.default);
  if (column.autoIncrement || column.generatedIdentity?.type === "byDefault") return "identity";
  return "none";
}

type Config = Awaited<ReturnType<typeof sqliteTableConfig>> | Awaited<ReturnType<typeof pgTableConfig>>;

function shape(config: Config, kind: (column: AnyColumn) => string, where: (text: string) => string) {
  return {
    name: config.name,
    columns: (config.columns as AnyColumn[]).map((c) => ({
      name: c.name,
      kind: kind(c),
      notNull: c.notNull,
      primaryKey: c.primary,
      default: defaultOf(c),
      enum: c.enumValues ?? null,
    })),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name ?? "",
        unique: i.config.unique,
        columns: i.config.columns.map(sqlText),
        where: i.config.where ? where(sqlText(i.config.where)) : null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const { columns, foreignColumns } = fk.reference();
        const target = getTableName(foreignColumns[0]!.table);
        return `${columns.map((c) => c.name)} -> ${target}(${foreignColumns.map((c) => c.name)}) on delete ${fk.onDelete ?? "no action"} on update ${fk.onUpdate ?? "no action"}`;
      })
      .sort(),
    uniqueConstraints: config.uniqueConstraints.map((u) => `${u.name}: ${u.columns.map((c) => c.name)}`).sort(),
    checks: config.checks.map((c) => c.name).sort(),
  };
}

export type TableShape = Awaited<ReturnType<typeof shape>>;

export function sqliteShape(table: SQLiteTable): TableShape {
  const kind = (c: AnyColumn) => (c.columnType === "SQLiteTimestamp" ? `${c.columnType} ${c.mode}` : c.columnType);
  return shape(sqliteTableConfig(table), kind, (text) => text);
}

export function pgShape(table: PgTable): TableShape {
  const kind = (c: AnyColumn) => {
    const key = `${c.columnType} ${c.getSQLType()}`;
    return SQLITE_KIND_OF_PG_KIND[key] ?? `unmapped: ${key}`;
  };
  return shape(pgTableConfig(table), kind, (text) => SQLITE_WHERE_OF_PG_WHERE[text] ?? text);
}
