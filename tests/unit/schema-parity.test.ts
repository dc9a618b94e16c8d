/**
 * The PostgreSQL mirror (db/schema-pg) declares what the SQLite declarations (db/schema) declare: the same
 * exports, tables, columns (name, mapped type, not null, primary key, default, enum), composite keys,
 * indexes (name, columns or expressions, unique, predicate) and foreign keys (target, ON DELETE/UPDATE).
 * A change made to one side only fails here (docs/decisions/009).
 */
import { is } from "drizzle-orm";
import { integer, PgTable, pgTable, text } from "drizzle-orm/pg-core";
import { integer as sqliteInteger, SQLiteTable, sqliteTable, text as sqliteText } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as chosen from "@/db/schema";
import * as sqlite from "@/db/schema/sqlite";
import * as pg from "@/db/schema-pg";
import { id as pgId } from "@/db/schema-pg/columns";
import { pgShape, sqliteShape } from "./schema-shape";

const sqliteTables = Object.fromEntries(Object.entries(sqlite).filter(([, value]) => is(value, SQLiteTable))) as Record<
  string,
  SQLiteTable
>;
const pgTables = Object.fromEntries(Object.entries(pg).filter(([, value]) => is(value, PgTable))) as Record<string, PgTable>;

describe("the PostgreSQL schema mirrors the SQLite schema", () => {
  it("exports the same tables under the same names", () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(30);
  });

  it.each(Object.keys(sqliteTables).sort())("%s: same columns, keys, indexes and foreign keys", (name) => {
    const mirror = pgTables[name];
    expect(mirror, `db/schema-pg exports no ${name}`).toBeDefined();
    expect(pgShape(mirror!)).toEqual(sqliteShape(sqliteTables[name]!));
  });

  it("db/schema exports every table, for the engine of the process (SQLite here)", () => {
    expect(Object.keys(chosen).sort()).toEqual(Object.keys(sqliteTables).sort());
    for (const name of Object.keys(sqliteTables)) expect((chosen as Record<string, unknown>)[name]).toBe(sqliteTables[name]);
  });

  it("notices a column declared on one side only", () => {
    const probe = sqliteTable("probe", { id: sqliteInteger("id").primaryKey({ autoIncrement: true }), name: sqliteText("name").notNull() });
    const mirror = { id: pgId(), name: text("name").notNull() };
    expect(pgShape(pgTable("probe", mirror))).toEqual(sqliteShape(probe));
    expect(pgShape(pgTable("probe", { ...mirror, extra: integer("extra") }))).not.toEqual(sqliteShape(probe));
  });
});
