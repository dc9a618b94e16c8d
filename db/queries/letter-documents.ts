/**
 * The letters one document request may have, with the caller's rights, for the print view, the PDF
 * and the DOCX (which all render the same LetterSheets):
 *  - a signed reply: staff who may see the proposal get one letter per proposer and co-signer (or the
 *    one `to` names); a proposer or co-signer gets only their own;
 *  - a draft version: only staff who may see drafts (the lead unit and the coordinating office).
 * The receipt QR code and link are printed while the addressee owes a receipt on the reply, on
 * letters for that member, the lead unit and the coordinating office (who send the letter), not on a
 * co-handling unit's copy.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import QRCode from "qrcode";
import type { Db } from "@/db/client";
import { receiptTokenFor } from "@/db/handling/receipt-tokens";
import { proposalSigners, proposals, receipts, replies, replyDrafts, users } from "@/db/schema";
import { canReadLetter, canSeeDrafts, type Actor } from "@/lib/authz";
import { chineseDate, isoDateInChina } from "@/lib/format";
import type { LetterSheet } from "@/lib/letter-print";
import { receiptTokenExpiry } from "@/lib/receipt-token";
import { letterForDraft, letterForReply, type LetterSource } from "./letter";
import { leadUnitOf, loadProposalParties } from "./proposals";

/** "one": a single letter (the lead proposer's unless `to` names another), as the print view shows; "all": every letter. */
export type LetterScope = "one" | "all";

export type LetterRequest = {
  source: LetterSource;
  scope: LetterScope;
  /** The addressee (a proposer or co-signer) whose letter is wanted. */
  to: number | null;
  /** Print the result class at the top right. */
  showResultClass: boolean;
  /** The origin the receipt links point to, e.g. https://tian.example.gov.cn */
  origin: string;
};

export type LetterDocuments = {
  sheets: LetterSheet[];
  /** The file name without extension, e.g. 答复函-渝高新科函〔2023〕4号-刘新荣 */
  baseName: string;
  /** Every addressee the caller may print for, to switch between them in the print view. */
  addressees: { id: number; name: string }[];
  /** The addressee printed, when there is one. */
  to: number | null;
  showResultClass: boolean;
};

export type LetterDocumentsResult = { ok: true; docs: LetterDocuments } | { ok: false; status: 403 | 404; message: string };

const notFound = (message: string): LetterDocumentsResult => ({ ok: false, status: 404, message });
const forbidden = (message: string): LetterDocumentsResult => ({ ok: false, status: 403, message });

/** The proposers and co-signers, lead first. */
async function proposersOf(db: Db, proposalId: number) {
  return (
    await db
      .select({ id: users.id, name: users.displayName, role: proposalSigners.role })
      .from(proposalSigners)
      .innerJoin(users, eq(users.id, proposalSigners.userId))
      .where(and(eq(proposalSigners.proposalId, proposalId), inArray(proposalSigners.role, ["lead", "cosigner"])))
      .orderBy(asc(proposalSigners.position), asc(users.id))
      .all()
  ).sort((a, b) => Number(b.role === "lead") - Number(a.role === "lead"));
}

/** The receipt link printed on a letter: computed, never written (the token was issued at sign-off). */
async function receiptLink(origin: string, reply: { id: number; receiptDue: string }, memberId: number) {
  const token = receiptTokenFor(reply.id, memberId, reply.receiptDue);
  const url = `${origin}/receipt/${token}`;
  return {
    url,
    qrSvg: await QRCode.toString(url, { type: "svg", margin: 0, errorCorrectionLevel: "M" }),
    qrPng: new Uint8Array(await QRCode.toBuffer(url, { type: "png", margin: 1, width: 360, errorCorrectionLevel: "M" })),
    validUntil: chineseDate(isoDateInChina(receiptTokenExpiry(reply.receiptDue))),
  };
}

type ReplyRow = { id: number; docNumber: string; receiptDue: string };

/** One addressee's letter of a signed reply; the receipt link is printed while the sender's addressee owes a receipt. */
async function replySheet(
  db: Db,
  reply: ReplyRow,
  addresseeId: number,
  options: { showResultClass: boolean; sendsLetter: boolean; origin: string },
): Promise<LetterSheet | null> {
  const letter = await letterForReply(db, reply.id, addresseeId, { showResultClass: options.showResultClass });
  if (!letter) return null;
  const returned = await db
    .select({ id: receipts.id })
    .from(receipts)
    .where(and(eq(receipts.replyId, reply.id), eq(receipts.memberId, addresseeId)))
    .get();
  // Every reply waits for each addressee's receipt until it is returned, whatever round the proposal is in now.
  const receipt = options.sendsLetter && !returned ? await receiptLink(options.origin, reply, addresseeId) : null;
  return { letter, docNumber: reply.docNumber, draft: false, receipt };
}

