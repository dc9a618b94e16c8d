/** /open/verify's facts about an uploaded PDF: its signature, whose certificate that is, and the letter with its hash. */
import { createHash } from "node:crypto";
import { letterVerdict, type LetterVerdict } from "@/lib/signing/verdict";
import { checkPdfSignature } from "@/lib/signing/verify-pdf";
import type { Db } from "../client";
import { issuedLetterByHash } from "../handling/signed-letters";
import { certificateByFingerprint } from "../handling/unit-certificates";

export async function verifyLetterFile(db: Pick<Db, "select">, pdf: Uint8Array): Promise<LetterVerdict> {
  const check = checkPdfSignature(pdf);
  const unitOf = new Map<string, string>();
  if (check.kind === "signed")
    for (const sha of check.certificates) {
      const known = await certificateByFingerprint(db, sha);
      if (known) unitOf.set(sha, known.unitName);
    }
  const issued = unitOf.size > 0 ? await issuedLetterByHash(db, createHash("sha256").update(pdf).digest("hex")) : null;
  return letterVerdict(check, unitOf, issued);
}
