import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { proposals } from "./proposals";

export const similarRankings = pgTable("similar_rankings", {
  proposalId: integer("proposal_id")
    .primaryKey()
    .references(() => proposals.id, { onDelete: "cascade" }),
  basis: text("basis").notNull(),
  ranking: text("ranking").notNull(),
  rankedAt: instant("ranked_at").notNull(),
});

export const similarRankingQueue = pgTable("similar_ranking_queue", {
  proposalId: integer("proposal_id")
    .primaryKey()
    .references(() => proposals.id, { onDelete: "cascade" }),
});
