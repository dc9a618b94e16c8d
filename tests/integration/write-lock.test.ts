/**
 * Transactions take SQLite's write lock at BEGIN (db/client.ts): a transaction that reads and then writes
 * does not fail when another connection — a script, a backup, another process — wrote in between.
 */
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { settings } from "@/db/schema";
import { sqliteOf, tempDatabase } from "./temp-db";

let cleanup = () => {};
afterEach(() => cleanup());

it("a read-then-write transaction holds while another connection tries to write, and commits", async () => {
  const t = await tempDatabase();
  cleanup = t.cleanup;
  const { db } = t;
  await db.insert(settings).values({ key: "probe", value: 0 }).run();
  const other = new Database(sqliteOf(db).name);
  other.pragma("busy_timeout = 0");
  let otherWrote = true;
  try {
    await db.transaction(async (tx) => {
      const before = (await tx.select().from(settings).where(eq(settings.key, "probe")).get())!;
      try {
        other.prepare("update settings set value = '5' where key = 'probe'").run();
      } catch {
        otherWrote = false;
      }
      await tx
        .update(settings)
        .set({ value: Number(before.value) + 1 })
        .where(eq(settings.key, "probe"))
        .run();
    });
  } finally {
    other.close();
  }
  // The other connection had to wait (and gave up at once here); the transaction's read stayed true.
  expect(otherWrote).toBe(false);
  expect((await db.select().from(settings).where(eq(settings.key, "probe")).get())!.value).toBe(1);
});
