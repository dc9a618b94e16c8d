/**
 * Units' signing certificates (电子签章, docs/decisions/015): the administrator's upload, the identity a unit signs
 * with, and the certificates a signature is recognised by. The PKCS#12 file and its password are sealed with
 * AUTH_SECRET (lib/signing/sealed.ts) and no route ever serves them.
 */
import { and, desc, eq } from "drizzle-orm";
import { readP12, type CertificateFacts, type SigningIdentity } from "@/lib/signing/p12";
import { openP12, sealP12 } from "@/lib/signing/sealed";
import type { Db } from "../client";
import { unitCertificates, units } from "../schema";
import { receiptTokenSecret } from "./receipt-tokens";

export type UnitCertificate = { id: number; unitId: number; sha256: string; subject: string; notAfter: Date; createdAt: Date };

const columns = {
  id: unitCertificates.id,
  unitId: unitCertificates.unitId,
  sha256: unitCertificates.sha256,
  subject: unitCertificates.subject,
  notAfter: unitCertificates.notAfter,
  createdAt: unitCertificates.createdAt,
};

/** Stores `p12` as the unit's current certificate, after reading it with `password`; errors are Chinese messages. */
export async function addUnitCertificate(
  db: Pick<Db, "select" | "insert">,
  input: { unitId: number; p12: Uint8Array; password: string; uploadedBy: number | null },
): Promise<{ ok: true; facts: CertificateFacts } | { ok: false; reason: string }> {
  const read = readP12(input.p12, input.password);
  if (!read.ok) return { ok: false, reason: read.message };
  const unit = await db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId)).get();
  if (!unit) return { ok: false, reason: "单位不存在" };
  const taken = await db
    .select({ unitId: unitCertificates.unitId })
    .from(unitCertificates)
    .where(eq(unitCertificates.sha256, read.facts.sha256))
    .get();
  if (taken) return { ok: false, reason: taken.unitId === input.unitId ? "该证书已上传" : "该证书已用于其他单位" };
  await db
    .insert(unitCertificates)
    .values({
      unitId: input.unitId,
      sha256: read.facts.sha256,
      subject: read.facts.subject,
      notAfter: new Date(read.facts.notAfter),
      sealed: sealP12(receiptTokenSecret(), { p12: input.p12, password: input.password }),
      uploadedBy: input.uploadedBy,
    })
    .run();
  return { ok: true, facts: read.facts };
}

/** The unit's current certificate (the newest uploaded), or null: its letters are then issued unsigned. */
export async function currentCertificate(db: Pick<Db, "select">, unitId: number): Promise<UnitCertificate | null> {
  return (
    (await db
      .select(columns)
      .from(unitCertificates)
      .where(eq(unitCertificates.unitId, unitId))
      .orderBy(desc(unitCertificates.id))
      .limit(1)
      .get()) ?? null
  );
}

/** The key and certificate to sign with; null when the sealed file cannot be opened (AUTH_SECRET changed). */
export async function signingIdentity(db: Pick<Db, "select">, certificateId: number): Promise<SigningIdentity | null> {
  const row = await db
    .select({ sealed: unitCertificates.sealed })
    .from(unitCertificates)
    .where(eq(unitCertificates.id, certificateId))
    .get();
  const secret = row ? openP12(receiptTokenSecret(), row.sealed) : null;
  const read = secret ? readP12(secret.p12, secret.password) : null;
  return read?.ok ? read.identity : null;
}

/** The certificate with this fingerprint, current or replaced, and its unit; null when it is none of this system's. */
export async function certificateByFingerprint(db: Pick<Db, "select">, sha256: string) {
  return (
    (await db
      .select({ ...columns, unitName: units.name })
      .from(unitCertificates)
      .innerJoin(units, eq(units.id, unitCertificates.unitId))
      .where(and(eq(unitCertificates.sha256, sha256)))
      .get()) ?? null
  );
}
