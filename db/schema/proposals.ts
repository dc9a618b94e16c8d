import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PROPOSAL_STATES, RESULT_CLASSES, REVIEW_STAGES, SIGNER_ROLES } from "@/lib/domain";
import { calendarDate, createdAt, id, instant } from "./columns";
import { categories, sessions, users } from "./org";
import { now } from "../clock";

/** 提案 (CPPCC) or 建议 (NPC); which one follows from its session. */
export const proposals = sqliteTable(
  "proposals",
  {
    id: id(),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id),
    /** 第N号, unique within a session */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    categoryId: integer("category_id").references(() => categories.id),
    body: text("body").notNull(),
    receivedOn: calendarDate("received_on").notNull(),
    assignedOn: calendarDate("assigned_on"),
    isKey: integer("is_key", { mode: "boolean" }).notNull().default(false),
    /** 重点提案: the 区领导 who leads its handling (领办), and the 办理方案 the coordinating office set out. */
    keyLeaderId: integer("key_leader_id").references(() => users.id),
    keyPlan: text("key_plan"),
    isUrgent: integer("is_urgent", { mode: "boolean" }).notNull().default(false),
    wantsMeeting: integer("wants_meeting", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: PROPOSAL_STATES }).notNull().default("registered"),
    /** 1 for the first handling, 2 after a 不满意 receipt */
    round: integer("round").notNull().default(1),
    /** In review: with the 分管领导 or the director (null, as in rows from before 分办, reads as the director). */
    reviewStage: text("review_stage", { enum: REVIEW_STAGES }),
    /** The coordinator may exempt the lead unit from contacting the proposer before replying. */
    contactWaivedReason: text("contact_waived_reason"),
    closedReason: text("closed_reason"),
    registeredBy: integer("registered_by").references(() => users.id),
    /** Optimistic-concurrency counter, bumped on every state change. */
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().$defaultFn(now),
  },
  (t) => [
    uniqueIndex("proposals_session_number_uq").on(t.sessionId, t.number),
    /** The staff list filtered by state, in its order (session, number), without sorting. */
    index("proposals_session_status_idx").on(t.sessionId, t.status, t.number),
    /**
     * A page of a list that starts from a set of ids (a unit's proposals, a search): their session and number
     * and the filtered columns (lib/proposal-filter.ts) without reading their long rows.
     */
    index("proposals_list_idx").on(t.id, t.sessionId, t.number, t.status, t.categoryId, t.isKey, t.receivedOn),
    /** The filtered staff list in its order (session, number), each filtered column read from the index. */
    index("proposals_filter_idx").on(t.sessionId, t.number, t.status, t.categoryId, t.isKey, t.receivedOn),
    index("proposals_status_idx").on(t.status, t.updatedAt),
    index("proposals_category_idx").on(t.categoryId),
    /** A 区领导's 领办 list and the 重点 filters of the board and statistics. */
    index("proposals_key_idx").on(t.keyLeaderId, t.status).where(sql`${t.isKey} = 1`),
  ],
);

