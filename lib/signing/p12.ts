/**
 * A unit's signing certificate as PKCS#12 (.p12/.pfx): read with its password, or made self-signed for the demo and
 * tests. node-forge reads and writes PKCS#12 (@signpdf/signer-p12 uses it too); it knows RSA keys only, so an EC key
 * is refused with a message rather than failing later at sign-off.
 */
import { createHash, generateKeyPairSync, randomBytes, X509Certificate } from "node:crypto";
import forge from "node-forge";

export type SigningIdentity = {
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  /** The other certificates in the file (a CA chain), embedded in the signature as they are. */
  chain: forge.pki.Certificate[];
};

export type CertificateFacts = {
  /** SHA-256 of the certificate's DER: how verification recognises a unit's certificate. */
  sha256: string;
  subject: string;
  /** ISO date-time. */
  notBefore: string;
  notAfter: string;
};

export type P12Result = { ok: true; identity: SigningIdentity; facts: CertificateFacts } | { ok: false; message: string };

/** PKCS#12 bag types (RFC 7292). */
const BAG = { key: "1.2.840.113549.1.12.10.1.1", shroudedKey: "1.2.840.113549.1.12.10.1.2", cert: "1.2.840.113549.1.12.10.1.3" };

const certificateDer = (cert: forge.pki.Certificate) =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");

export function certificateFacts(cert: forge.pki.Certificate): CertificateFacts {
  const der = certificateDer(cert);
  const x509 = new X509Certificate(der);
  return {
    sha256: createHash("sha256").update(der).digest("hex"),
    subject: x509.subject.replaceAll("\n", ", "),
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
  };
}

/** The key and the certificate that matches it, from a PKCS#12 file; a wrong password or a file without both is an error in Chinese. */
export function readP12(p12: Uint8Array, password: string): P12Result {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString("binary"))), false, password);
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    if (/password|MAC/i.test(text)) return { ok: false, message: "证书密码不正确" };
    if (/OID is not RSA|not RSA/i.test(text)) return { ok: false, message: "仅支持 RSA 密钥的证书" };
    return { ok: false, message: "无法读取证书文件，请上传 PKCS#12（.p12 或 .pfx）格式的证书" };
  }
  const bags = (type: string) => parsed.getBags({ bagType: type })[type] ?? [];
  const keys = [...bags(BAG.shroudedKey), ...bags(BAG.key)];
  const certs = bags(BAG.cert).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const key = keys.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) return { ok: false, message: "证书文件中没有私钥（仅支持 RSA 密钥）" };
  const certificate = certs.find((cert) => {
    const pub = cert.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.equals(key.n) && pub.e?.equals(key.e);
  });
  if (!certificate) return { ok: false, message: "证书文件中没有与私钥匹配的证书" };
  const facts = certificateFacts(certificate);
  if (Date.parse(facts.notAfter) < Date.now()) return { ok: false, message: "证书已过期" };
  return { ok: true, identity: { key, certificate, chain: certs.filter((cert) => cert !== certificate) }, facts };
}

/** A self-signed certificate for `commonName` (the unit's name) as PKCS#12, valid ten years: the demo's and the tests'. */
export function selfSignedP12(commonName: string, password: string, organisation = "提案办理系统（演示）"): Uint8Array {
  // Node generates the RSA key natively (node-forge's pure-JavaScript generation takes seconds).
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs8", format: "pem" }).toString()) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial: a leading 01 byte keeps the DER integer's sign bit clear.
  cert.serialNumber = `01${randomBytes(15).toString("hex")}`;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000);
  const name = [
    { shortName: "CN", value: commonName, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: "O", value: organisation, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: "C", value: "CN" },
  ];
  cert.setSubject(name as forge.pki.CertificateField[]);
  cert.setIssuer(name as forge.pki.CertificateField[]);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: "aes256" });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"));
}
