/**
 * A unit's PKCS#12 file and its password, sealed for the database (docs/decisions/015): AES-256-GCM under a key
 * derived (HKDF-SHA-256) from the server's AUTH_SECRET, so a copy of the database alone does not give the keys away.
 * The server must open it without anyone present (letters are signed at sign-off), so the password is kept too.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const INFO = "tian-banli unit certificates v1";

const keyFrom = (secret: string) => Buffer.from(hkdfSync("sha256", secret, "", INFO, 32));

export type P12Secret = { p12: Uint8Array; password: string };

export function sealP12(secret: string, { p12, password }: P12Secret): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret), iv);
  const plain = Buffer.from(JSON.stringify({ p12: Buffer.from(p12).toString("base64"), password }), "utf8");
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** The sealed file and password; null when it was sealed under another secret (AUTH_SECRET changed) or damaged. */
export function openP12(secret: string, sealed: string): P12Secret | null {
  try {
    const bytes = Buffer.from(sealed, "base64");
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    const { p12, password } = JSON.parse(plain.toString("utf8")) as { p12: string; password: string };
    return { p12: new Uint8Array(Buffer.from(p12, "base64")), password };
  } catch {
    return null;
  }
}
