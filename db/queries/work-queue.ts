/**
 * The queue tables the instances' background work takes from (public_page_queue, docs/decisions/014;
 * similar_ranking_queue, 020): one integer id a row, filled by triggers in the writing transaction. Taken newest first,
 * the delete being the claim, so each item is done by one instance.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";

/** A queue table and its id column. */
export type WorkQueue = { table: SQLiteTable; id: AnySQLiteColumn };

/** Up to `limit` queued ids, newest first (the likeliest to be looked at). */
async function head(db: Pick<Db, "select">, queue: WorkQueue, limit: number): Promise<number[]> {
  const rows = await db.select({ id: queue.id }).from(queue.table).orderBy(sql`${queue.id} desc`).limit(limit).all();
  return rows.map((r) => r.id as number);
}

/** Whether anything waits in the queue (no write transaction). */
export async function anyQueued(db: Pick<Db, "select">, queue: WorkQueue): Promise<boolean> {
  return (await head(db, queue, 1)).length > 0;
}

/** Whether `id` waits in the queue: queued again since it was taken, so what was done for it may be out of date. */
export async function isQueued(db: Pick<Db, "select">, queue: WorkQueue, id: number): Promise<boolean> {
  return (await db.select({ id: queue.id }).from(queue.table).where(eq(queue.id, id)).get()) !== undefined;
}

/**
 * Takes up to `limit` ids off the queue, newest first; the delete is the claim. An empty queue is seen without a
 * write transaction (instances look every second, and write transactions follow one another). An instance that dies
 * before finishing leaves its items undone until an instance starts and queues what it finds missing.
 */
export async function takeFromQueue(db: Db, queue: WorkQueue, limit: number): Promise<number[]> {
  if (!(await anyQueued(db, queue))) return [];
  return db.transaction(async (tx) => {
    const ids = await head(tx, queue, limit);
    if (ids.length > 0) await tx.delete(queue.table).where(inArray(queue.id, ids)).run();
    return ids;
  });
}
