import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { OUTBOX_STATES, PROPOSAL_STATES } from "@/lib/domain";
import { createdAt, id, instant } from "./columns";
import { users } from "./org";
import { proposals } from "./proposals";
import { now } from "../clock";

/**
 * 办理记录: every transition and security-relevant act. Append-only (triggers in the migrations refuse
 * UPDATE and DELETE); it is both the audit trail and the proposal's timeline.
 */
export const events = sqliteTable(
  "events",
  {
    id: id(),
    proposalId: integer("proposal_id").references(() => proposals.id),
    actorId: integer("actor_id").references(() => users.id),
    /** Machine name of what happened, e.g. assign, accept, sign_in */
    action: text("action").notNull(),
    fromState: text("from_state", { enum: PROPOSAL_STATES }),
    toState: text("to_state", { enum: PROPOSAL_STATES }),
    comment: text("comment"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  // A proposal's timeline (a few rows, sorted), and its events of one kind (the last 催告 of each member).
  (t) => [index("events_proposal_idx").on(t.proposalId, t.action, t.id), index("events_action_idx").on(t.action, t.createdAt)],
);

/** In-app messages for whoever must act next. */
export const notifications = sqliteTable(
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

/** Mail waiting to be sent by the worker, kept until it goes out. */
export const emailOutbox = sqliteTable(
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

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type Notification = typeof notifications.$inferSelect;
