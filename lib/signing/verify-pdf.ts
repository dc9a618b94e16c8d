/**
 * Checks a PDF's (first) signature the way a PAdES validator does for this system's letters: the SHA-256 of the
 * signed byte ranges equals the message-digest attribute, and the signature over the signed attributes verifies
 * with one of the embedded certificates. Trust is not decided here: the caller compares the signer's certificate
 * with the units' certificates and the file with the letters issued (docs/domain.md, 电子签章).
 */
import { createHash, createPublicKey, verify, X509Certificate } from "node:crypto";
import { extractSignature } from "@signpdf/utils";
import forge from "node-forge";

export type PdfSignatureCheck =
  /** No signature at all (or none this module can read). */
  | { kind: "unsigned" }
  | {
      kind: "signed";
      /** SHA-256 of each embedded certificate's DER, the signer's first when one verified. */
      certificates: string[];
      /** The signer's certificate, when the signature verified with one. */
      signer: string | null;
      /** Digest and signature both hold: the signed bytes are as signed. */
      intact: boolean;
      /** The signed ranges reach the end of the file: nothing was appended after signing. */
      wholeFile: boolean;
    };

const { asn1 } = forge;
const MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
const SHA256 = "2.16.840.1.101.3.4.2.1";

type Node = forge.asn1.Asn1;
const children = (node: Node | undefined): Node[] => (Array.isArray(node?.value) ? (node.value as Node[]) : []);
const context = (nodes: Node[], tag: number) => nodes.find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === tag);
const oidOf = (node: Node | undefined) => (node && typeof node.value === "string" ? asn1.derToOid(node.value) : null);

function parseCms(signature: string) {
  const contentInfo = asn1.fromDer(forge.util.createBuffer(signature), false);
  const signedData = children(children(contentInfo)[1])[0];
  const parts = children(signedData);
  const certificates = children(context(parts, 0)).map((cert) => Buffer.from(asn1.toDer(cert).getBytes(), "binary"));
  const signerInfo = children(parts[parts.length - 1])[0];
  const fields = children(signerInfo);
  const digestAlgorithm = oidOf(children(fields[2])[0]);
  const attributes = context(fields, 0);
  const signatureValue = fields.find((n) => n.tagClass === asn1.Class.UNIVERSAL && n.type === asn1.Type.OCTETSTRING);
  if (!attributes || !signatureValue || typeof signatureValue.value !== "string") throw new Error("no signed attributes");
  const digestAttribute = children(attributes).find((attr) => oidOf(children(attr)[0]) === MESSAGE_DIGEST);
  const messageDigest = children(children(digestAttribute)[1])[0]?.value;
  // What was signed is the attributes encoded as a SET (RFC 5652 §5.4), not as the [0] they are stored under.
  const signedAttributes = Buffer.from(
    asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, children(attributes))).getBytes(),
    "binary",
  );
  return {
    certificates,
    digestAlgorithm,
    messageDigest: typeof messageDigest === "string" ? Buffer.from(messageDigest, "binary") : null,
    signedAttributes,
    signature: Buffer.from(signatureValue.value, "binary"),
  };
}

export function checkPdfSignature(pdf: Uint8Array): PdfSignatureCheck {
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let extracted: { ByteRange: number[]; signature: string; signedData: Buffer };
  try {
    extracted = extractSignature(buffer);
  } catch {
    return { kind: "unsigned" };
  }
  const [start, firstLength, second, secondLength] = extracted.ByteRange as [number, number, number, number];
  const wholeFile = start === 0 && second + secondLength === buffer.length && firstLength < second;
  let cms: ReturnType<typeof parseCms>;
  try {
    cms = parseCms(extracted.signature);
  } catch {
    // A signature that no longer parses was damaged: the file was changed.
    return { kind: "signed", certificates: [], signer: null, intact: false, wholeFile };
  }
  const fingerprints = cms.certificates.map((der) => createHash("sha256").update(der).digest("hex"));
  const digestHolds =
    cms.digestAlgorithm === SHA256 &&
    cms.messageDigest !== null &&
    createHash("sha256").update(extracted.signedData).digest().equals(cms.messageDigest);
  const signerIndex = cms.certificates.findIndex((der) => {
    try {
      const key = createPublicKey(new X509Certificate(der).publicKey.export({ type: "spki", format: "pem" }));
      return verify("sha256", cms.signedAttributes, key, cms.signature);
    } catch {
      return false;
    }
  });
  const signer = signerIndex >= 0 ? fingerprints[signerIndex]! : null;
  const certificates = signer ? [signer, ...fingerprints.filter((f) => f !== signer)] : fingerprints;
  return { kind: "signed", certificates, signer, intact: digestHolds && signer !== null, wholeFile };
}
