/**
 * The signed link to the feedback receipt printed on a reply letter (QR code and short link):
 * `/receipt/{token}`. The token names one reply (so one reply round) and one proposer or co-signer,
 * carries its expiry, and is signed with HMAC-SHA256 so that none of that can be changed. It is
 * deterministic: printing the same letter twice gives the same token, so every printed copy stays
 * valid until one of them is used. Single use is recorded in the database (receipt_tokens.used_at),
 * which stores only the token's SHA-256. Pure.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** How long after the receipt deadline the printed link still opens the form. */
export const RECEIPT_LINK_GRACE_DAYS = 30;

const DAY_MS = 86_400_000;
/** Domain separation from the other uses of the same secret (session cookies). */
const CONTEXT = "receipt-token/v1:";
/** 132 bits of the MAC, in base64url. */
const MAC_LENGTH = 22;
const BASE36 = /^[0-9a-z]{1,12}$/;

export type ReceiptClaims = { replyId: number; memberId: number; expiresAt: Date };

/** The end (23:59:59 China time) of the day RECEIPT_LINK_GRACE_DAYS after the receipt deadline. */
export function receiptTokenExpiry(receiptDue: string): Date {
  return new Date(Date.parse(`${receiptDue}T23:59:59+08:00`) + RECEIPT_LINK_GRACE_DAYS * DAY_MS);
}

function mac(payload: string, secret: string): string {
  return createHmac("sha256", secret)
    .update(CONTEXT + payload)
    .digest("base64url")
    .slice(0, MAC_LENGTH);
}

function requireSecret(secret: string) {
  if (secret.length < 16) throw new Error("the receipt token secret must be at least 16 characters");
}

/** `{replyId}.{memberId}.{expiry seconds}.{mac}`, the numbers in base 36. */
export function signReceiptToken(claims: ReceiptClaims, secret: string): string {
  requireSecret(secret);
  const seconds = Math.floor(claims.expiresAt.getTime() / 1000);
  const payload = [claims.replyId, claims.memberId, seconds].map((n) => n.toString(36)).join(".");
  return `${payload}.${mac(payload, secret)}`;
}

/** The claims of a token this secret signed; null for anything else (altered, truncated, made up). */
export function readReceiptToken(token: string, secret: string): ReceiptClaims | null {
  requireSecret(secret);
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [reply, member, seconds, signature] = parts as [string, string, string, string];
  if (![reply, member, seconds].every((part) => BASE36.test(part))) return null;
  const expected = Buffer.from(mac(`${reply}.${member}.${seconds}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const replyId = parseInt(reply, 36);
  const memberId = parseInt(member, 36);
  if (!Number.isSafeInteger(replyId) || !Number.isSafeInteger(memberId) || replyId <= 0 || memberId <= 0) return null;
  return { replyId, memberId, expiresAt: new Date(parseInt(seconds, 36) * 1000) };
}

/** What the database keeps of a token: its SHA-256 in hex. */
export function receiptTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What the database says about a token whose signature is good. */
export type ReceiptTokenRecord = {
  /** The issued token row with this hash, or null if none was issued (or it was reissued since). */
  issued: { usedAt: Date | null } | null;
  /** The member has already returned a receipt on this reply (online, on paper, or through the link). */
  receiptReturned: boolean;
};

export type ReceiptTokenRefusal = "invalid" | "expired" | "used";

export type ReceiptTokenCheck = { ok: true; claims: ReceiptClaims } | { ok: false; refusal: ReceiptTokenRefusal };

/**
 * Whether a token opens the receipt form now: refused when altered or never issued (invalid), past
 * its expiry (expired), or already used or the receipt already returned (used). Until then it stays
 * open for its reply whatever the other proposers answered and whatever round the proposal is in now.
 */
export function checkReceiptToken(
  token: string,
  secret: string,
  now: Date,
  record: (claims: ReceiptClaims) => ReceiptTokenRecord,
): ReceiptTokenCheck {
  const claims = readReceiptToken(token, secret);
  if (!claims) return { ok: false, refusal: "invalid" };
  const found = record(claims);
  if (!found.issued) return { ok: false, refusal: "invalid" };
  if (found.issued.usedAt || found.receiptReturned) return { ok: false, refusal: "used" };
  if (now.getTime() > claims.expiresAt.getTime()) return { ok: false, refusal: "expired" };
  return { ok: true, claims };
}

/** The page shown for a refused link: a heading and what the member can do instead. */
export const RECEIPT_TOKEN_REFUSALS: Record<ReceiptTokenRefusal, { title: string; detail: string }> = {
  invalid: {
    title: "回执链接无效",
    detail: "此链接不完整或已被改动。请核对答复函上的链接，或扫描答复函上的二维码重新打开；也可以登录系统，在“我的提案”中提交回执。",
  },
  expired: {
    title: "回执链接已过期",
    detail: "此链接已超过有效期。请登录系统，在“我的提案”中提交回执，或与承办单位联系人联系。",
  },
  used: {
    title: "回执已提交",
    detail: "此答复的回执已经提交，每轮答复只能提交一次，链接不能再次使用。如需补充意见，请与承办单位联系人联系。",
  },
};
