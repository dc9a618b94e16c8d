/**
 * A table's row count and checksum: sha256 over the canonical text of each row (values.ts), one JSON array
 * per line, in primary key order. Both databases' rows are hashed here, in Node, so that the text hashed
 * is formed by the same code whichever engine the row came from.
 */
import { createHash, type Hash } from "node:crypto";
import type { TablePlan } from "./plan";
import { canonical } from "./values";

export class TableChecksum {
  rows = 0;
  private readonly hash: Hash = createHash("sha256");

  constructor(private readonly table: TablePlan) {}

  /** Adds a row given as its values in the plan's column order. */
  add(row: readonly unknown[]): void {
    const values = this.table.columns.map((column, i) => canonical(column.type, row[i]));
    this.hash.update(`${JSON.stringify(values)}\n`);
    this.rows++;
  }

  digest(): string {
    return this.hash.digest("hex");
  }
}
