/** PostgreSQL mirror of db/schema/replies.ts (what each table and column means is written there). */
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import {
  CONTACT_REPORTS,
  DISCLOSURE_MODES,
  PUBLICATION_STATES,
  REPLY_FILE_KINDS,
  RESULT_CLASSES,
  SATISFACTION,
  SIGN_OFF_DECISIONS,
  SIGNER_ROLES,
} from "@/lib/domain";
import { calendarDate, createdAt, id, instant } from "./columns";
import { units, users } from "./org";
import { proposals } from "./proposals";

export const replyDrafts = pgTable(
  "reply_drafts",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    round: integer("round").notNull().default(1),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    resultClass: text("result_class", { enum: RESULT_CLASSES }).notNull(),
    contactPerson: text("contact_person").notNull(),
    contactPhone: text("contact_phone").notNull(),
    disclosure: text("disclosure", { enum: DISCLOSURE_MODES }).notNull().default("full"),
    disclosureSummary: text("disclosure_summary"),
    disclosureReason: text("disclosure_reason"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("reply_drafts_version_uq").on(t.proposalId, t.round, t.version)],
);

export const signOffs = pgTable(
  "sign_offs",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    draftId: integer("draft_id")
      .notNull()
      .references(() => replyDrafts.id),
    decision: text("decision", { enum: SIGN_OFF_DECISIONS }).notNull(),
    comment: text("comment"),
    signerId: integer("signer_id")
      .notNull()
      .references(() => users.id),
    signerName: text("signer_name").notNull(),
    signerTitle: text("signer_title"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sign_offs_draft_uq").on(t.draftId), index("sign_offs_proposal_idx").on(t.proposalId)],
);

export const leaderReviews = pgTable(
  "leader_reviews",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    draftId: integer("draft_id")
      .notNull()
      .references(() => replyDrafts.id),
    decision: text("decision", { enum: SIGN_OFF_DECISIONS }).notNull(),
    comment: text("comment"),
    leaderId: integer("leader_id")
      .notNull()
      .references(() => users.id),
    leaderName: text("leader_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("leader_reviews_draft_uq").on(t.draftId), index("leader_reviews_proposal_idx").on(t.proposalId)],
);

export const replies = pgTable(
  "replies",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    draftId: integer("draft_id")
      .notNull()
      .references(() => replyDrafts.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    docYear: integer("doc_year").notNull(),
    docSerial: integer("doc_serial").notNull(),
    docNumber: text("doc_number").notNull(),
    writtenOn: calendarDate("written_on").notNull(),
    signOffId: integer("sign_off_id")
      .notNull()
      .references(() => signOffs.id),
    replyDue: calendarDate("reply_due"),
    receiptDue: calendarDate("receipt_due").notNull(),
    publicationDue: calendarDate("publication_due").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("replies_doc_number_uq").on(t.unitId, t.docYear, t.docSerial),
    uniqueIndex("replies_proposal_round_uq").on(t.proposalId, t.round),
    uniqueIndex("replies_draft_uq").on(t.draftId),
    index("replies_unit_idx").on(t.unitId),
  ],
);

export const publications = pgTable(
  "publications",
  {
    id: id(),
    replyId: integer("reply_id")
      .notNull()
      .references(() => replies.id, { onDelete: "cascade" }),
    status: text("status", { enum: PUBLICATION_STATES }).notNull(),
    mode: text("mode", { enum: DISCLOSURE_MODES }).notNull(),
    publisherUnitId: integer("publisher_unit_id")
      .notNull()
      .references(() => units.id),
    indexYear: integer("index_year"),
    indexSerial: integer("index_serial"),
    indexNumber: text("index_number"),
    topic: text("topic").notNull(),
    genre: text("genre").notNull(),
    publisherName: text("publisher_name").notNull(),
    validity: text("validity").notNull().default(""),
    writtenOn: calendarDate("written_on").notNull(),
    publishedOn: calendarDate("published_on"),
    summary: text("summary"),
    withheldReason: text("withheld_reason"),
    withdrawnAt: instant("withdrawn_at"),
    withdrawnReason: text("withdrawn_reason"),
    decidedBy: integer("decided_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("publications_reply_uq").on(t.replyId),
    uniqueIndex("publications_index_number_uq").on(t.publisherUnitId, t.indexYear, t.indexSerial),
    index("publications_public_idx").on(t.status, t.publishedOn, t.id, t.indexYear, t.publisherUnitId, t.topic, t.genre),
    index("publications_public_year_idx").on(t.status, t.indexYear, t.publishedOn, t.id, t.publisherUnitId, t.topic, t.genre),
    index("publications_public_unit_idx").on(t.status, t.publisherUnitId, t.publishedOn, t.id, t.indexYear, t.topic, t.genre),
    index("publications_public_topic_idx").on(t.status, t.topic, t.publishedOn, t.id, t.indexYear, t.publisherUnitId, t.genre),
    index("publications_public_genre_idx").on(t.status, t.genre, t.publishedOn, t.id, t.indexYear, t.publisherUnitId, t.topic),
  ],
);

/** Written only by the triggers of the custom migration, as on SQLite. */
export const pendingPublications = pgTable(
  "pending_publications",
  {
    replyId: integer("reply_id")
      .primaryKey()
      .references(() => replies.id, { onDelete: "cascade" }),
    publicationDue: calendarDate("publication_due").notNull(),
  },
  (t) => [index("pending_publications_due_idx").on(t.publicationDue)],
);

/** Written only by the triggers of the custom migration (0012), as on SQLite. */
export const owedReceipts = pgTable(
  "owed_receipts",
  {
    replyId: integer("reply_id")
      .notNull()
      .references(() => replies.id, { onDelete: "cascade" }),
    memberId: integer("member_id")
      .notNull()
      .references(() => users.id),
    proposalId: integer("proposal_id").notNull(),
    receiptDue: calendarDate("receipt_due").notNull(),
    position: integer("position").notNull(),
    role: text("role", { enum: SIGNER_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.replyId, t.memberId] }),
    index("owed_receipts_due_idx").on(t.receiptDue, t.proposalId, t.replyId, t.position),
    index("owed_receipts_proposal_idx").on(t.proposalId),
  ],
);

/** Immutable once submitted, as on SQLite: a trigger of the custom migration refuses UPDATE. */
export const receipts = pgTable(
  "receipts",
  {
    id: id(),
    replyId: integer("reply_id")
      .notNull()
      .references(() => replies.id, { onDelete: "cascade" }),
    memberId: integer("member_id")
      .notNull()
      .references(() => users.id),
    contactReport: text("contact_report", { enum: CONTACT_REPORTS }).notNull(),
    attitude: text("attitude", { enum: SATISFACTION }).notNull(),
    result: text("result", { enum: SATISFACTION }).notNull(),
    opinion: text("opinion"),
    onPaper: boolean("on_paper").notNull().default(false),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    submittedAt: createdAt(),
  },
  (t) => [uniqueIndex("receipts_reply_member_uq").on(t.replyId, t.memberId), index("receipts_member_idx").on(t.memberId)],
);

export const receiptTokens = pgTable(
  "receipt_tokens",
  {
    id: id(),
    replyId: integer("reply_id")
      .notNull()
      .references(() => replies.id, { onDelete: "cascade" }),
    memberId: integer("member_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("receipt_tokens_hash_uq").on(t.tokenHash), uniqueIndex("receipt_tokens_reply_member_uq").on(t.replyId, t.memberId)],
);

export const replyFiles = pgTable(
  "reply_files",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    kind: text("kind", { enum: REPLY_FILE_KINDS }).notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    storagePath: text("storage_path").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    replacedAt: instant("replaced_at"),
  },
  (t) => [
    index("reply_files_round_idx").on(t.proposalId, t.round, t.kind),
    uniqueIndex("reply_files_one_sealed_uq").on(t.proposalId, t.round).where(sql`kind = 'sealed' and replaced_at is null`),
  ],
);

export const publicSiteVersion = pgTable("public_site_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});
