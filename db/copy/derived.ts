/**
 * The derived tables are copied as SQLite kept them (plan.ts, DERIVED_TABLES); these checks compare them
 * with what PostgreSQL's own definitions (migration 0002) give for the copied data, so that the copy is
 * what the triggers would have written: proposal_statistics against the view proposal_statistics_source,
 * pending_publications against the replies no publication decides, owed_receipts against the view
 * owed_receipts_source. statistics_versions and statistics_unit_versions count changes and have nothing to be
 * compared with; their checksums against SQLite are their check.
 */
import type pg from "pg";
import { quoteIdent } from "./plan";

export type DerivedCheck = { table: string; against: string; differing: number; ok: boolean };

/** Rows in one query and not the other, either way (duplicates counted); each query runs once. */
async function differing(client: pg.ClientBase, a: string, b: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `with a as materialized (${a}), b as materialized (${b})
     select count(*)::integer as n from ((table a except all table b) union all (table b except all table a)) d`,
  );
  return rows[0]!.n;
}

export async function checkDerived(client: pg.ClientBase, statisticsColumns: string[]): Promise<DerivedCheck[]> {
  const columns = statisticsColumns.map(quoteIdent).join(", ");
  const statistics = await differing(
    client,
    `select ${columns} from proposal_statistics`,
    `select ${columns} from proposal_statistics_source`,
  );
  const pending = await differing(
    client,
    "select reply_id, publication_due from pending_publications",
    "select r.id, r.publication_due from replies r where not exists (select 1 from publications p where p.reply_id = r.id)",
  );
  const owed = await differing(client, "select * from owed_receipts", "select * from owed_receipts_source");
  return [
    { table: "proposal_statistics", against: "视图 proposal_statistics_source", differing: statistics, ok: statistics === 0 },
    { table: "pending_publications", against: "尚无公开决定的答复（replies）", differing: pending, ok: pending === 0 },
    { table: "owed_receipts", against: "视图 owed_receipts_source", differing: owed, ok: owed === 0 },
  ];
}
