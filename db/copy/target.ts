/**
 * The PostgreSQL side of a copy, on one connection (the copy is one transaction on it): the emptiness
 * check, the migrations, the schema check against the plan, the derived tables' triggers paused and
 * resumed, the identity sequences set, and rows read back in primary key order.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";
import { CopyError, TargetNotEmptyError } from "./errors";
import { DERIVED_TABLES, quoteIdent, type TablePlan } from "./plan";

/** Every table of the public schema, the plan's and any other (say a search index a later migration adds). */
async function publicTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  return rows.map((r) => r.name);
}

/** Refuses a target where any table holds a row: a copy never merges into or overwrites data. */
export async function refuseNonEmpty(client: pg.ClientBase): Promise<void> {
  const filled: { table: string; rows: number }[] = [];
  for (const table of await publicTables(client)) {
    const { rows } = await client.query<{ n: number }>(`select count(*)::integer as n from ${quoteIdent(table)}`);
    if (rows[0]!.n > 0) filled.push({ table, rows: rows[0]!.n });
  }
  if (filled.length > 0) throw new TargetNotEmptyError(filled);
}

/** The target's collation: text sorts by code point, as on SQLite, only under C (or C.UTF-8). */
export async function collationOf(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ collation: string }>(
    "select datcollate as collation from pg_database where datname = current_database()",
  );
  return rows[0]!.collation;
}

/** Applies db/migrations-pg (drizzle's migrator, its own transaction; nothing when already applied). */
export async function migrateTarget(client: pg.Client, migrationsFolder: string): Promise<void> {
  await migrate(drizzle(client), { migrationsFolder });
}

/** Checks that the migrated target has every planned table and column with the planned type. */
export async function checkTargetSchema(client: pg.ClientBase, plan: TablePlan[]): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    "select table_name, column_name, data_type from information_schema.columns where table_schema = 'public'",
  );
  const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
  const problems = plan.flatMap((table) =>
    table.columns.flatMap((c) => {
      const type = actual.get(`${table.name}.${c.name}`);
      if (type === undefined) return [`缺少列 ${table.name}.${c.name}`];
      return type === c.type ? [] : [`列 ${table.name}.${c.name} 的类型为 ${type}，应为 ${c.type}`];
    }),
  );
  if (problems.length > 0) throw new CopyError(`目标数据库迁移后的表结构与本版本不一致：${problems.join("；")}`);
}

export type DerivedTrigger = { table: string; trigger: string };

/** The triggers of migration 0002 that write the derived tables: each is named after the table it keeps. */
export async function derivedTriggers(client: pg.ClientBase): Promise<DerivedTrigger[]> {
  const { rows } = await client.query<DerivedTrigger>(
    `select c.relname as table, t.tgname as trigger
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and not t.tgisinternal and t.tgname ~ $1
      order by c.relname, t.tgname`,
    [`^(${DERIVED_TABLES.join("|")})_`],
  );
  return rows;
}

/**
 * Pauses or resumes those triggers. ALTER TABLE is transactional: a copy that fails leaves them enabled.
 * It needs the tables' owner, which the role that applied the migrations is.
 */
export async function setTriggers(client: pg.ClientBase, triggers: DerivedTrigger[], enabled: boolean): Promise<void> {
  for (const { table, trigger } of triggers) {
    await client.query(`alter table ${quoteIdent(table)} ${enabled ? "enable" : "disable"} trigger ${quoteIdent(trigger)}`);
  }
}

/**
 * Sets the table's identity sequence past the highest id copied and the highest SQLite ever gave
 * (`given`, from sqlite_sequence); returns the id the next insert without one gets.
 */
