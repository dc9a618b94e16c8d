/** The connection's kept statements: the same SQL is compiled once, and handed out again as if new. */
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { tempSqliteDatabase } from "./temp-db";

let cleanup = () => {};
afterEach(() => cleanup());

function setup() {
  const t = tempSqliteDatabase();
  cleanup = t.cleanup;
  return t;
}

describe("kept statements", () => {
  it("hands out the same statement for the same SQL, in plain row mode whatever the last caller set", () => {
    const { db } = setup();
    const first = db.$client.prepare("select 1 as one, 2 as two");
    expect(first.pluck().get()).toBe(1);
    const again = db.$client.prepare("select 1 as one, 2 as two");
    expect(again).toBe(first);
    expect(again.get()).toEqual({ one: 1, two: 2 });
    again.raw();
    expect(db.$client.prepare("select 1 as one, 2 as two").get()).toEqual({ one: 1, two: 2 });
  });

  it("gives drizzle's raw-row queries and plain queries on the same SQL each their own shape", async () => {
    const { db } = setup();
    const counted = async () => db.select({ n: sql<number>`count(*)` }).from(users).all();
    const text = db.select({ n: sql<number>`count(*)` }).from(users).toSQL().sql;
    expect(await counted()).toEqual([{ n: 0 }]);
    expect(await db.all(sql.raw(text))).toEqual([{ "count(*)": 0 }]);
    expect(await counted()).toEqual([{ n: 0 }]);
  });

  it("does not hand out a statement still iterating", () => {
    const { db } = setup();
    const source = "select value from json_each('[1,2,3]')";
    const iterating = db.$client.prepare(source);
    const rows = iterating.pluck().iterate();
    expect(rows.next().value).toBe(1);
    const other = db.$client.prepare(source);
    expect(other).not.toBe(iterating);
    expect(other.pluck().all()).toEqual([1, 2, 3]);
    expect([...rows]).toEqual([2, 3]);
  });
});
