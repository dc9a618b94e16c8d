/** PostgreSQL mirror of db/schema/handling.ts (what each table and column means is written there). */
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATES, CO_OPINION_STATES, CONTACT_METHODS, REQUEST_STATES } from "@/lib/domain";
import { now } from "../clock";
import { calendarDate, createdAt, id, instant } from "./columns";
import { meetings } from "./meetings";
import { sections, units, users } from "./org";
import { proposals } from "./proposals";

export const assignments = pgTable(
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
    handlerId: integer("handler_id").references(() => users.id),
    assignedOn: calendarDate("assigned_on").notNull(),
    acceptDue: calendarDate("accept_due").notNull(),
    due: calendarDate("due").notNull(),
    extendedDue: calendarDate("extended_due"),
    acceptedAt: instant("accepted_at"),
    opinionWaivedReason: text("opinion_waived_reason"),
    sectionId: integer("section_id").references(() => sections.id),
    assigneeId: integer("assignee_id").references(() => users.id),
    internalDue: calendarDate("internal_due"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("assignments_proposal_unit_uq").on(t.proposalId, t.unitId),
    index("assignments_assignee_idx").on(t.assigneeId, t.status),
    index("assignments_unit_idx").on(t.unitId, t.status, t.role, t.proposalId),
    index("assignments_status_due_idx").on(t.status, sql`coalesce(${t.extendedDue}, ${t.due})`),
    index("assignments_status_accept_due_idx").on(t.status, t.acceptDue),
    index("assignments_open_due_idx")
      .on(sql`coalesce(${t.extendedDue}, ${t.due})`, t.id)
      .where(sql`${t.status} in ('pending', 'accepted')`),
  ],
);

export const adjustmentRequests = pgTable(
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
    suggestedUnitId: integer("suggested_unit_id").references(() => units.id),
    asksToLead: boolean("asks_to_lead").notNull().default(false),
    status: text("status", { enum: REQUEST_STATES }).notNull().default("pending"),
    decideBy: calendarDate("decide_by").notNull(),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: instant("decided_at"),
    decisionComment: text("decision_comment"),
    createdAt: createdAt(),
  },
  (t) => [index("adjustment_requests_status_idx").on(t.status, t.decideBy), index("adjustment_requests_assignment_idx").on(t.assignmentId)],
);

export const extensionRequests = pgTable(
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

export const coOpinions = pgTable(
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

export const contactRecords = pgTable(
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
    participants: text("participants").notNull(),
    summary: text("summary").notNull(),
    meetingId: integer("meeting_id").references(() => meetings.id),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("contact_records_proposal_idx").on(t.proposalId, t.round), index("contact_records_meeting_idx").on(t.meetingId)],
);
