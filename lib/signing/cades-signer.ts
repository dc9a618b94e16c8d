/**
 * The CMS signature of a PAdES signature (ETSI EN 319 142-1, baseline B-B): detached SignedData over the PDF's byte
 * ranges, SHA-256 with RSA, signed attributes content-type, message-digest and signing-certificate-v2 (RFC 5035),
 * which binds the signer's certificate into what is signed. No signing-time attribute: PAdES puts the time in the
 * signature dictionary (/M). @signpdf/signer-p12 writes signing-time and cannot add signing-certificate-v2 (node-forge's
 * PKCS#7 writer drops attributes it does not know), so this signer assembles the SignedData (RFC 5652) itself with
 * node-forge's ASN.1 encoder and signs with Node's crypto. RSA PKCS#1 v1.5 is deterministic: same bytes, same signature.
 */
import { createHash, sign } from "node:crypto";
import { Signer } from "@signpdf/utils";
import forge from "node-forge";
import type { SigningIdentity } from "./p12";

const { asn1 } = forge;
const { UNIVERSAL, CONTEXT_SPECIFIC } = asn1.Class;
type Node = forge.asn1.Asn1;

export const OID = {
  signedData: "1.2.840.113549.1.7.2",
  data: "1.2.840.113549.1.7.1",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
};

const seq = (...nodes: Node[]) => asn1.create(UNIVERSAL, asn1.Type.SEQUENCE, true, nodes);
const set = (...nodes: Node[]) => asn1.create(UNIVERSAL, asn1.Type.SET, true, nodes);
const oid = (id: string) => asn1.create(UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Buffer) => asn1.create(UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString("binary"));
const integer = (value: number) => asn1.create(UNIVERSAL, asn1.Type.INTEGER, false, String.fromCharCode(value));
const algorithm = (id: string) => seq(oid(id), asn1.create(UNIVERSAL, asn1.Type.NULL, false, ""));
const der = (node: Node) => Buffer.from(asn1.toDer(node).getBytes(), "binary");
const attribute = (type: string, value: Node) => seq(oid(type), set(value));

/** The certificate's DER and its issuer and serial number as encoded in it (re-encoding a name could change its bytes). */
function certificateParts(cert: forge.pki.Certificate) {
  const certAsn1 = forge.pki.certificateToAsn1(cert);
  const tbs = (certAsn1.value as Node[])[0]!.value as Node[];
  const offset = tbs[0]!.tagClass === CONTEXT_SPECIFIC ? 1 : 0;
  return { asn1: certAsn1, serial: tbs[offset]!, issuer: tbs[offset + 2]! };
}

export class CadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const { key, certificate, chain } = this.identity;
    const signer = certificateParts(certificate);
    const issuerSerial = () => seq(signer.issuer, signer.serial);
    // SigningCertificateV2 { certs { ESSCertIDv2 { certHash (SHA-256, the default algorithm), IssuerSerial } } }
    const essCertId = seq(
      octets(createHash("sha256").update(der(signer.asn1)).digest()),
      seq(seq(asn1.create(CONTEXT_SPECIFIC, 4, true, [signer.issuer])), signer.serial),
    );
    // In DER order (SET OF sorts by encoding; these three already are): validators re-encode before checking.
    const attributes = [
      attribute(OID.contentType, oid(OID.data)),
      attribute(OID.messageDigest, octets(createHash("sha256").update(pdfBuffer).digest())),
      attribute(OID.signingCertificateV2, seq(seq(essCertId))),
    ];
    const signature = sign("sha256", der(set(...attributes)), forge.pki.privateKeyToPem(key));
    const signerInfo = seq(
      integer(1),
      issuerSerial(),
      algorithm(OID.sha256),
      asn1.create(CONTEXT_SPECIFIC, 0, true, attributes),
      algorithm(OID.rsaEncryption),
      octets(signature),
    );
    const signedData = seq(
      integer(1),
      set(algorithm(OID.sha256)),
      seq(oid(OID.data)),
      asn1.create(CONTEXT_SPECIFIC, 0, true, [signer.asn1, ...chain.map((c) => forge.pki.certificateToAsn1(c))]),
      set(signerInfo),
    );
    return der(seq(oid(OID.signedData), asn1.create(CONTEXT_SPECIFIC, 0, true, [signedData])));
  }
}
