/**
 * 电子签章 on both engines: a unit's certificate is stored sealed and checked on upload; a signed-off reply's letters
 * are signed with it once and served as issued (the same bytes every time, valid for pdfsig); /open/verify's
 * verdict tells a genuine letter (unit, 发文字号, date) from a changed one and from a file not of this system; a
 * unit without a certificate issues unsigned letters. Printing is replaced by pdf-lib here (e2e/verify.spec.ts
 * prints with Chromium).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { issueSignedLetters } from "@/app/letters/_server/signed-letters";
import { signedLetterPdf } from "@/db/handling/signed-letters";
import { addUnitCertificate, currentCertificate } from "@/db/handling/unit-certificates";
import { verifyLetterFile } from "@/db/queries/letter-verification";
import { proposalSigners, replies, signedLetters, unitCertificates } from "@/db/schema";
import type { LetterSheet } from "@/lib/letter-print";
import { readP12, selfSignedP12 } from "@/lib/signing/p12";
import { signPdf } from "@/lib/signing/sign-pdf";
import { demoDatabase } from "./demo-db";

const ORIGIN = "https://tian.example.gov.cn";
let t: Awaited<ReturnType<typeof demoDatabase>>;
let unitId: number;
/** A reply of 科技创新局 with a lead proposer and a co-signer. */
let joint: { id: number; docNumber: string; writtenOn: string; proposalId: number };
let printed = 0;

/** Stands in for Chromium: a page per sheet. */
async function print(sheets: readonly LetterSheet[], title: string): Promise<Uint8Array> {
  printed += 1;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const sheet of sheets) doc.addPage().drawText(`letter ${printed} of ${sheet.draft ? "draft" : "reply"}`, { font, x: 50, y: 700 });
  return doc.save();
}