/**
 * The letters a reply is issued as, when it is signed (电子签章, docs/decisions/015): one per proposer and co-signer
 * as the lead unit sends it (with the receipt link), under the names the downloads use.
 */
export async function issuedReplyLetters(db: Db, replyId: number, origin: string) {
  const reply = await db
    .select({
      id: replies.id,
      proposalId: replies.proposalId,
      unitId: replies.unitId,
      docNumber: replies.docNumber,
      receiptDue: replies.receiptDue,
    })
    .from(replies)
    .where(eq(replies.id, replyId))
    .get();
  if (!reply) return null;
  const letters: { addressee: { id: number; name: string }; sheet: LetterSheet; baseName: string }[] = [];
  for (const addressee of await proposersOf(db, reply.proposalId)) {
    const sheet = await replySheet(db, reply, addressee.id, { showResultClass: false, sendsLetter: true, origin });
    if (sheet) letters.push({ addressee, sheet, baseName: `答复函-${reply.docNumber}-${addressee.name}` });
  }
  return { reply, letters, allBaseName: `答复函-${reply.docNumber}` };
}

async function replyDocuments(db: Db, actor: Actor, replyId: number, request: LetterRequest): Promise<LetterDocumentsResult> {
  const { showResultClass } = request;
  const reply = await db
    .select({ id: replies.id, proposalId: replies.proposalId, docNumber: replies.docNumber, receiptDue: replies.receiptDue })
    .from(replies)
    .where(eq(replies.id, replyId))
    .get();
  const parties = reply ? await loadProposalParties(db, reply.proposalId) : null;
  if (!reply || !parties) return notFound("答复函不存在");
  if (!canReadLetter(actor, parties, await leadUnitOf(db, reply.proposalId), true)) return forbidden("无权查看此答复函");
  const everyone = await proposersOf(db, reply.proposalId);
  const allowed = actor.role === "member" ? everyone.filter((p) => p.id === actor.id) : everyone;
  const to = actor.role === "member" ? actor.id : request.to;
  const chosen = to !== null ? allowed.filter((p) => p.id === to) : request.scope === "one" ? allowed.slice(0, 1) : allowed;
  if (chosen.length === 0) return notFound("答复函不存在");
  const sendsLetter = actor.role === "member" || canSeeDrafts(actor, await leadUnitOf(db, reply.proposalId));
  const sheets: LetterSheet[] = [];
  for (const addressee of chosen) {
    const sheet = await replySheet(db, reply, addressee.id, { showResultClass, sendsLetter, origin: request.origin });
    if (!sheet) return notFound("答复函不存在");
    sheets.push(sheet);
  }
  const only = chosen.length === 1 ? chosen[0]! : null;
  return {
    ok: true,
    docs: {
      sheets,
      baseName: `答复函-${reply.docNumber}${only ? `-${only.name}` : ""}`,
      addressees: allowed.map(({ id, name }) => ({ id, name })),
      to: only?.id ?? null,
      showResultClass,
    },
  };
}

async function draftDocuments(db: Db, actor: Actor, draftId: number, request: LetterRequest): Promise<LetterDocumentsResult> {
  const { showResultClass } = request;
  const draft = await db
    .select({ proposalId: replyDrafts.proposalId, version: replyDrafts.version, round: replyDrafts.round, number: proposals.number })
    .from(replyDrafts)
    .innerJoin(proposals, eq(proposals.id, replyDrafts.proposalId))
    .where(eq(replyDrafts.id, draftId))
    .get();
  const parties = draft ? await loadProposalParties(db, draft.proposalId) : null;
  if (!draft || !parties) return notFound("答复函稿不存在");
  if (!canReadLetter(actor, parties, await leadUnitOf(db, draft.proposalId), false)) return forbidden("无权查看此答复函稿");
  const letter = await letterForDraft(db, draftId, { showResultClass });
  if (!letter) return notFound("答复函稿不存在");
  const round = draft.round > 1 ? `第${draft.round}轮` : "";
  return {
    ok: true,
    docs: {
      sheets: [{ letter, docNumber: null, draft: true, receipt: null }],
      baseName: `答复函稿-第${draft.number}号-${round}第${draft.version}稿`,
      addressees: [],
      to: null,
      showResultClass,
    },
  };
}

/** The letters `request` asks for, as `actor` may have them. */
export async function letterDocuments(db: Db, actor: Actor, request: LetterRequest): Promise<LetterDocumentsResult> {
  const { source } = request;
  const id = source.kind === "reply" ? source.replyId : source.draftId;
  if (!Number.isSafeInteger(id) || id <= 0) return notFound("答复函不存在");
  return source.kind === "reply" ? await replyDocuments(db, actor, id, request) : await draftDocuments(db, actor, id, request);
}
