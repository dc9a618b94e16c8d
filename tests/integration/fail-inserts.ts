import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { databaseEngine } from "@/db/engine";

/**
 * Makes the database refuse, with "simulated failure", an insert into `table` of a row for which `when`
 * holds (SQL over `new`, the same on both engines): a fault half-way through a transaction. Returns the
 * function that removes the fault.
 */
export async function failInserts(db: Db, table: string, when: string): Promise<() => Promise<void>> {
  const name = `fail_${table}`;
  if (databaseEngine() === "sqlite") {
    await db.run(
      sql.raw(`create trigger ${name} before insert on ${table} when ${when} begin select raise(abort, 'simulated failure'); end`),
    );
    return async () => void (await db.run(sql.raw(`drop trigger ${name}`)));
  }
  await db.run(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end $$`),
  );
  await db.run(sql.raw(`create trigger ${name} before insert on ${table} for each row when (${when}) execute function ${name}()`));
  return async () => void (await db.run(sql.raw(`drop function ${name}() cascade`)));
}