function pdfsig(pdf: Uint8Array): string {
  const file = path.join(t.dir, `check-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  const run = spawnSync("pdfsig", ["-nocert", file], { encoding: "utf8" });
  if (run.error) throw new Error("pdfsig is missing: apt-get install -y poppler-utils");
  return `${run.stdout}${run.stderr}`;
}

function changeOneByte(pdf: Uint8Array): Uint8Array {
  const changed = new Uint8Array(pdf);
  const at = Buffer.from(pdf).indexOf("stream\n") + "stream\n".length + 5;
  changed[at] = changed[at]! ^ 0xff;
  return changed;
}

beforeAll(async () => {
  t = await demoDatabase();
  vi.stubEnv("ATTACHMENTS_DIR", path.join(t.dir, "attachments"));
  unitId = await t.unit("重庆高新区科技创新局");
  const rows = await t.db.select().from(replies).where(eq(replies.unitId, unitId)).all();
  for (const reply of rows) {
    const signers = await t.db.select().from(proposalSigners).where(eq(proposalSigners.proposalId, reply.proposalId)).all();
    if (signers.filter((s) => s.role === "lead" || s.role === "cosigner").length > 1) {
      joint = reply;
      break;
    }
  }
  expect(joint).toBeDefined();
});

afterAll(() => {
  t.cleanup();
  vi.unstubAllEnvs();
});

describe("unit certificates", () => {
  it("refuses a wrong password and keeps the file and password sealed", async () => {
    const p12 = selfSignedP12("重庆高新区科技创新局", "right-password");
    expect(await addUnitCertificate(t.db, { unitId, p12, password: "wrong", uploadedBy: null })).toEqual({
      ok: false,
      reason: "证书密码不正确",
    });
    const added = await addUnitCertificate(t.db, { unitId, p12, password: "right-password", uploadedBy: null });
    expect(added.ok).toBe(true);
    const row = (await t.db.select().from(unitCertificates).where(eq(unitCertificates.unitId, unitId)).get())!;
    expect(row.sealed).not.toContain(Buffer.from(p12).toString("base64").slice(0, 40));
    expect(Buffer.from(row.sealed, "base64").includes("right-password")).toBe(false);
    expect((await currentCertificate(t.db, unitId))?.sha256).toBe(row.sha256);
    expect(await addUnitCertificate(t.db, { unitId, p12, password: "right-password", uploadedBy: null })).toEqual({
      ok: false,
      reason: "该证书已上传",
    });
  });
});

describe("signed letters", () => {
  it("signs each addressee's letter and the joint file once, and serves the same bytes", async () => {
    const issued = await issueSignedLetters(t.db, joint.id, ORIGIN, print);
    const rows = await t.db.select().from(signedLetters).where(eq(signedLetters.replyId, joint.id)).all();
    expect(issued).toEqual({ signed: rows.length, certificate: true });
    expect(rows.map((r) => r.variant)).toContain("all");
    expect(rows.filter((r) => r.variant.startsWith("to:")).length).toBeGreaterThan(1);
    // The joint file is the addressees' prints joined: each sheet printed once.
    expect(printed).toBe(rows.filter((r) => r.variant.startsWith("to:")).length + rows.filter((r) => r.variant === "public").length);
    const first = await signedLetterPdf(t.db, joint.id, "all");
    expect(first).not.toBeNull();
    expect(Buffer.from((await signedLetterPdf(t.db, joint.id, "all"))!).equals(Buffer.from(first!))).toBe(true);
    expect(await issueSignedLetters(t.db, joint.id, ORIGIN, print)).toEqual({ signed: 0, certificate: true });
    expect(Buffer.from((await signedLetterPdf(t.db, joint.id, "all"))!).equals(Buffer.from(first!))).toBe(true);
  });

  it("makes a signature pdfsig validates, and that a changed byte breaks", async () => {
    const pdf = (await signedLetterPdf(t.db, joint.id, "all"))!;
    expect(pdfsig(pdf)).toContain("Signature is Valid.");
    expect(pdfsig(pdf)).toContain("ETSI.CAdES.detached");
    expect(pdfsig(changeOneByte(pdf))).not.toContain("Signature is Valid.");
  });

  it("leaves a unit without a certificate unsigned", async () => {
    const other = await t.db.select().from(replies).all();
    const unsignedReply = other.find((r) => r.unitId !== unitId)!;
    expect(await issueSignedLetters(t.db, unsignedReply.id, ORIGIN, print)).toEqual({ signed: 0, certificate: false });
    expect(await signedLetterPdf(t.db, unsignedReply.id, "all")).toBeNull();
  });
});

describe("verifyLetterFile", () => {
  it("knows an issued letter: its unit, 发文字号 and date", async () => {
    const pdf = (await signedLetterPdf(t.db, joint.id, "all"))!;
    expect(await verifyLetterFile(t.db, pdf)).toEqual({
      kind: "genuine",
      unitName: "重庆高新区科技创新局",
      docNumber: joint.docNumber,
      writtenOn: joint.writtenOn,
      proposalTitle: expect.any(String),
    });
  });

  it("reports a changed byte, and bytes appended, as altered", async () => {
    const pdf = (await signedLetterPdf(t.db, joint.id, "all"))!;
    expect(await verifyLetterFile(t.db, changeOneByte(pdf))).toEqual({ kind: "altered", unitName: "重庆高新区科技创新局" });
    const appended = Buffer.concat([Buffer.from(pdf), Buffer.from("\n%%EOF\n")]);
    expect(await verifyLetterFile(t.db, appended)).toEqual({ kind: "altered", unitName: "重庆高新区科技创新局" });
  });

  it("reports a file signed with the unit's key but never issued as altered", async () => {
    const read = readP12(selfSignedP12("x", "p"), "p");
    if (!read.ok) throw new Error(read.message);
    // The unit's own identity, as the server holds it: a document it never issued.
    const { signingIdentity } = await import("@/db/handling/unit-certificates");
    const identity = (await signingIdentity(t.db, (await currentCertificate(t.db, unitId))!.id))!;
    const made = await signPdf(await print([], "made up"), identity, {
      name: "x",
      reason: "x",
      location: "x",
      contactInfo: "",
      signingTime: new Date(),
    });
    expect(await verifyLetterFile(t.db, made)).toEqual({ kind: "altered", unitName: "重庆高新区科技创新局" });
    // The same made-up file signed with a certificate of no unit here is not this system's.
    const foreign = await signPdf(await print([], "made up"), read.identity, {
      name: "x",
      reason: "x",
      location: "x",
      contactInfo: "",
      signingTime: new Date(),
    });
    expect(await verifyLetterFile(t.db, foreign)).toEqual({ kind: "foreign" });
  });

  it("reports an unsigned PDF as not this system's", async () => {
    expect(await verifyLetterFile(t.db, await print([], "plain"))).toEqual({ kind: "foreign" });
  });
});
