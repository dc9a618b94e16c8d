/**
 * Which proposals the staff list (全部提案) selects: its filters (lib/proposal-filter.ts) as one condition
 * on `proposals`, shared by the list (listProposals) and its export (ledgerRows), so that 导出台账 holds
 * exactly the rows the list shows. Every part reads an index, never every proposal's row: the proposals'
 * own columns are in the covering index proposals_filter_idx; units, the reply deadline and the texts are
 * sets of ids from their indexes (assignments, proposal_statistics, the search indexes of titles and bodies: db/search).
 */
import { and, eq, gte, inArray, lte, ne, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { AssignmentRole } from "@/lib/domain";
import { AWAITING_REPLY_STATES, latestDueOverdueBy } from "@/lib/overdue";
import type { ProposalFilter } from "@/lib/proposal-filter";
import { searchTerms } from "@/lib/public-search";
import type { Db } from "../client";
import { assignments, proposalSigners, proposalStatistics, proposals, sessions, units, users } from "../schema";
import { likeAnyCase } from "../dialect";
import { databaseEngine } from "../engine";
import { searchReader, textMatchIds } from "../search/text-match";

export type ProposalSelection = ProposalFilter & {
  /** Only proposals this unit has a live assignment on (the list of a unit's handler or director). */
  unitId?: number | null;
};

/**
 * The covering index a list of the selection reads `proposals` through (never the long rows, whose reads
 * cost 6–12 µs each at 100,000 proposals: 0.5–1 s for a common state): when a filter is a set of ids (a unit,
 * 超期, the search), the ids are looked up in proposals_list_idx (id first); otherwise proposals_filter_idx is
 * read in the list's order (session, number), at most all of it (8 ms). Named, since the planner would
 * otherwise pick the narrower state or category index and read every matching row.
 */
export function selectionIndex(s: ProposalSelection): "proposals_list_idx" | "proposals_filter_idx" {
  return s.unitId != null || s.lead || s.co || s.overdue || s.q ? "proposals_list_idx" : "proposals_filter_idx";
}

/** The proposals with a live assignment of the unit (in either role, or in the one given). */
function assignedTo(db: Db, unitId: number, role?: AssignmentRole) {
  return db
    .select({ id: assignments.proposalId })
    .from(assignments)
    .where(and(eq(assignments.unitId, unitId), ne(assignments.status, "withdrawn"), role ? eq(assignments.role, role) : undefined));
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One search word, as the set of proposals it finds: in the title or the body, the name of the proposer
 * (领衔) or a co-signer (联名), the name of a unit with a live assignment (主办 or 协办, full or short
 * name), or the proposal's number. One set (union all: the condition keeps each id once, and no part is sorted).
 */
async function wordMatches(db: Db, word: string): Promise<SQL> {
  const like = likePattern(word);
  const sets: (SQL | null)[] = [
    await textMatchIds(searchReader(db), "proposal_titles", word),
    await textMatchIds(searchReader(db), "proposal_bodies", word),
    sql`select ${proposalSigners.proposalId} from ${proposalSigners} where ${proposalSigners.role} in ('lead', 'cosigner')
      and ${proposalSigners.userId} in (select ${users.id} from ${users} where ${likeAnyCase(users.displayName, like)})`,
    sql`select ${assignments.proposalId} from ${assignments} where ${assignments.status} <> 'withdrawn'
      and ${assignments.unitId} in (select ${units.id} from ${units} where ${likeAnyCase(units.name, like)} or ${likeAnyCase(units.shortName, like)})`,
    /^\d{1,9}$/.test(word) ? sql`select ${proposals.id} from ${proposals} where ${proposals.number} = ${Number(word)}` : null,
  ];
  return sql.join(
    sets.filter((s): s is SQL => s !== null),
    sql` union all `,
  );
}

/**
 * `proposals.id` in every one of the sets (each a query of ids). On SQLite one `IN` each: SQLite builds each set once
 * into an index of its own. On PostgreSQL one array of their intersection, computed first: with `IN`, under the
 * list's LIMIT its planner walked the proposals in the list's order and compared each with the whole set in a nested
 * loop (养老, 4,908 matches at 100,000 proposals: 310 ms for the page; from the array, 17 ms), and an array per set
 * would be compared element by element as a filter.
 */
function inEverySet(sets: readonly SQL[]): SQL | undefined {
  if (sets.length === 0) return undefined;
  if (databaseEngine() === "sqlite") return and(...sets.map((set) => sql`${proposals.id} in (${set})`));
  const intersection = sql.join(
    sets.map((set, n) => sql`select ${sql.identifier(`s${n}`)}.id from (${set}) as ${sql.identifier(`s${n}`)}(id)`),
    sql` intersect `,
  );
  return sql`${proposals.id} = any(array(${intersection}))`;
}

/** The condition on `proposals` that selects what the filters ask for; undefined selects every proposal. `today` decides what is overdue. */
export async function selectionCondition(db: Db, s: ProposalSelection, today: string): Promise<SQL | undefined> {
  // The filters that are sets of ids, read from their own indexes (selectionIndex).
  const sets: (SQLWrapper | undefined)[] = [
    s.unitId != null ? assignedTo(db, s.unitId) : undefined,
    s.lead ? assignedTo(db, s.lead, "lead") : undefined,
    s.co ? assignedTo(db, s.co, "co") : undefined,
    // The reply awaited past its deadline (lib/overdue.ts), as the statistics count it from the same facts.
    s.overdue
      ? db
          .select({ id: proposalStatistics.proposalId })
          .from(proposalStatistics)
          .where(
            and(
              inArray(proposalStatistics.status, [...AWAITING_REPLY_STATES]),
              lte(proposalStatistics.replyDue, latestDueOverdueBy(today, s.overdue)),
            ),
          )
      : undefined,
    ...(s.q ? await Promise.all(searchTerms(s.q).map(async (word) => wordMatches(db, word))) : []),
  ];
  const conditions: (SQL | undefined)[] = [
    s.session ? eq(proposals.sessionId, s.session) : undefined,
    s.kind ? inArray(proposals.sessionId, db.select({ id: sessions.id }).from(sessions).where(eq(sessions.kind, s.kind))) : undefined,
    s.status ? eq(proposals.status, s.status) : undefined,
    s.category ? eq(proposals.categoryId, s.category) : undefined,
    s.key ? eq(proposals.isKey, true) : undefined,
    s.from ? gte(proposals.receivedOn, s.from) : undefined,
    s.to ? lte(proposals.receivedOn, s.to) : undefined,
    inEverySet(sets.filter((set): set is SQLWrapper => set !== undefined).map((set) => set.getSQL())),
  ];
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return present.length > 0 ? and(...present) : undefined;
}
