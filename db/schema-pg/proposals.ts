/** PostgreSQL mirror of db/schema/proposals.ts (what each table and column means is written there). */
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { PROPOSAL_STATES, RESULT_CLASSES, REVIEW_STAGES, SIGNER_ROLES } from "@/lib/domain";
import { now } from "../clock";
import { calendarDate, createdAt, flag, id, instant } from "./columns";
import { categories, sessions, users } from "./org";

export const proposals = pgTable(
  "proposals",
  {
    id: id(),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    categoryId: integer("category_id").references(() => categories.id),
    body: text("body").notNull(),
    receivedOn: calendarDate("received_on").notNull(),
    assignedOn: calendarDate("assigned_on"),
    isKey: boolean("is_key").notNull().default(false),
    keyLeaderId: integer("key_leader_id").references(() => users.id),
    keyPlan: text("key_plan"),
    isUrgent: boolean("is_urgent").notNull().default(false),
    wantsMeeting: boolean("wants_meeting").notNull().default(false),
    status: text("status", { enum: PROPOSAL_STATES }).notNull().default("registered"),
    round: integer("round").notNull().default(1),
    reviewStage: text("review_stage", { enum: REVIEW_STAGES }),
    contactWaivedReason: text("contact_waived_reason"),
    closedReason: text("closed_reason"),
    registeredBy: integer("registered_by").references(() => users.id),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().$defaultFn(now),
  },
  (t) => [
    uniqueIndex("proposals_session_number_uq").on(t.sessionId, t.number),
    index("proposals_session_status_idx").on(t.sessionId, t.status, t.number),
    index("proposals_list_idx").on(t.id, t.sessionId, t.number, t.status, t.categoryId, t.isKey, t.receivedOn),
    index("proposals_filter_idx").on(t.sessionId, t.number, t.status, t.categoryId, t.isKey, t.receivedOn),
    index("proposals_status_idx").on(t.status, t.updatedAt),
    index("proposals_category_idx").on(t.categoryId),
    // SQLite's `is_key = 1`: the column is a native boolean here.
    index("proposals_key_idx").on(t.keyLeaderId, t.status).where(sql`${t.isKey}`),
  ],
);

export const proposalSigners = pgTable(
  "proposal_signers",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: SIGNER_ROLES }).notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.userId] }),
    uniqueIndex("proposal_signers_one_lead_uq").on(t.proposalId).where(sql`role = 'lead'`),
    index("proposal_signers_user_idx").on(t.userId, t.role),
  ],
);

export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    // A byte count: 64 bits as on SQLite, whatever the upload limit (lib/import/attachments.ts) becomes.
    size: bigint("size", { mode: "number" }).notNull(),
    storagePath: text("storage_path").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_proposal_idx").on(t.proposalId)],
);

export const proposalLinks = pgTable(
  "proposal_links",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    relatedId: integer("related_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.relatedId] }), index("proposal_links_related_idx").on(t.relatedId)],
);

/** Written only by the triggers of the custom migration, from the view proposal_statistics_source. */
export const proposalStatistics = pgTable(
  "proposal_statistics",
  {
    proposalId: integer("proposal_id")
      .primaryKey()
      .references(() => proposals.id, { onDelete: "cascade" }),
    sessionId: integer("session_id").notNull(),
    status: text("status", { enum: PROPOSAL_STATES }).notNull(),
    round: integer("round").notNull(),
    leadUnitId: integer("lead_unit_id"),
    acceptDue: calendarDate("accept_due"),
    acceptedOn: calendarDate("accepted_on"),
    firstReplyOn: calendarDate("first_reply_on"),
    firstReplyDue: calendarDate("first_reply_due"),
    contactMethods: text("contact_methods").notNull(),
    resultClass: text("result_class", { enum: RESULT_CLASSES }),
    // 0/1, not a native boolean: db/queries/statistics.ts adds it up and compares it with 1 in raw SQL.
    published: flag("published").notNull(),
    receiptsSatisfiedSatisfied: integer("receipts_satisfied_satisfied").notNull(),
    receiptsSatisfiedBasically: integer("receipts_satisfied_basically").notNull(),
    receiptsSatisfiedUnsatisfied: integer("receipts_satisfied_unsatisfied").notNull(),
    receiptsBasicallySatisfied: integer("receipts_basically_satisfied").notNull(),
    receiptsBasicallyBasically: integer("receipts_basically_basically").notNull(),
    receiptsBasicallyUnsatisfied: integer("receipts_basically_unsatisfied").notNull(),
    receiptsUnsatisfiedSatisfied: integer("receipts_unsatisfied_satisfied").notNull(),
    receiptsUnsatisfiedBasically: integer("receipts_unsatisfied_basically").notNull(),
    receiptsUnsatisfiedUnsatisfied: integer("receipts_unsatisfied_unsatisfied").notNull(),
    // Last, in the view's order: the triggers copy the view's rows with SELECT *.
    replyDue: calendarDate("reply_due"),
  },
  (t) => [
    index("proposal_statistics_session_idx").on(t.sessionId, t.status),
    index("proposal_statistics_unit_idx").on(t.leadUnitId),
    index("proposal_statistics_reply_due_idx").on(t.status, t.replyDue),
  ],
);

export const statisticsVersions = pgTable("statistics_versions", {
  sessionId: integer("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  version: integer("version").notNull(),
});

export const statisticsUnitVersions = pgTable(
  "statistics_unit_versions",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    unitKey: integer("unit_key").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.unitKey] })],
);

export const uploads = pgTable(
  "uploads",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("uploads_created_idx").on(t.createdAt)],
);