/** 领衔 proposer, 联名 co-signers and 附议 seconders. Exactly one lead per proposal. */
export const proposalSigners = sqliteTable(
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

/** Files submitted with a proposal, stored outside public/ and served with Content-Disposition. */
export const attachments = sqliteTable(
  "attachments",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    /** Path relative to the attachments directory; never under public/. */
    storagePath: text("storage_path").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_proposal_idx").on(t.proposalId)],
);

/** 并案办理: proposals handled together; each still gets its own reply. Stored once per pair (low id first). */
export const proposalLinks = sqliteTable(
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

/**
 * The raw facts the statistics are computed from, one row per proposal, joined together from the
 * assignments, replies, contact records, publications and receipts so that the statistics page reads
 * one compact table instead of joining six for every proposal. Written only by triggers (migration
 * 0006_query_plans, from the view proposal_statistics_source), never by the application; the rules
 * that turn these facts into figures stay in db/queries/statistics.ts and lib/statistics.ts.
 */
export const proposalStatistics = sqliteTable(
  "proposal_statistics",
  {
    proposalId: integer("proposal_id")
      .primaryKey()
      .references(() => proposals.id, { onDelete: "cascade" }),
    sessionId: integer("session_id").notNull(),
    status: text("status", { enum: PROPOSAL_STATES }).notNull(),
    round: integer("round").notNull(),
    /** The live lead assignment (主办单位), its 签收 deadline and the day (China time) it was accepted. */
    leadUnitId: integer("lead_unit_id"),
    acceptDue: calendarDate("accept_due"),
    acceptedOn: calendarDate("accepted_on"),
    /** The first reply's 成文日期 and the reply deadline in force when it was signed; null without one. */
    firstReplyOn: calendarDate("first_reply_on"),
    firstReplyDue: calendarDate("first_reply_due"),
    /** The methods of the first round's contact records, distinct, sorted, comma-separated; '' for none. */
    contactMethods: text("contact_methods").notNull(),
    /** Of the latest reply (highest round): its result class and whether it is published now. */
    resultClass: text("result_class", { enum: RESULT_CLASSES }),
    published: integer("published", { mode: "boolean" }).notNull(),
    /** How many receipts to the latest reply gave each attitude / result (satisfied, basically, unsatisfied). */
    receiptsSatisfiedSatisfied: integer("receipts_satisfied_satisfied").notNull(),
    receiptsSatisfiedBasically: integer("receipts_satisfied_basically").notNull(),
    receiptsSatisfiedUnsatisfied: integer("receipts_satisfied_unsatisfied").notNull(),
    receiptsBasicallySatisfied: integer("receipts_basically_satisfied").notNull(),
    receiptsBasicallyBasically: integer("receipts_basically_basically").notNull(),
    receiptsBasicallyUnsatisfied: integer("receipts_basically_unsatisfied").notNull(),
    receiptsUnsatisfiedSatisfied: integer("receipts_unsatisfied_satisfied").notNull(),
    receiptsUnsatisfiedBasically: integer("receipts_unsatisfied_basically").notNull(),
    receiptsUnsatisfiedUnsatisfied: integer("receipts_unsatisfied_unsatisfied").notNull(),
    /** The live lead assignment's reply deadline now (an approved extension included); last, as added by migration 0008. */
    replyDue: calendarDate("reply_due"),
  },
  (t) => [
    index("proposal_statistics_session_idx").on(t.sessionId, t.status),
    index("proposal_statistics_unit_idx").on(t.leadUnitId),
    /** The staff list's 超期 filter: the replies awaited whose deadline has passed. */
    index("proposal_statistics_reply_due_idx").on(t.status, t.replyDue),
  ],
);

/**
 * A counter per session, bumped by trigger whenever a proposal_statistics row of the session is written,
 * so that figures computed from a session's facts can be kept until it changes.
 */
export const statisticsVersions = sqliteTable("statistics_versions", {
  sessionId: integer("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  version: integer("version").notNull(),
});

/**
 * A counter per session and lead unit (unit_key 0: no lead unit yet), bumped with the session's by the same triggers
 * (migration 0025): when a session's version moved, which of its units to count again (a handler's write moves one).
 */
export const statisticsUnitVersions = sqliteTable(
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

export type Proposal = typeof proposals.$inferSelect;
export type NewProposal = typeof proposals.$inferInsert;
export type ProposalSigner = typeof proposalSigners.$inferSelect;

/**
 * Files received by the upload route (app/api/uploads/route.ts), streamed to the incoming folder beside
 * the attachments and checked, waiting for the form that uses them. The id is the opaque reference the
 * browser sends with the form; only its uploader may use it, once: the use case that takes the file moves
 * it into place and deletes the row in its transaction. Rows and files older than a day are removed.
 */
export const uploads = sqliteTable(
  "uploads",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** An UploadPurpose (lib/uploads.ts): what the file may be used for. */
    purpose: text("purpose").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("uploads_created_idx").on(t.createdAt)],
);
