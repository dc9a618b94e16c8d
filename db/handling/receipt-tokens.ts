/**
 * The receipt links printed on reply letters (lib/receipt-token.ts): issuing one per reply and
 * proposer or co-signer, checking one, and using one to submit that member's receipt through the
 * workflow. The token itself is never stored, only its SHA-256.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { PROPOSER_WORD } from "@/lib/domain";
import { proposalLabel, sessionTitle } from "@/lib/format";
import {
  checkReceiptToken,
  readReceiptToken,
  receiptTokenExpiry,
  receiptTokenHash,
  signReceiptToken,
  type ReceiptClaims,
  type ReceiptTokenRecord,
  type ReceiptTokenRefusal,
} from "@/lib/receipt-token";
import type { ReceiptAnswers } from "@/lib/validation/receipt";
import type { Db } from "../client";
import { proposalSigners, proposals, receiptTokens, receipts, replies, sessions, users } from "../schema";
import { submitReceipt, type ReceiptOutcome } from "./receipt";
import { now as clockNow } from "../clock";

/** The key that signs receipt tokens: AUTH_SECRET, which the start script always sets. */
export function receiptTokenSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: receipt links cannot be signed");
  return secret;
}

/** Where tokens are written: the database or a transaction of it. */
type Writer = Pick<Db, "select" | "insert">;

/**
 * The token printed on `memberId`'s letter of reply `replyId`: the same every time it is asked for, so a
 * letter can be rendered (a GET) without writing. It is only valid once issued (`issueReceiptTokens`).
 */
export function receiptTokenFor(replyId: number, memberId: number, receiptDue: string): string {
  return signReceiptToken({ replyId, memberId, expiresAt: receiptTokenExpiry(receiptDue) }, receiptTokenSecret());
}

/**
 * Records the token for `memberId`'s receipt on reply `replyId` (as its hash) so that it can be used
 * once. Issuing again gives the same token and keeps whether it was used. Throws when the member is
 * not a proposer or co-signer of the reply's proposal.
 */
export async function issueReceiptToken(db: Writer, replyId: number, memberId: number, now: Date = clockNow()): Promise<string> {
  const reply = await db
    .select({ receiptDue: replies.receiptDue, proposalId: replies.proposalId })
    .from(replies)
    .where(eq(replies.id, replyId))
    .get();
  if (!reply) throw new Error(`no reply ${replyId}`);
  const signer = await db
    .select({ userId: proposalSigners.userId })
    .from(proposalSigners)
    .where(
      and(
        eq(proposalSigners.proposalId, reply.proposalId),
        eq(proposalSigners.userId, memberId),
        inArray(proposalSigners.role, ["lead", "cosigner"]),
      ),
    )
    .get();
  if (!signer) throw new Error(`user ${memberId} is not a proposer of reply ${replyId}`);
  await recordTokens(db, [{ replyId, memberId, receiptDue: reply.receiptDue }], now);
  return receiptTokenFor(replyId, memberId, reply.receiptDue);
}

/**
 * Issues the receipt tokens of a reply just signed, one for each of its proposal's proposers and co-signers (the
 * workflow's facts name them): in the sign-off's transaction, in one statement.
 */
export async function issueReceiptTokens(
  db: Writer,
  reply: { id: number; receiptDue: string },
  memberIds: readonly number[],
  now: Date = clockNow(),
): Promise<void> {
  await recordTokens(
    db,
    memberIds.map((memberId) => ({ replyId: reply.id, memberId, receiptDue: reply.receiptDue })),
    now,
  );
}

/** Rows a statement inserts at most (SQLite binds at most 32,766 values; five a row). */
const TOKENS_PER_STATEMENT = 1000;

/** Records the tokens' hashes; a token issued before keeps whether it was used. */
async function recordTokens(db: Writer, issued: { replyId: number; memberId: number; receiptDue: string }[], now: Date): Promise<void> {
  const excluded = (column: { name: string }) => sql`excluded.${sql.identifier(column.name)}`;
  for (let i = 0; i < issued.length; i += TOKENS_PER_STATEMENT) {
    const rows = issued.slice(i, i + TOKENS_PER_STATEMENT).map(({ replyId, memberId, receiptDue }) => ({
      replyId,
      memberId,
      tokenHash: receiptTokenHash(receiptTokenFor(replyId, memberId, receiptDue)),
      expiresAt: receiptTokenExpiry(receiptDue),
      createdAt: now,
    }));
    await db
      .insert(receiptTokens)
      .values(rows)
      .onConflictDoUpdate({
        target: [receiptTokens.replyId, receiptTokens.memberId],
        set: { tokenHash: excluded(receiptTokens.tokenHash), expiresAt: excluded(receiptTokens.expiresAt) },
      })
      .run();
  }
}

/**
 * Issues the tokens that replies signed before tokens were issued at sign-off lack (and the demo's,
 * written directly): run on start, so that no page has to write one when it prints a letter.
 */
