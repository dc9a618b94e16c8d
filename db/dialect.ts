/**
 * The SQL written by hand that SQLite and PostgreSQL spell differently (docs/decisions/011), for the engine
 * this process runs on (db/engine.ts): each query is written once, with these fragments where the engines
 * part. Everything else in the hand-written SQL is common to both.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { databaseEngine } from "./engine";

const onPostgres = () => databaseEngine() === "postgresql";

/** A key of a JSON column (events.data) as an integer or text: SQLite's json_extract, PostgreSQL's jsonb `->>` cast. */
export function jsonField(column: SQLWrapper, key: string, as: "integer"): SQL<number | null>;
export function jsonField(column: SQLWrapper, key: string, as: "text"): SQL<string | null>;
export function jsonField(column: SQLWrapper, key: string, as: "integer" | "text"): SQL {
  if (!/^\w+$/.test(key)) throw new Error(`not a JSON key: ${key}`);
  if (!onPostgres()) return sql`json_extract(${column}, ${sql.raw(`'$.${key}'`)})`;
  return as === "integer" ? sql`(${column} ->> ${sql.raw(`'${key}'`)})::integer` : sql`(${column} ->> ${sql.raw(`'${key}'`)})`;
}

/** Where `needle` first occurs in `haystack`, from 1; 0 when it does not: SQLite's instr, PostgreSQL's strpos. */
export function position(haystack: SQLWrapper | string, needle: SQLWrapper | string): SQL<number> {
  return onPostgres() ? sql<number>`strpos(${haystack}, ${needle})` : sql<number>`instr(${haystack}, ${needle})`;
}

/** The values of a group joined by `separator` in the given order: SQLite's group_concat, PostgreSQL's string_agg. */
export function stringAgg(value: SQLWrapper, separator: string, orderBy: SQLWrapper): SQL<string | null> {
  const fn = sql.raw(onPostgres() ? "string_agg" : "group_concat");
  return sql<string | null>`${fn}(${value}, ${separator} order by ${orderBy})`;
}

/** `text LIKE pattern`, ASCII letters matched in either case as SQLite's LIKE does (PostgreSQL's ILIKE; escape `\`). */
export function likeAnyCase(text: SQLWrapper, pattern: string): SQL {
  return onPostgres() ? sql`${text} ilike ${pattern} escape '\\'` : sql`${text} like ${pattern} escape '\\'`;
}

/** A table read through the named index: SQLite's INDEXED BY hint; PostgreSQL's planner chooses for itself. */
export function indexedBy(table: SQLWrapper, index: string): SQL {
  return onPostgres() ? sql`${table}` : sql`${table} indexed by ${sql.identifier(index)}`;
}

/** A column SQLite's planner must not look up by its index (unary `+`: it walks another index instead); PostgreSQL plans for itself. */
export function unindexed(column: SQLWrapper): SQL {
  return onPostgres() ? sql`${column}` : sql`+${column}`;
}

/** A boolean column is true, written as the partial indexes on it are (SQLite `= 1`, PostgreSQL the column), so that they apply. */
export function isTrue(column: SQLWrapper): SQL {
  return onPostgres() ? sql`${column}` : sql`${column} = 1`;
}

/** A JSON column's stored text: SQLite keeps JSON as text; PostgreSQL's jsonb is cast to its text. */
export function jsonText(column: SQLWrapper): SQL<string> {
  return onPostgres() ? sql<string>`${column}::text` : sql<string>`${column}`;
}

/** JSON as the engines hand it over: SQLite's text, PostgreSQL's json already parsed by node-postgres. */
const fromJson = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);

/** One JSON object of the named values: SQLite's json_object, PostgreSQL's json_build_object (booleans are 0 / 1 on SQLite). */
export function jsonObject(fields: Record<string, SQLWrapper>): SQL {
  const pairs = sql.join(
    Object.entries(fields).map(([key, value]) => {
      if (!/^\w+$/.test(key)) throw new Error(`not a JSON key: ${key}`);
      return sql`${sql.raw(`'${key}'`)}, ${value}`;
    }),
    sql`, `,
  );
  return onPostgres() ? sql`json_build_object(${pairs})` : sql`json_object(${pairs})`;
}

/**
 * The JSON array of `value` over the rows of `from` (its `from … where …`) in `orderBy`'s order, `[]` when there are none,
 * as a scalar subquery read back as an array: SQLite's json_group_array, PostgreSQL's json_agg.
 */
export function jsonArray<T>(value: SQLWrapper, from: SQL, orderBy: SQL): SQL<T[]> {
  const aggregate = onPostgres()
    ? sql`coalesce(json_agg(${value} order by ${orderBy}), '[]'::json)`
    : sql`json_group_array(${value} order by ${orderBy})`;
  return sql<T[]>`(select ${aggregate} ${from})`.mapWith(fromJson);
}

/** A scalar subquery that selects one JSON object (jsonObject), read back as the object; null without a row. */
export function jsonValue<T>(query: SQL): SQL<T | null> {
  return sql<T | null>`(${query})`.mapWith(fromJson);
}
