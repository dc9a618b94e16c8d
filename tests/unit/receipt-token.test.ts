import { describe, expect, it } from "vitest";
import {
  checkReceiptToken,
  readReceiptToken,
  receiptTokenExpiry,
  receiptTokenHash,
  signReceiptToken,
  type ReceiptTokenRecord,
} from "@/lib/receipt-token";

const SECRET = "unit-test-secret-0123456789abcdef";
const CLAIMS = { replyId: 41, memberId: 7, expiresAt: receiptTokenExpiry("2023-06-15") };
const TOKEN = signReceiptToken(CLAIMS, SECRET);
const BEFORE_EXPIRY = new Date("2023-07-01T00:00:00+08:00");

/** The database as it is for a freshly issued token whose reply waits for receipts. */
const fresh: ReceiptTokenRecord = { issued: { usedAt: null }, receiptReturned: false };
const check = (token: string, record: Partial<ReceiptTokenRecord> = {}, now = BEFORE_EXPIRY) =>
  checkReceiptToken(token, SECRET, now, () => ({ ...fresh, ...record }));

/** The token with one character of its part `index` changed. */
function alter(token: string, index: number): string {
  const parts = token.split(".");
  const part = parts[index]!;
  const last = part.at(-1)!;
  parts[index] = part.slice(0, -1) + (last === "a" ? "b" : "a");
  return parts.join(".");
}

describe("receipt token", () => {
  it("expires 30 days after the receipt deadline, at the end of that day in China", () => {
    expect(CLAIMS.expiresAt.toISOString()).toBe("2023-07-15T15:59:59.000Z");
  });

  it("reads back the reply, the member and the expiry it was signed with", () => {
    expect(readReceiptToken(TOKEN, SECRET)).toEqual(CLAIMS);
    expect(check(TOKEN)).toEqual({ ok: true, claims: CLAIMS });
  });

  it("is the same every time it is issued, so every printed copy stays valid", () => {
    expect(signReceiptToken(CLAIMS, SECRET)).toBe(TOKEN);
    expect(receiptTokenHash(TOKEN)).toMatch(/^[0-9a-f]{64}$/);
    expect(receiptTokenHash(TOKEN)).not.toContain(TOKEN);
  });

  it("is short enough to print as a link", () => {
    expect(TOKEN.length).toBeLessThanOrEqual(40);
    expect(TOKEN).toMatch(/^[0-9a-z]+\.[0-9a-z]+\.[0-9a-z]+\.[\w-]{22}$/);
  });

  it("is refused when any part of it was altered", () => {
    for (const index of [0, 1, 2, 3]) {
      const altered = alter(TOKEN, index);
      expect(altered).not.toBe(TOKEN);
      expect(check(altered)).toEqual({ ok: false, refusal: "invalid" });
    }
  });

  it("is refused when moved to another member or another reply round, even with a valid-looking number", () => {
    const [, member, expiry, mac] = TOKEN.split(".");
    expect(check([(42).toString(36), member, expiry, mac].join("."))).toEqual({ ok: false, refusal: "invalid" });
    const [reply] = TOKEN.split(".");
    expect(check([reply, (8).toString(36), expiry, mac].join("."))).toEqual({ ok: false, refusal: "invalid" });
  });

  it("is refused when signed with another secret, truncated or padded", () => {
    expect(check(signReceiptToken(CLAIMS, "another-secret-0123456789abcdef"))).toEqual({ ok: false, refusal: "invalid" });
    expect(check(TOKEN.slice(0, -1))).toEqual({ ok: false, refusal: "invalid" });
    expect(check(`${TOKEN}x`)).toEqual({ ok: false, refusal: "invalid" });
    expect(check(`${TOKEN}.x`)).toEqual({ ok: false, refusal: "invalid" });
    expect(check("")).toEqual({ ok: false, refusal: "invalid" });
  });

  it("is refused when it was never issued (or issued anew since)", () => {
    expect(check(TOKEN, { issued: null })).toEqual({ ok: false, refusal: "invalid" });
  });

  it("is refused once it expired", () => {
    const justAfter = new Date(CLAIMS.expiresAt.getTime() + 1000);
    expect(check(TOKEN, {}, CLAIMS.expiresAt).ok).toBe(true);
    expect(check(TOKEN, {}, justAfter)).toEqual({ ok: false, refusal: "expired" });
  });

  it("is refused when reused, or when the member already returned the receipt another way", () => {
    expect(check(TOKEN, { issued: { usedAt: new Date("2023-06-01T10:00:00+08:00") } })).toEqual({ ok: false, refusal: "used" });
    expect(check(TOKEN, { receiptReturned: true })).toEqual({ ok: false, refusal: "used" });
  });

  it("asks the database only about the reply and member the signature vouches for", () => {
    const asked: unknown[] = [];
    checkReceiptToken(TOKEN, SECRET, BEFORE_EXPIRY, (claims) => {
      asked.push(claims);
      return fresh;
    });
    checkReceiptToken(alter(TOKEN, 3), SECRET, BEFORE_EXPIRY, (claims) => {
      asked.push(claims);
      return fresh;
    });
    expect(asked).toEqual([CLAIMS]);
  });

  it("needs a real secret", () => {
    expect(() => signReceiptToken(CLAIMS, "short")).toThrow();
  });
});
