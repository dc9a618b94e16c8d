/**
 * Writes a table's rows to PostgreSQL in batches: one INSERT … SELECT FROM unnest(…) per batch, each
 * column one array parameter, so a batch of thousands of rows is one statement with as many parameters
 * as the table has columns (a multi-row VALUES list would stop at 65,535 parameters).
 */
import type pg from "pg";
import { quoteIdent, type TablePlan } from "./plan";
import { type PgParameter, toPg, ValueError } from "./values";

/** Rows per statement, and the text per statement at which a batch of long rows (bodies, letters) is sent early. */
const BATCH_ROWS = 2000;
const BATCH_CHARACTERS = 8_000_000;

export class BatchInserter {
  private readonly statement: string;
  private arrays: PgParameter[][];
  private pending = 0;
  private characters = 0;
  /** The batch PostgreSQL is writing while the next one is read from SQLite. */
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: pg.ClientBase,
    private readonly table: TablePlan,
  ) {
    const columns = table.columns.map((c) => quoteIdent(c.name)).join(", ");
    const arrays = table.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
    this.statement = `insert into ${quoteIdent(table.name)} (${columns}) select * from unnest(${arrays})`;
    this.arrays = table.columns.map(() => []);
  }

  /** Adds a SQLite row (values in the plan's column order); sends the batch when it is full. */
  async add(row: readonly unknown[]): Promise<void> {
    this.table.columns.forEach((column, i) => {
      let value: PgParameter;
      try {
        value = toPg(column.type, row[i]);
      } catch (error) {
        if (!(error instanceof ValueError)) throw error;
        const key = this.table.key.map((k) => `${k.name}=${String(row[this.table.columns.indexOf(k)])}`).join(", ");
        throw new ValueError(`表 ${this.table.name} 的行（${key}）的列 ${column.name}：${error.message}`);
      }
      this.arrays[i]!.push(value);
      if (typeof value === "string" || Buffer.isBuffer(value)) this.characters += value.length;
    });
    this.pending++;
    if (this.pending >= BATCH_ROWS || this.characters >= BATCH_CHARACTERS) await this.send();
  }

  /** Sends what is pending and waits until every batch is written. */
  async finish(): Promise<void> {
    await this.send();
    await this.inFlight;
  }

  /** Waits for the previous batch (its error surfaces here), then sends this one without waiting for it. */
  private async send(): Promise<void> {
    await this.inFlight;
    if (this.pending === 0) return;
    const sent = this.client.query(this.statement, this.arrays).then(() => {});
    // Awaited at the next send or at finish; until then a failure must not count as unhandled.
    sent.catch(() => {});
    this.inFlight = sent;
    this.arrays = this.table.columns.map(() => []);
    this.pending = 0;
    this.characters = 0;
  }
}
