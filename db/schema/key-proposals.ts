import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "./columns";
import { units, users } from "./org";
import { proposals } from "./proposals";

/** 中期进展: a progress report the lead unit files on a 重点提案, read by the coordinating office and the leading 区领导. */
export const progressReports = sqliteTable(
  "progress_reports",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    round: integer("round").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("progress_reports_proposal_idx").on(t.proposalId, t.createdAt)],
);

export type ProgressReport = typeof progressReports.$inferSelect;
