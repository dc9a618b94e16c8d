/**
 * The PostgreSQL mirror's own column kinds (db/schema-pg/columns.ts) read and write what SQLite's do:
 * an instant is epoch milliseconds, whether node-postgres hands int8 over as text (its default) or as a
 * number (with a type parser); a flag is 0/1.
 */
import { pgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { flag, instant } from "@/db/schema-pg/columns";

const probe = pgTable("probe", { at: instant("at"), on: flag("on") });
const moment = new Date("2024-03-01T16:30:00.123Z");

describe("PostgreSQL column kinds", () => {
  it("keep an instant as epoch milliseconds, read from text or number", () => {
    expect(probe.at.mapToDriverValue(moment)).toBe(moment.getTime());
    expect(probe.at.mapFromDriverValue(String(moment.getTime()))).toEqual(moment);
    expect(probe.at.mapFromDriverValue(moment.getTime())).toEqual(moment);
  });

  it("keep a flag as 0/1", () => {
    expect([probe.on.mapToDriverValue(true), probe.on.mapToDriverValue(false)]).toEqual([1, 0]);
    expect([probe.on.mapFromDriverValue(1), probe.on.mapFromDriverValue(0)]).toEqual([true, false]);
  });
});
