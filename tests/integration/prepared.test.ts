/**
 * Queries prepared once per SQLite connection (db/prepared.ts), on the connection the test holds: the transaction's
 * is the connection's. prepared-once.test.ts checks both engines through the app's database.
 */
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { SqliteDb as Db } from "@/db/client";
import { param, preparedOnce } from "@/db/prepared";
import { categories } from "@/db/schema";
import { tempSqliteDatabase } from "./temp-db";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function setup() {
  const t = tempSqliteDatabase();
  cleanups.push(t.cleanup);
  return t.db;
}

const categoryName = preparedOnce((db: Pick<Db, "select">) =>
  db
    .select({ name: categories.name })
    .from(categories)
    .where(eq(categories.id, param("id")))
    .prepare(),
);

const addCategory = async (db: Pick<Db, "insert">, name: string) =>
  (await db.insert(categories).values({ name }).returning({ id: categories.id }).get()).id;

describe("preparedOnce", () => {
  it("reached through a transaction, is the connection's query and sees what the transaction wrote, which a rollback undoes", async () => {
    const db = setup();
    const prepared = categoryName(db);
    let id = 0;
    await expect(
      db.transaction(async (tx) => {
        id = await addCategory(tx, "审计");
        // Inside the transaction the database is the transaction's connection (db/client.ts).
        expect(categoryName(db)).toBe(categoryName(tx));
        expect(categoryName(tx)).not.toBe(prepared);
        expect(await categoryName(db).get({ id })).toEqual({ name: "审计" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await categoryName(db).get({ id })).toBeUndefined();
  });

  it("refuses what is not a drizzle database", () => {
    expect(() => categoryName({} as Db)).toThrow(/not a drizzle/);
  });
});
