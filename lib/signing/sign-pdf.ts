/**
 * Signs a PDF (PAdES, SubFilter ETSI.CAdES.detached) with @signpdf: pdf-lib adds the signature dictionary and its
 * placeholder, the CMS signature (./cades-signer.ts) fills it. Given the same PDF, identity and time, the output is
 * the same bytes (pdf-lib's dates are set from `signingTime`, RSA PKCS#1 v1.5 is deterministic).
 */
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import { PDFDocument } from "pdf-lib";
import { CadesSigner } from "./cades-signer";
import type { SigningIdentity } from "./p12";

export type SignatureInfo = {
  /** Who signs: the unit's name. */
  name: string;
  /** Why: e.g. 答复函 渝高新科函〔2026〕4号 */
  reason: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
};

/** Room for the CMS signature: a 2048- or 4096-bit key with a chain of a few certificates. */
const SIGNATURE_BYTES = 12_000;

export async function signPdf(pdf: Uint8Array, identity: SigningIdentity, info: SignatureInfo): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setModificationDate(info.signingTime);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: info.reason,
    contactInfo: info.contactInfo,
    name: info.name,
    location: info.location,
    signingTime: info.signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: "提案办理",
  });
  // signpdf finds the placeholder in the bytes: no object streams, which would compress it away.
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
  return new Uint8Array(await new SignPdf().sign(prepared, new CadesSigner(identity)));
}
