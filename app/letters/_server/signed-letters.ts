/**
 * 电子签章 (docs/decisions/015): a signed-off reply's letters are printed and signed with the lead unit's current
 * certificate once, when the reply is signed off or published, and kept (db/handling/signed-letters.ts); every
 * download of such a letter is then that file. A unit without a certificate issues its letters unsigned, printed at
 * each request as before, and staff see that on the proposal page. Issuing again is harmless: only the letters not
 * yet signed are printed.
 */
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { now } from "@/db/clock";
import { currentCertificate, signingIdentity } from "@/db/handling/unit-certificates";
import { signedLetterRow, storeSignedLetter, type LetterVariant } from "@/db/handling/signed-letters";
import { letterForReply } from "@/db/queries/letter";
import { issuedReplyLetters } from "@/db/queries/letter-documents";
import { publishedById } from "@/db/queries/public";
import { publications, units } from "@/db/schema";
import type { LetterSheet } from "@/lib/letter-print";
import { signPdf } from "@/lib/signing/sign-pdf";
import { joinPdfs, lettersPdf } from "./letter-pdf";

type Print = (sheets: readonly LetterSheet[], title: string) => Promise<Uint8Array>;
type Issue = { variant: LetterVariant; sheets: LetterSheet[]; title: string };

/** The published letter (原文下载) of a reply published in full, as /open/{id}/letter.pdf prints it. */
async function publicLetter(db: Db, replyId: number, docNumber: string): Promise<Issue | null> {
  const latest = await db
    .select({ id: publications.id })
    .from(publications)
    .where(eq(publications.replyId, replyId))
    .orderBy(desc(publications.id))
    .limit(1)
    .get();
  const item = latest ? await publishedById(db, latest.id) : null;
  const letter = item?.mode === "full" ? await letterForReply(db, replyId) : null;
  return item && letter ? { variant: "public", sheets: [{ letter, docNumber, draft: false, receipt: null }], title: item.title } : null;
}

export type Issued = { signed: number; certificate: boolean };

/** Prints and signs the reply's letters that are not signed yet; `origin` is what their receipt links name. */
export async function issueSignedLetters(db: Db, replyId: number, origin: string, print: Print = lettersPdf): Promise<Issued> {
  const issued = await issuedReplyLetters(db, replyId, origin);
  if (!issued) return { signed: 0, certificate: false };
  const { reply, letters } = issued;
  const certificate = await currentCertificate(db, reply.unitId);
  const identity = certificate ? await signingIdentity(db, certificate.id) : null;
  if (!certificate || !identity) return { signed: 0, certificate: false };
  const unit = (await db.select({ name: units.name }).from(units).where(eq(units.id, reply.unitId)).get())!;
  const wanted: Issue[] = letters.map((l) => ({ variant: `to:${l.addressee.id}`, sheets: [l.sheet], title: l.baseName }));
  if (letters.length > 1) wanted.push({ variant: "all", sheets: letters.map((l) => l.sheet), title: issued.allBaseName });
  const published = await publicLetter(db, replyId, reply.docNumber);
  if (published) wanted.push(published);
  // Each sheet is printed once: the file of every addressee's letters is those prints joined (as lettersPdf joins them).
  const printed = new Map<LetterSheet, Promise<Uint8Array>>();
  const printOnce = (sheet: LetterSheet, title: string) => {
    let pdf = printed.get(sheet);
    if (!pdf) printed.set(sheet, (pdf = print([sheet], title)));
    return pdf;
  };
  let signed = 0;
  for (const issue of wanted) {
    if (await signedLetterRow(db, replyId, issue.variant)) continue;
    const signingTime = now();
    const parts: Uint8Array[] = [];
    for (const sheet of issue.sheets) parts.push(await printOnce(sheet, issue.title));
    const unsigned = parts.length === 1 ? parts[0]! : await joinPdfs(parts, issue.title);
    const pdf = await signPdf(unsigned, identity, {
      name: unit.name,
      reason: `答复函 ${reply.docNumber}`,
      location: unit.name,
      contactInfo: "",
      signingTime,
    });
    await storeSignedLetter(db, { replyId, variant: issue.variant, certificateId: certificate.id, pdf, signedAt: signingTime });
    signed += 1;
  }
  return { signed, certificate: true };
}

/** Issuing after a commit (sign-off, publication): a failure leaves the letters unsigned, shown so to staff, and is logged. */
export async function issueSignedLettersAfter(db: Db, replyId: number, origin: string): Promise<void> {
  try {
    await issueSignedLetters(db, replyId, origin);
  } catch (error) {
    console.error(`答复函 ${replyId} 的电子签章未能加盖：`, error);
  }
}

/** The same for the reply of a publication just published (its 原文下载 is signed then). */
export async function issueSignedLettersForPublication(db: Db, publicationId: number, origin: string): Promise<void> {
  const row = await db.select({ replyId: publications.replyId }).from(publications).where(eq(publications.id, publicationId)).get();
  if (row) await issueSignedLettersAfter(db, row.replyId, origin);
}
