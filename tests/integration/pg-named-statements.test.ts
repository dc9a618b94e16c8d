/**
 * On PostgreSQL the queries built once (db/prepared.ts preparedOnce) are prepared under a name of their SQL text, so
 * that each connection parses and plans them once (db/postgres.ts statementName): unnamed, a proposal page's 62
 * queries spent 17 ms of the database's time in parse and bind and 2 ms running. A query run as built (`.get()`) stays
 * unnamed, so that the staff list's thousands of filter texts do not pile up in every connection. PostgreSQL only
 * (vitest.config.ts).
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, type Db } from "@/db/client";
import { openPostgres } from "@/db/postgres";
import { param, preparedOnce } from "@/db/prepared";
import { proposals } from "@/db/schema";
import { demoDatabase } from "./demo-db";

const proposalById = preparedOnce((db: Db) =>
  db
    .select({ id: proposals.id })
    .from(proposals)
    .where(eq(proposals.id, param("id")))
    .prepare(),
);

describe("statements on PostgreSQL", () => {
  let t: Awaited<ReturnType<typeof demoDatabase>>;
  let db: Db;
  beforeAll(async () => {
    t = await demoDatabase();
    // One connection, so that pg_prepared_statements (per connection) shows what every query before it prepared.
    db = openPostgres(t.location, { max: 1 }) as Db;
  });
  afterAll(async () => {
    await closeDatabase(db);
    await t?.cleanup();
  });

  it("prepares a query built once under a name of its text, once per connection; a query run as built stays unnamed", async () => {
    const first = (await db.select({ id: proposals.id }).from(proposals).limit(2).all()) as { id: number }[];
    for (const { id } of [...first, ...first]) expect(await proposalById(db).get({ id })).toEqual({ id });
    await db.select({ id: proposals.id }).from(proposals).where(eq(proposals.id, first[0]!.id)).get();
    expect(await db.all(sql`select name, statement from pg_prepared_statements`)).toEqual([
      { name: expect.stringMatching(/^q_[0-9a-f]{32}$/), statement: 'select "id" from "proposals" where "proposals"."id" = $1' },
    ]);
  });
});
