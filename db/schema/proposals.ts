import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PROPOSAL_STATES, SIGNER_ROLES } from "@/lib/domain";
import { calendarDate, createdAt, id, instant } from "./columns";
import { categories, sessions, users } from "./org";

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
    isUrgent: integer("is_urgent", { mode: "boolean" }).notNull().default(false),
    wantsMeeting: integer("wants_meeting", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: PROPOSAL_STATES }).notNull().default("registered"),
    /** 1 for the first handling, 2 after a 不满意 receipt */
    round: integer("round").notNull().default(1),
    /** The coordinator may exempt the lead unit from contacting the proposer before replying. */
    contactWaivedReason: text("contact_waived_reason"),
    closedReason: text("closed_reason"),
    registeredBy: integer("registered_by").references(() => users.id),
    /** Optimistic-concurrency counter, bumped on every state change. */
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: instant("updated_at")
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex("proposals_session_number_uq").on(t.sessionId, t.number),
    index("proposals_status_idx").on(t.status, t.updatedAt),
    index("proposals_category_idx").on(t.categoryId),
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
    uniqueIndex("proposal_signers_one_lead_uq")
      .on(t.proposalId)
      .where(sql`role = 'lead'`),
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

export type Proposal = typeof proposals.$inferSelect;
export type NewProposal = typeof proposals.$inferInsert;
export type ProposalSigner = typeof proposalSigners.$inferSelect;
