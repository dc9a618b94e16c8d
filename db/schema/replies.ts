import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
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

/** 答复函稿: every save of the reply draft is a new version; versions are never edited. */
export const replyDrafts = sqliteTable(
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
    /** Published instead of the body when disclosure is 摘要公开. */
    disclosureSummary: text("disclosure_summary"),
    /** Required when disclosure is 不予公开, e.g. 涉及个人隐私. */
    disclosureReason: text("disclosure_reason"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("reply_drafts_version_uq").on(t.proposalId, t.round, t.version)],
);

/** 审签: the director's decision on one draft version. */
export const signOffs = sqliteTable(
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
    /** Name and title as printed, kept even if the user record changes later. */
    signerName: text("signer_name").notNull(),
    signerTitle: text("signer_title"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sign_offs_draft_uq").on(t.draftId), index("sign_offs_proposal_idx").on(t.proposalId)],
);

/** 分管领导审核: the unit's 分管领导 passes a draft on to the director, or returns it; at most once per draft. */
export const leaderReviews = sqliteTable(
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

/** 答复函: the approved draft with its 发文字号 (prefix〔year〕serial号, serial per unit per year). */
export const replies = sqliteTable(
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
    /** 成文日期 = sign-off date */
    writtenOn: calendarDate("written_on").notNull(),
    signOffId: integer("sign_off_id")
      .notNull()
      .references(() => signOffs.id),
    /** The reply deadline in force when it was signed (with any extension), for 按时办复 figures. */
    replyDue: calendarDate("reply_due"),
    /** The proposer must return the receipt by this date. */
    receiptDue: calendarDate("receipt_due").notNull(),
    /** Publication must follow by this date. */
    publicationDue: calendarDate("publication_due").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("replies_doc_number_uq").on(t.unitId, t.docYear, t.docSerial),
    uniqueIndex("replies_proposal_round_uq").on(t.proposalId, t.round),
    uniqueIndex("replies_draft_uq").on(t.draftId),
    /** A unit's letters, newest first (the director's 近期签发). */
    index("replies_unit_idx").on(t.unitId),
  ],
);

/** 公开: the reply on the open-information site, or the decision not to publish it. */
export const publications = sqliteTable(
  "publications",
  {
    id: id(),
    replyId: integer("reply_id")
      .notNull()
      .references(() => replies.id, { onDelete: "cascade" }),
    status: text("status", { enum: PUBLICATION_STATES }).notNull(),
    mode: text("mode", { enum: DISCLOSURE_MODES }).notNull(),
    /** 发布机构 unit whose index prefix is used */
    publisherUnitId: integer("publisher_unit_id")
      .notNull()
      .references(() => units.id),
    /** 索引号 parts: prefix/year-serial (five digits); null while withheld. */
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
    // The public list, newest first, with each filter (year, publisher, topic, genre = kind) leading one
    // index; every index holds all the filter columns, so a page's ids and the count come from the
    // index alone, and a deep page skips index entries rather than joined rows.
    index("publications_public_idx").on(t.status, t.publishedOn, t.id, t.indexYear, t.publisherUnitId, t.topic, t.genre),
    index("publications_public_year_idx").on(t.status, t.indexYear, t.publishedOn, t.id, t.publisherUnitId, t.topic, t.genre),
    index("publications_public_unit_idx").on(t.status, t.publisherUnitId, t.publishedOn, t.id, t.indexYear, t.topic, t.genre),
    index("publications_public_topic_idx").on(t.status, t.topic, t.publishedOn, t.id, t.indexYear, t.publisherUnitId, t.genre),
    index("publications_public_genre_idx").on(t.status, t.genre, t.publishedOn, t.id, t.indexYear, t.publisherUnitId, t.topic),
  ],
);

/**
 * Replies still waiting for the decision to publish them or not (no publications row yet), with the day
 * it is due: what the 督办 board's 公开 column lists, without looking at every reply. Written only by
 * triggers (migration 0006): a reply enters when it is written and leaves when its publication is.
 */
export const pendingPublications = sqliteTable(
  "pending_publications",
  {
    replyId: integer("reply_id")
      .primaryKey()
      .references(() => replies.id, { onDelete: "cascade" }),
    publicationDue: calendarDate("publication_due").notNull(),
  },
  (t) => [index("pending_publications_due_idx").on(t.publicationDue)],
);

/**
 * The receipts still owed: each proposer or co-signer who has not returned the receipt of a reply, while its proposal
 * is not closed (an earlier round's reply waits for its own receipts too), with the day it is due. What the
 * coordinator's 超期未回执 lists, from its due date on, without walking every open proposal's replies and signers.
 * Written only by triggers (migration 0024), which rebuild a proposal's rows from the view owed_receipts_source
 * whenever one of its replies, signers, receipts or its state changes.
 */
export const owedReceipts = sqliteTable(
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
    /** The signer's position on the proposal, for the list's order. */
    position: integer("position").notNull(),
    /** 领衔 or 联名, as on the proposal. */
    role: text("role", { enum: SIGNER_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.replyId, t.memberId] }),
    /** The list's order, longest overdue first; its count is a range of this index. */
    index("owed_receipts_due_idx").on(t.receiptDue, t.proposalId, t.replyId, t.position),
    index("owed_receipts_proposal_idx").on(t.proposalId),
  ],
);

/** 回执 (办理情况征询意见表): one per reply round and proposer or co-signer; immutable once submitted. */
export const receipts = sqliteTable(
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
    /** A paper receipt recorded by the coordinator on the member's behalf. */
    onPaper: integer("on_paper", { mode: "boolean" }).notNull().default(false),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    submittedAt: createdAt(),
  },
  (t) => [uniqueIndex("receipts_reply_member_uq").on(t.replyId, t.memberId), index("receipts_member_idx").on(t.memberId)],
);

/** Signed single-use links to the receipt form, printed on the letter as a QR code. */
export const receiptTokens = sqliteTable(
  "receipt_tokens",
  {
    id: id(),
    replyId: integer("reply_id")
      .notNull()
      .references(() => replies.id, { onDelete: "cascade" }),
    memberId: integer("member_id")
      .notNull()
      .references(() => users.id),
    /** SHA-256 of the token; the token itself is only ever on the letter. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("receipt_tokens_hash_uq").on(t.tokenHash), uniqueIndex("receipt_tokens_reply_member_uq").on(t.replyId, t.memberId)],
);

/**
 * Files of one round's reply, stored like a proposal's attachments (outside public/, served as downloads):
 * 答复附件 the lead unit attaches while drafting (办理方案, data, photos), and the scan of the sealed
 * letter (盖章件, a PDF) uploaded after sign-off. A replaced scan keeps its row and file, marked
 * `replacedAt`: at most one current scan per round.
 */
export const replyFiles = sqliteTable(
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
    size: integer("size").notNull(),
    /** Path relative to the attachments directory; never under public/. */
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

/**
 * 公开版本: one row whose version moves with every change to publications (发布, 撤回公开, 不予公开, a new
 * round), by triggers (migration 0018). Every app instance polls it to forget the public pages it keeps,
 * whichever instance (or script) made the change (issue 21).
 */
export const publicSiteVersion = sqliteTable("public_site_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});

export type ReplyDraft = typeof replyDrafts.$inferSelect;
export type SignOff = typeof signOffs.$inferSelect;
export type Reply = typeof replies.$inferSelect;
export type Publication = typeof publications.$inferSelect;
export type Receipt = typeof receipts.$inferSelect;
export type ReplyFile = typeof replyFiles.$inferSelect;
