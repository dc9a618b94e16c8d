import pg from "pg";
import { isPostgresUrl } from "@/db/engine";
import { copyPlan, type TablePlan } from "@/db/copy/plan";
import { SqliteSource } from "@/db/copy/source";
import { readBack } from "@/db/copy/target";
import { canonical } from "@/db/copy/values";

/** Salted on every run (argon2): the one column that differs between two seedings of the same data. */
const SALTED = new Set(["password_hash"]);

/**
 * Every table's rows of a closed-or-idle database (a SQLite file or a PostgreSQL URL), in primary key
 * order, each row as the text db/copy checksums (values.ts: the same text for the same value on either
 * engine), salted columns and those of `leaveOut` ("table.column") left out: to compare two databases row
 * for row, ids included.
 */
export async function tableRows(location: string, leaveOut: readonly string[] = []): Promise<Map<string, string[]>> {
  const plan = copyPlan();
  const left = (table: TablePlan, column: string) => SALTED.has(column) || leaveOut.includes(`${table.name}.${column}`);
  const text = (table: TablePlan, row: readonly unknown[]) =>
    JSON.stringify(table.columns.map((c, i) => (left(table, c.name) ? null : canonical(c.type, row[i]))));
  const tables = new Map<string, string[]>();
  if (!isPostgresUrl(location)) {
    const source = new SqliteSource(location);
    try {
      for (const table of plan)
        tables.set(
          table.name,
          Array.from(source.rows(table), (row) => text(table, row)),
        );
    } finally {
      source.close();
    }
    return tables;
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    await client.query("begin read only");
    for (const table of plan) {
      const rows: string[] = [];
      await readBack(client, table, (row) => rows.push(text(table, row)));
      tables.set(table.name, rows);
    }
    await client.query("commit");
  } finally {
    await client.end();
  }
  return tables;
}
