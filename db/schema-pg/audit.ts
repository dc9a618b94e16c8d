/** PostgreSQL mirror of db/schema/audit.ts (what each table and column means is written there). */
import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { OUTBOX_STATES, PROPOSAL_STATES } from "@/lib/domain";
import { now } from "../clock";
import { createdAt, id, instant } from "./columns";
import { users } from "./org";
import { proposals } from "./proposals";

/** Append-only, as on SQLite: the custom migration's triggers refuse UPDATE, DELETE and TRUNCATE. */
export const events = pgTable(
  "events",
  {
    id: id(),
    proposalId: integer("proposal_id").references(() => proposals.id),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    fromState: text("from_state", { enum: PROPOSAL_STATES }),
    toState: text("to_state", { enum: PROPOSAL_STATES }),
    comment: text("comment"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("events_proposal_idx").on(t.proposalId, t.action, t.id), index("events_action_idx").on(t.action, t.createdAt)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    proposalId: integer("proposal_id").references(() => proposals.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    link: text("link"),
    readAt: instant("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.id)],
);

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: OUTBOX_STATES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: instant("next_attempt_at").notNull().$defaultFn(now),
    sentAt: instant("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);
