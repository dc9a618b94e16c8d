/**
 * What /open/verify answers about an uploaded PDF (docs/domain.md, 电子签章). A file is an unaltered letter of this
 * system when all three hold: its signature is intact and covers the whole file, the signing certificate is one
 * of this system's unit certificates, and the file's SHA-256 is that of a letter this system issued (signed with
 * that certificate). A file signed with a unit certificate that fails any of these was changed after issue; any
 * other file, signed or not, is not this system's.
 */
import type { PdfSignatureCheck } from "./verify-pdf";

export type IssuedLetterFacts = {
  certificateSha256: string;
  unitName: string;
  docNumber: string;
  writtenOn: string;
  proposalTitle: string;
};

export type LetterVerdict =
  | { kind: "genuine"; unitName: string; docNumber: string; writtenOn: string; proposalTitle: string }
  | { kind: "altered"; unitName: string }
  | { kind: "foreign" };

export function letterVerdict(
  check: PdfSignatureCheck,
  /** The unit of each of the file's certificates that is this system's (by fingerprint). */
  unitOf: ReadonlyMap<string, string>,
  /** The issued letter whose file has the uploaded file's hash, if any. */
  issued: IssuedLetterFacts | null,
): LetterVerdict {
  if (check.kind === "unsigned") return { kind: "foreign" };
  const ours = check.certificates.find((sha) => unitOf.has(sha));
  if (!ours) return { kind: "foreign" };
  const unchanged = check.intact && check.wholeFile && check.signer === ours && issued?.certificateSha256 === ours;
  if (!unchanged || !issued) return { kind: "altered", unitName: unitOf.get(ours)! };
  return {
    kind: "genuine",
    unitName: issued.unitName,
    docNumber: issued.docNumber,
    writtenOn: issued.writtenOn,
    proposalTitle: issued.proposalTitle,
  };
}
