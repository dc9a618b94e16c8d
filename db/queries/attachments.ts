import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { attachments } from "../schema";

export async function attachmentsOf(db: Db, proposalId: number) {
  return db
    .select({ id: attachments.id, fileName: attachments.fileName, size: attachments.size, mimeType: attachments.mimeType })
    .from(attachments)
    .where(eq(attachments.proposalId, proposalId))
    .orderBy(asc(attachments.id))
    .all();
}

export async function getAttachment(db: Db, proposalId: number, attachmentId: number) {
  return (
    (await db
      .select()
      .from(attachments)
      .where(and(eq(attachments.id, attachmentId), eq(attachments.proposalId, proposalId)))
      .get()) ?? null
  );
}
