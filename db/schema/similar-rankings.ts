import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { instant } from "./columns";
import { proposals } from "./proposals";

/**
 * A proposal's 相似提案 ranking, computed once in the background and read by every instance (issue 22,
 * docs/decisions/020): used while `basis` is the digest of the proposal's current title and opening (and of the
 * ranking's own limit and threshold), else the page ranks live. The listed proposals' state and reply are read fresh.
 */
export const similarRankings = sqliteTable("similar_rankings", {
  proposalId: integer("proposal_id")
    .primaryKey()
    .references(() => proposals.id, { onDelete: "cascade" }),
  /** db/queries/similar-basis.ts: sha256 of what the ranking was computed from. */
  basis: text("basis").notNull(),
  /** JSON `[{ id, score }]`, best first. */
  ranking: text("ranking").notNull(),
  rankedAt: instant("ranked_at").notNull(),
});

/**
 * Proposals to be ranked (again): filled by the proposals' triggers (registered, title or opening changed), by a
 * ranking that finds proposals it may now enter, and by the instances as they start; emptied by the instances.
 */
export const similarRankingQueue = sqliteTable("similar_ranking_queue", {
  proposalId: integer("proposal_id")
    .primaryKey()
    .references(() => proposals.id, { onDelete: "cascade" }),
});