export async function resetSequence(client: pg.ClientBase, table: TablePlan, given: bigint): Promise<number | null> {
  if (!table.identity) return null;
  const column = quoteIdent(table.identity);
  const { rows } = await client.query<{ next: string }>(
    `select setval(pg_get_serial_sequence($1, $2), greatest(v, 1), v > 0) + (v > 0)::integer as next
       from (select greatest(coalesce(max(${column}), 0), $3::bigint) as v from ${quoteIdent(table.name)}) highest`,
    [quoteIdent(table.name), table.identity, given.toString()],
  );
  return Number(rows[0]!.next);
}

/**
 * The table's rows as written, each as its values in the plan's column order, in primary key order (text
 * by code point, COLLATE "C", as SQLite's BINARY), through a cursor so that a big table is never held whole.
 * jsonb is read as text so that its canonical form is taken from the same JSON text as SQLite's.
 */
export async function readBack(client: pg.ClientBase, table: TablePlan, each: (row: unknown[]) => void, batch = 5000): Promise<void> {
  const columns = table.columns.map((c) => (c.type === "jsonb" ? `${quoteIdent(c.name)}::text` : quoteIdent(c.name))).join(", ");
  const order = table.key.map((c) => (c.type === "text" ? `${quoteIdent(c.name)} collate "C"` : quoteIdent(c.name))).join(", ");
  await client.query(`declare copy_read_back no scroll cursor for select ${columns} from ${quoteIdent(table.name)} order by ${order}`);
  const fetch = () => client.query<unknown[]>({ text: `fetch forward ${batch} from copy_read_back`, rowMode: "array" });
  let next = fetch();
  for (;;) {
    const { rows } = await next;
    // The server prepares the next batch while this one is hashed.
    if (rows.length === batch) next = fetch();
    for (const row of rows) each(row);
    if (rows.length < batch) break;
  }
  // Not in a finally: after an error the transaction is aborted, and its rollback closes the cursor anyway.
  await client.query("close copy_read_back");
}

export type Deferred = { kind: "index" | "foreign key"; table: string; name: string; definition: string };

/**
 * Drops the foreign keys of the public schema and the plain (not unique) indexes of the planned tables,
 * to be made again after the load, as pg_restore does: one join per foreign key and one sort per index
 * instead of a lookup and an index insertion per row (half the load time). Primary keys and unique
 * indexes stay, for ON CONFLICT in triggers and for the read-back. ALTER TABLE is transactional: a copy
 * that fails leaves them all in place.
 */
export async function dropForLoad(client: pg.ClientBase, plan: TablePlan[]): Promise<Deferred[]> {
  const { rows: foreignKeys } = await client.query<Deferred>(
    `select 'foreign key' as kind, c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = 'public' and c.contype = 'f'
      order by c.conrelid::regclass::text, c.conname`,
  );
  const { rows: indexes } = await client.query<Deferred>(
    `select 'index' as kind, t.relname as table, x.relname as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class x on x.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and t.relname = any($1) and not i.indisunique and not i.indisprimary
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by t.relname, x.relname`,
    [plan.map((t) => t.name)],
  );
  for (const fk of foreignKeys) await client.query(`alter table ${fk.table} drop constraint ${quoteIdent(fk.name)}`);
  for (const index of indexes) await client.query(`drop index ${quoteIdent(index.name)}`);
  return [...indexes, ...foreignKeys];
}

/** Makes the dropped indexes and foreign keys again; each foreign key is checked against every copied row. */
export async function restoreAfterLoad(client: pg.ClientBase, dropped: Deferred[]): Promise<void> {
  for (const item of dropped) {
    try {
      if (item.kind === "index") await client.query(item.definition);
      else await client.query(`alter table ${item.table} add constraint ${quoteIdent(item.name)} ${item.definition}`);
    } catch (error) {
      const what = item.kind === "index" ? "索引" : "外键";
      const message = `复制的数据不满足${what} ${item.name}（表 ${item.table}），已回滚，目标数据库中没有写入任何数据`;
      throw new CopyError(`${message}：${(error as Error).message}`, { cause: error });
    }
  }
}
