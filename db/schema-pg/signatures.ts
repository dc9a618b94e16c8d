/** PostgreSQL mirror of db/schema/signatures.ts (what each table and column means is written there). */
import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./columns";
import { units, users } from "./org";
import { replies } from "./replies";

export const unitCertificates = pgTable(
  "unit_certificates",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    sha256: text("sha256").notNull(),
    subject: text("subject").notNull(),
    notAfter: instant("not_after").notNull(),
    sealed: text("sealed").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("unit_certificates_sha256_uq").on(t.sha256), index("unit_certificates_unit_idx").on(t.unitId, t.id)],
);

export const signedLetters = pgTable(
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
    sha256: text("sha256").notNull(),
    storagePath: text("storage_path").notNull(),
    signedAt: instant("signed_at").notNull(),
  },
  (t) => [uniqueIndex("signed_letters_reply_variant_uq").on(t.replyId, t.variant), index("signed_letters_sha256_idx").on(t.sha256)],
);
