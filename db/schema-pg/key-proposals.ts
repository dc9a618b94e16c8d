/** PostgreSQL mirror of db/schema/key-proposals.ts (what each table and column means is written there). */
import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { units, users } from "./org";
import { proposals } from "./proposals";

export const progressReports = pgTable(
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