export async function issueMissingReceiptTokens(db: Db, now: Date = clockNow()): Promise<number> {
  const missing = await db
    .select({ replyId: replies.id, memberId: proposalSigners.userId, receiptDue: replies.receiptDue })
    .from(replies)
    .innerJoin(
      proposalSigners,
      and(eq(proposalSigners.proposalId, replies.proposalId), inArray(proposalSigners.role, ["lead", "cosigner"])),
    )
    .leftJoin(receiptTokens, and(eq(receiptTokens.replyId, replies.id), eq(receiptTokens.memberId, proposalSigners.userId)))
    .where(isNull(receiptTokens.replyId))
    .orderBy(asc(replies.id), asc(proposalSigners.userId))
    .all();
  await db.transaction((tx) => recordTokens(tx, missing, now));
  return missing.length;
}

async function tokenRecord(db: Db, token: string, claims: ReceiptClaims): Promise<ReceiptTokenRecord> {
  const issued =
    (await db
      .select({ usedAt: receiptTokens.usedAt })
      .from(receiptTokens)
      .where(
        and(
          eq(receiptTokens.tokenHash, receiptTokenHash(token)),
          eq(receiptTokens.replyId, claims.replyId),
          eq(receiptTokens.memberId, claims.memberId),
        ),
      )
      .get()) ?? null;
  const returned = await db
    .select({ id: receipts.id })
    .from(receipts)
    .where(and(eq(receipts.replyId, claims.replyId), eq(receipts.memberId, claims.memberId)))
    .get();
  return { issued, receiptReturned: returned !== undefined };
}

/** What the receipt page shows about the reply a valid token is for. */
export type ReceiptLinkContext = {
  claims: ReceiptClaims;
  proposalId: number;
  proposalTitle: string;
  /** 政协…第二次会议 第180号提案 */
  proposalLabel: string;
  docNumber: string;
  /** The reply's round: the link answers that round's letter. */
  round: number;
  receiptDue: string;
  /** The member, and how the letter addresses them (刘新荣委员). */
  member: { id: number; name: string; addressedAs: string };
};

export type ReceiptLinkCheck = { ok: true; context: ReceiptLinkContext } | { ok: false; refusal: ReceiptTokenRefusal };

/** Checks a token from a receipt link without using it. A disabled member's link is invalid. */
export async function checkReceiptLink(db: Db, token: string, now: Date = clockNow()): Promise<ReceiptLinkCheck> {
  // The token's record is read before the check, which is pure and synchronous (lib/receipt-token.ts);
  // it asks for the record only of a token that reads as genuine.
  const genuine = readReceiptToken(token, receiptTokenSecret());
  const found = genuine && (await tokenRecord(db, token, genuine));
  const check = checkReceiptToken(token, receiptTokenSecret(), now, () => found as ReceiptTokenRecord);
  if (!check.ok) return check;
  const { claims } = check;
  const row = await db
    .select({
      proposalId: proposals.id,
      title: proposals.title,
      number: proposals.number,
      session: sessions,
      docNumber: replies.docNumber,
      round: replies.round,
      receiptDue: replies.receiptDue,
    })
    .from(replies)
    .innerJoin(proposals, eq(proposals.id, replies.proposalId))
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(eq(replies.id, claims.replyId))
    .get();
  const member = await db
    .select({ id: users.id, name: users.displayName, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, claims.memberId))
    .get();
  if (!row || !member || member.disabled || member.role !== "member") return { ok: false, refusal: "invalid" };
  return {
    ok: true,
    context: {
      claims,
      proposalId: row.proposalId,
      proposalTitle: row.title,
      proposalLabel: `${sessionTitle(row.session)} ${proposalLabel(row.number, row.session.kind)}`,
      docNumber: row.docNumber,
      round: row.round,
      receiptDue: row.receiptDue,
      member: { id: member.id, name: member.name, addressedAs: `${member.name}${PROPOSER_WORD[row.session.kind]}` },
    },
  };
}

export type ReceiptLinkSubmission =
  | { ok: true; data: ReceiptOutcome }
  | { ok: false; refusal: ReceiptTokenRefusal }
  | { ok: false; reason: string };

/**
 * Submits the receipt of the member the token is bound to, for the token's reply, as that member
 * (the workflow decides as for a signed-in member). The token is marked used first, atomically, so
 * two submissions at once cannot both pass; it is released again when the workflow refuses.
 */
export async function consumeReceiptToken(
  db: Db,
  token: string,
  answers: Omit<ReceiptAnswers, "replyId">,
  now: Date = clockNow(),
): Promise<ReceiptLinkSubmission> {
  const check = await checkReceiptLink(db, token, now);
  if (!check.ok) return check;
  const { claims, proposalId } = check.context;
  const tokenHash = receiptTokenHash(token);
  const claimed = await db
    .update(receiptTokens)
    .set({ usedAt: now })
    .where(and(eq(receiptTokens.tokenHash, tokenHash), isNull(receiptTokens.usedAt)))
    .returning({ tokenHash: receiptTokens.tokenHash });
  if (claimed.length !== 1) return { ok: false, refusal: "used" };
  const result = await submitReceipt(db, { id: claims.memberId, role: "member", unitId: null }, proposalId, {
    ...answers,
    replyId: claims.replyId,
  });
  if (!result.ok) await db.update(receiptTokens).set({ usedAt: null }).where(eq(receiptTokens.tokenHash, tokenHash)).run();
  return result;
}
