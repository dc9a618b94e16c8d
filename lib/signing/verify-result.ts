/**
 * /open/verify's answer travels from the upload (POST /verify/check) to the page that shows it (GET) in the
 * address, signed with HMAC-SHA256 and valid for an hour: the page needs no JavaScript and keeps nothing, and no one
 * can make the site show an answer it did not give. The file's SHA-256 is shown with it, so a reader can tell which
 * file the answer was about. Pure.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { MULTIPART_OVERHEAD_BYTES } from "../uploads";
import type { LetterVerdict } from "./verdict";

/** Where the form posts; the front server admits bodies up to VERIFY_REQUEST_BYTES there (server/body-limits.ts). */
export const VERIFY_PATH = "/verify/check";
export const VERIFY_MAX_BYTES = 10 * 1024 * 1024;
/** The file and its multipart wrapping. */
export const VERIFY_REQUEST_BYTES = VERIFY_MAX_BYTES + MULTIPART_OVERHEAD_BYTES;

export type VerifyResult = (LetterVerdict & { sha256: string }) | { kind: "error"; message: string };

const CONTEXT = "letter-verify/v1:";
const LIFETIME_MS = 3_600_000;

const mac = (payload: string, secret: string) =>
  createHmac("sha256", secret)
    .update(CONTEXT + payload)
    .digest("base64url");

export function signVerifyResult(result: VerifyResult, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...result, exp: now + LIFETIME_MS }), "utf8").toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/** The answer in a token, or null when it was altered or has expired. */
export function readVerifyResult(token: string, secret: string, now = Date.now()): VerifyResult | null {
  const [payload, given, extra] = token.split(".");
  if (!payload || !given || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload, secret));
  if (expected.length !== Buffer.byteLength(given) || !timingSafeEqual(expected, Buffer.from(given))) return null;
  try {
    const { exp, ...result } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as VerifyResult & { exp: number };
    return typeof exp === "number" && exp > now ? (result as VerifyResult) : null;
  } catch {
    return null;
  }
}
