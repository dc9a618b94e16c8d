import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, instant } from "./columns";
import { units, users } from "./org";
import { replies } from "./replies";

/**
 * A unit's signing certificate (电子签章, docs/decisions/015): the PKCS#12 file and its password, encrypted together
 * (AES-256-GCM under a key derived from AUTH_SECRET) and never served. A unit signs with its newest certificate;
 * replaced ones stay, so that letters signed with them are still recognised as this system's.
 */
export const unitCertificates = sqliteTable(
  "unit_certificates",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** SHA-256 of the certificate's DER, hex: what a signature's certificate is compared with. */
    sha256: text("sha256").notNull(),
    subject: text("subject").notNull(),
    notAfter: instant("not_after").notNull(),
    /** base64 of iv ‖ tag ‖ AES-256-GCM(JSON {p12, password}). */
    sealed: text("sealed").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("unit_certificates_sha256_uq").on(t.sha256), index("unit_certificates_unit_idx").on(t.unitId, t.id)],
);

/**
 * A signed-off letter as issued: printed and signed once, kept as a file in the attachments folder (shared by every
 * instance), served as it is from then on. `variant`: `to:<user id>` (the letter to one proposer or co-signer),
 * `all` (every addressee's letter in one file) or `public` (原文下载).
 */
export const signedLetters = sqliteTable(
  "signed_letters",
  {
    id: id(),
    replyId: integer("reply_id")
      .notNull()
      .references(() => replies.id, { onDelete: "cascade" }),
    variant: text("variant").notNull(),
    certificateId: integer("certificate_id")
      .notNull()
      .references(() => unitCertificates.id),
    /** SHA-256 of the whole signed file, hex: how /open/verify finds the letter an uploaded file is. */
    sha256: text("sha256").notNull(),
    storagePath: text("storage_path").notNull(),
    signedAt: instant("signed_at").notNull(),
  },
  (t) => [uniqueIndex("signed_letters_reply_variant_uq").on(t.replyId, t.variant), index("signed_letters_sha256_idx").on(t.sha256)],
);
