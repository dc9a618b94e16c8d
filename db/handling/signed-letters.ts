/**
 * Signed-off letters as issued (电子签章, docs/decisions/015): each printed and signed once, when the reply is
 * signed off or published (a POST, never a GET), its file kept in the attachments folder (shared by every instance)
 * under `signed-letters/<reply id>/<SHA-256>.pdf`, its row naming the file and its hash. Every later download of
 * that letter is that file, byte for byte, so /open/verify can find a letter by the hash of an uploaded file.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { proposals, replies, signedLetters, unitCertificates, units } from "../schema";
import { attachmentsDir, storedFilePath } from "./stored-files";

/** `to:<user id>`: one addressee's letter; `all`: every addressee's letter in one file; `public`: 原文下载. */
export type LetterVariant = `to:${number}` | "all" | "public";

export async function signedLetterRow(db: Pick<Db, "select">, replyId: number, variant: LetterVariant) {
  return (
    (await db
      .select({ id: signedLetters.id, sha256: signedLetters.sha256, storagePath: signedLetters.storagePath })
      .from(signedLetters)
      .where(and(eq(signedLetters.replyId, replyId), eq(signedLetters.variant, variant)))
      .get()) ?? null
  );
}

/** The issued letter's bytes, or null when it was not signed (no certificate then, or issued before signing began). */
export async function signedLetterPdf(db: Pick<Db, "select">, replyId: number, variant: LetterVariant): Promise<Uint8Array | null> {
  const row = await signedLetterRow(db, replyId, variant);
  const file = row ? storedFilePath(row.storagePath) : null;
  return file ? new Uint8Array(await fs.readFile(file)) : null;
}

/** Keeps a signed letter: the file first (whole, under its hash), then its row; a letter issued meanwhile by another request wins. */
export async function storeSignedLetter(
  db: Pick<Db, "insert">,
  letter: { replyId: number; variant: LetterVariant; certificateId: number; pdf: Uint8Array; signedAt: Date },
): Promise<void> {
  const sha256 = createHash("sha256").update(letter.pdf).digest("hex");
  const storagePath = `signed-letters/${letter.replyId}/${sha256}.pdf`;
  const file = path.join(/*turbopackIgnore: true*/ attachmentsDir(), storagePath);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await fs.writeFile(partial, letter.pdf);
  await fs.rename(partial, file);
  await db
    .insert(signedLetters)
    .values({
      replyId: letter.replyId,
      variant: letter.variant,
      certificateId: letter.certificateId,
      sha256,
      storagePath,
      signedAt: letter.signedAt,
    })
    .onConflictDoNothing()
    .run();
}

/** The issued letter whose file has this SHA-256, with what /open/verify tells about it; null when none has. */
export async function issuedLetterByHash(db: Pick<Db, "select">, sha256: string) {
  return (
    (await db
      .select({
        replyId: signedLetters.replyId,
        variant: signedLetters.variant,
        certificateSha256: unitCertificates.sha256,
        unitName: units.name,
        docNumber: replies.docNumber,
        writtenOn: replies.writtenOn,
        proposalTitle: proposals.title,
      })
      .from(signedLetters)
      .innerJoin(unitCertificates, eq(unitCertificates.id, signedLetters.certificateId))
      .innerJoin(replies, eq(replies.id, signedLetters.replyId))
      .innerJoin(units, eq(units.id, replies.unitId))
      .innerJoin(proposals, eq(proposals.id, replies.proposalId))
      .where(eq(signedLetters.sha256, sha256))
      .orderBy(asc(signedLetters.id))
      .limit(1)
      .get()) ?? null
  );
}

/** How a reply's letters stand, for staff: the variants signed and the certificate's subject, or none. */
export async function replySignatures(db: Pick<Db, "select">, replyId: number) {
  return db
    .select({ variant: signedLetters.variant, subject: unitCertificates.subject, signedAt: signedLetters.signedAt })
    .from(signedLetters)
    .innerJoin(unitCertificates, eq(unitCertificates.id, signedLetters.certificateId))
    .where(eq(signedLetters.replyId, replyId))
    .orderBy(asc(signedLetters.id))
    .all();
}
