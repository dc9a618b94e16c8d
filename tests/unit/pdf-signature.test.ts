/**
 * PAdES signing (lib/signing): Debian's pdfsig (poppler-utils) validates what we sign, and a changed byte breaks it;
 * our own checker agrees on both, and tells an unsigned PDF from a changed one.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { readP12, selfSignedP12, type SigningIdentity } from "@/lib/signing/p12";
import { signPdf } from "@/lib/signing/sign-pdf";
import { checkPdfSignature } from "@/lib/signing/verify-pdf";

const PDFSIG = "/usr/bin/pdfsig";

async function plainPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

function pdfsig(pdf: Uint8Array): { status: number | null; out: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pdfsig-")), "letter.pdf");
  fs.writeFileSync(file, pdf);
  const run = spawnSync(PDFSIG, ["-nocert", file], { encoding: "utf8" });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** One byte of the document changed: a byte of its first stream (the page's content), inside the signed range. */
function changeOneByte(pdf: Uint8Array): Uint8Array {
  const changed = new Uint8Array(pdf);
  const at = Buffer.from(pdf).indexOf("stream\n") + "stream\n".length + 5;
  expect(at).toBeGreaterThan(10);
  changed[at] = changed[at]! ^ 0xff;
  return changed;
}

const signingTime = new Date("2026-05-16T02:00:00Z");
const info = { name: "重庆高新区科技创新局", reason: "答复函 渝高新科函〔2026〕4号", location: "重庆", contactInfo: "", signingTime };
let identity: SigningIdentity;
let unsigned: Uint8Array;
let signed: Uint8Array;

beforeAll(async () => {
  if (!fs.existsSync(PDFSIG)) throw new Error("pdfsig is missing: apt-get install -y poppler-utils");
  const read = readP12(selfSignedP12("重庆高新区科技创新局", "pw-1"), "pw-1");
  if (!read.ok) throw new Error(read.message);
  identity = read.identity;
  unsigned = await plainPdf("Reply letter 42");
  signed = await signPdf(unsigned, identity, info);
});

describe("readP12", () => {
  it("refuses a wrong password and a file that is not PKCS#12, in Chinese", () => {
    expect(readP12(selfSignedP12("某单位", "right"), "wrong")).toEqual({ ok: false, message: "证书密码不正确" });
    expect(readP12(new TextEncoder().encode("not a certificate"), "x")).toMatchObject({
      ok: false,
      message: expect.stringContaining("PKCS#12"),
    });
  });

  it("gives the certificate's subject and fingerprint", () => {
    const read = readP12(selfSignedP12("重庆高新区党群工作部", "p"), "p");
    expect(read.ok && read.facts.subject).toContain("CN=重庆高新区党群工作部");
    expect(read.ok && read.facts.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("signPdf", () => {
  it("writes a PAdES signature (ETSI.CAdES.detached) that pdfsig validates", () => {
    expect(Buffer.from(signed).includes("/SubFilter /ETSI.CAdES.detached")).toBe(true);
    const result = pdfsig(signed);
    expect(result.out).toContain("Signature is Valid.");
    expect(result.out).toContain("Signature Type: ETSI.CAdES.detached");
    expect(result.out).toContain("Total document signed");
    expect(result.status).toBe(0);
  });

  it("fails pdfsig's verification when one byte of the document is changed", () => {
    const result = pdfsig(changeOneByte(signed));
    expect(result.out).not.toContain("Signature is Valid.");
    expect(result.out).toMatch(/Signature is Invalid|Digest Mismatch/);
  });

  it("carries the signing-certificate-v2 attribute and no signing-time", () => {
    // 1.2.840.113549.1.9.16.2.47 (signing-certificate-v2) and 1.2.840.113549.1.9.5 (signing-time) as DER OIDs, hex in /Contents.
    const hex = Buffer.from(signed).toString("latin1").toLowerCase();
    expect(hex).toContain("060b2a864886f70d010910022f");
    expect(hex).not.toContain("06092a864886f70d010905");
  });

  it("signs the same bytes the same way", async () => {
    const again = await signPdf(unsigned, identity, info);
    expect(Buffer.from(again).equals(Buffer.from(signed))).toBe(true);
  });
});

describe("checkPdfSignature", () => {
  it("finds the signer's certificate and an intact document", () => {
    const check = checkPdfSignature(signed);
    expect(check).toMatchObject({ kind: "signed", intact: true, wholeFile: true });
    const read = readP12(selfSignedP12("x", "p"), "p");
    expect(check.kind === "signed" && check.signer).toMatch(/^[0-9a-f]{64}$/);
    expect(check.kind === "signed" && read.ok && check.signer).not.toBe(read.ok && read.facts.sha256);
  });

  it("reports a changed byte as not intact, still naming the certificate", () => {
    const check = checkPdfSignature(changeOneByte(signed));
    expect(check).toMatchObject({ kind: "signed", intact: false });
    expect(check.kind === "signed" && check.certificates.length).toBe(1);
  });

  it("reports bytes appended after signing as not covering the whole file", () => {
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from("\n% appended\n")]);
    expect(checkPdfSignature(appended)).toMatchObject({ kind: "signed", intact: true, wholeFile: false });
  });

  it("reports an unsigned PDF as unsigned", async () => {
    expect(checkPdfSignature(await plainPdf("nothing"))).toEqual({ kind: "unsigned" });
  });
});
