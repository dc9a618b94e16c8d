import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATES, CONTACT_METHODS, CO_OPINION_STATES, REQUEST_STATES } from "@/lib/domain";
import { calendarDate, createdAt, id, instant } from "./columns";
import { meetings } from "./meetings";
import { sections, units, users } from "./org";
import { proposals } from "./proposals";
import { now } from "../clock";

/** 交办: one unit's part in one proposal, as lead (主办) or co-handling (协办) unit. */
export const assignments = sqliteTable(
  "assignments",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: ASSIGNMENT_ROLES }).notNull(),
    status: text("status", { enum: ASSIGNMENT_STATES }).notNull().default("pending"),
    /** The handler (承办人) who accepted it. */
    handlerId: integer("handler_id").references(() => users.id),
    assignedOn: calendarDate("assigned_on").notNull(),
    /** 签收/申请调整 deadline */
    acceptDue: calendarDate("accept_due").notNull(),
    /** Reply deadline for the lead unit, opinion deadline for a co-handling unit. */
    due: calendarDate("due").notNull(),
    /** Set when an extension is granted; replaces `due` wherever a deadline is shown. */
    extendedDue: calendarDate("extended_due"),
    acceptedAt: instant("accepted_at"),
    /** The coordinator waived a co-handling unit's opinion, with this reason. */
    opinionWaivedReason: text("opinion_waived_reason"),
    /** 分办: the 科室, the named 承办人 and the internal deadline (inside `due`), all set or all null. */
    sectionId: integer("section_id").references(() => sections.id),
    assigneeId: integer("assignee_id").references(() => users.id),
    internalDue: calendarDate("internal_due"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("assignments_proposal_unit_uq").on(t.proposalId, t.unitId),
    /** What is divided to one 承办人 (their 待办). */
    index("assignments_assignee_idx").on(t.assigneeId, t.status),
    /** A unit's queues and the proposals it handles, answered from the index alone. */
    index("assignments_unit_idx").on(t.unitId, t.status, t.role, t.proposalId),
    /**
     * Overdue steps: the deadline in force (an extension replaces the due date), by state; queries must
     * write the same coalesce to use it. (Its SQL in migration 0006 is written by hand: drizzle-kit 0.31
     * splits an index expression at its comma, drizzle-orm#6062.)
     */
    index("assignments_status_due_idx").on(t.status, sql`coalesce(${t.extendedDue}, ${t.due})`),
    index("assignments_status_accept_due_idx").on(t.status, t.acceptDue),
    /**
     * The coordinator's 超期 list in its order: open assignments by the deadline in force, so that a page is read in
     * order instead of sorting every overdue one (14,000 at 100,000 proposals). Its SQL in migration 0024 by hand, as above.
     */
    index("assignments_open_due_idx")
      .on(sql`coalesce(${t.extendedDue}, ${t.due})`, t.id)
      .where(sql`${t.status} in ('pending', 'accepted')`),
  ],
);

/** 申请调整: a unit asks to be removed or replaced, or a co-handling unit to lead. */
export const adjustmentRequests = sqliteTable(
  "adjustment_requests",
  {
    id: id(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    requestedBy: integer("requested_by")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    /** The unit suggested instead: the new lead for a lead unit's request, another co-handling unit for a co-handling unit's. */
    suggestedUnitId: integer("suggested_unit_id").references(() => units.id),
    /** A co-handling unit asks to lead the proposal itself (申请改为主办). */
    asksToLead: integer("asks_to_lead", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: REQUEST_STATES }).notNull().default("pending"),
    /** The coordinator must decide by this date. */
    decideBy: calendarDate("decide_by").notNull(),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: instant("decided_at"),
    decisionComment: text("decision_comment"),
    createdAt: createdAt(),
  },
  (t) => [index("adjustment_requests_status_idx").on(t.status, t.decideBy), index("adjustment_requests_assignment_idx").on(t.assignmentId)],
);

/** 申请延期: a unit asks for more time (up to three months). */
export const extensionRequests = sqliteTable(
  "extension_requests",
  {
    id: id(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    requestedBy: integer("requested_by")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    requestedUntil: calendarDate("requested_until").notNull(),
    status: text("status", { enum: REQUEST_STATES }).notNull().default("pending"),
    grantedUntil: calendarDate("granted_until"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: instant("decided_at"),
    decisionComment: text("decision_comment"),
    createdAt: createdAt(),
  },
  (t) => [index("extension_requests_status_idx").on(t.status), index("extension_requests_assignment_idx").on(t.assignmentId)],
);

/** 协办意见: a co-handling unit's opinion to the lead unit, signed off by its own director. */
export const coOpinions = sqliteTable(
  "co_opinions",
  {
    id: id(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    status: text("status", { enum: CO_OPINION_STATES }).notNull().default("draft"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    directorId: integer("director_id").references(() => users.id),
    directorComment: text("director_comment"),
    sentAt: instant("sent_at"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().$defaultFn(now),
  },
  (t) => [uniqueIndex("co_opinions_assignment_uq").on(t.assignmentId), index("co_opinions_status_idx").on(t.status)],
);

/** 沟通记录: the lead unit's contact with the proposer before replying. */
export const contactRecords = sqliteTable(
  "contact_records",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    round: integer("round").notNull().default(1),
    contactedOn: calendarDate("contacted_on").notNull(),
    method: text("method", { enum: CONTACT_METHODS }).notNull(),
    /** Who took part, e.g. 蒋明杰与刘新荣委员 */
    participants: text("participants").notNull(),
    summary: text("summary").notNull(),
    /** Recorded as part of a 面商 or 座谈会 covering several proposals. */
    meetingId: integer("meeting_id").references(() => meetings.id),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("contact_records_proposal_idx").on(t.proposalId, t.round), index("contact_records_meeting_idx").on(t.meetingId)],
);

export type Assignment = typeof assignments.$inferSelect;
export type NewAssignment = typeof assignments.$inferInsert;
export type CoOpinion = typeof coOpinions.$inferSelect;
export type ContactRecord = typeof contactRecords.$inferSelect;
export type AdjustmentRequest = typeof adjustmentRequests.$inferSelect;
export type ExtensionRequest = typeof extensionRequests.$inferSelect;
