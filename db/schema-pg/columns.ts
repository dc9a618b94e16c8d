/**
 * The column kinds of the PostgreSQL mirror (db/schema-pg), each storing what its namesake in
 * db/schema/columns.ts stores on SQLite, so that a value copied from one engine to the other means the same.
 */
import { customType, integer, text } from "drizzle-orm/pg-core";
import { now } from "../clock";

/**
 * An instant as epoch milliseconds in a bigint, as SQLite's `integer` timestamp_ms holds it (not a
 * timestamptz: the same number on both engines, the same comparisons in raw SQL, a copy without
 * conversion). node-postgres returns int8 as a string unless a type parser is set, so both are read.
 */
const epochMilliseconds = customType<{ data: Date; driverData: string | number }>({
  dataType: () => "bigint",
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});

export const instant = (name: string) => epochMilliseconds(name);

/** Creation time, filled in by the application when a row is inserted (as on SQLite). */
export const createdAt = () => instant("created_at").notNull().$defaultFn(now);

/** A calendar date as ISO `YYYY-MM-DD` text, as on SQLite: it sorts and compares the same in raw SQL. */
export const calendarDate = (name: string) => text(name);

/** By default (not always), so that a copy from SQLite can insert the existing ids and then reset the sequence. */
export const id = () => integer("id").primaryKey().generatedByDefaultAsIdentity();

/**
 * A boolean kept as 0/1 in an integer, for the few columns that raw SQL adds up (proposal_statistics):
 * `sum(published)` gives the same number on both engines, where a native boolean would not add up.
 */
export const flag = customType<{ data: boolean; driverData: number }>({
  dataType: () => "integer",
  toDriver: (value) => (value ? 1 : 0),
  fromDriver: (value) => value === 1,
});

/** Bytes in a bytea, as SQLite's blob holds them (a Buffer on both engines). */
export const bytes = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});
