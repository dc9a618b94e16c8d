/**
 * Queries built once (db/prepared.ts preparedOnce), on the engine of the test project: once per SQLite connection,
 * once per PostgreSQL pool outside a transaction — and inside a transaction always the transaction's own, which sees
 * what the transaction wrote (on PostgreSQL a query built on the pool would run on another client and not see it).
 */
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { param, preparedOnce } from "@/db/prepared";
import { categories } from "@/db/schema";
import { type TempDatabase, tempDatabase } from "./temp-db";

let opened: TempDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map((t) => t.cleanup()));
  opened = [];
});

async function setup(): Promise<Db> {
  const t = await tempDatabase();
  opened.push(t);
  return t.db;
}

const categoryName = preparedOnce((db: Db) =>
  db
    .select({ name: categories.name })
    .from(categories)
    .where(eq(categories.id, param("id")))
    .prepare(),
);

const addCategory = async (db: Db, name: string) =>
  (await db.insert(categories).values({ name }).returning({ id: categories.id }).get())!.id;

describe("preparedOnce on either engine", () => {
  it("builds a query once for each database and runs it with the values given", async () => {
    const a = await setup();
    const b = await setup();
    expect(categoryName(a)).toBe(categoryName(a));
    expect(categoryName(b)).not.toBe(categoryName(a));
    const inA = await addCategory(a, "科技");
    const inB = await addCategory(b, "财政");
    expect(await categoryName(a).get({ id: inA })).toEqual({ name: "科技" });
    expect(await categoryName(b).get({ id: inB })).toEqual({ name: "财政" });
    expect(await categoryName(a).get({ id: inA + 1000 })).toBeUndefined();
  });

  it("inside a transaction runs in it: it sees what the transaction wrote, which a rollback undoes, and the database's query works after", async () => {
    const db = await setup();
    const before = await addCategory(db, "统计");
    expect(await categoryName(db).get({ id: before })).toEqual({ name: "统计" });
    let id = 0;
    await expect(
      db.transaction(async (tx) => {
        id = await addCategory(tx, "审计");
        expect(await categoryName(tx).get({ id })).toEqual({ name: "审计" });
        // Inside the transaction the database is the transaction (db/client.ts, db/postgres.ts).
        expect(await categoryName(db).get({ id })).toEqual({ name: "审计" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await categoryName(db).get({ id })).toBeUndefined();
    expect(await categoryName(db).get({ id: before })).toEqual({ name: "统计" });
  });
});
