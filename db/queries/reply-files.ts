/**
 * A reply's files as the pages and downloads read them: the 答复附件 of each round and the current scan of
 * each signed letter (盖章件). Replaced scans keep their rows (and files) but are not shown or served.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { ReplyFileKind } from "@/lib/domain";
import type { Db } from "../client";
import { replies, replyFiles } from "../schema";
import { publishedById } from "./public";

type Reader = Pick<Db, "select">;

export type ReplyFileItem = { id: number; round: number; kind: ReplyFileKind; fileName: string; size: number; createdAt: Date };

const current = (proposalId: number) => and(eq(replyFiles.proposalId, proposalId), isNull(replyFiles.replacedAt));

/** The proposal's current reply files, by round, attachments first, each kind in the order added. */
export async function replyFilesOf(db: Reader, proposalId: number): Promise<ReplyFileItem[]> {
  return db
    .select({
      id: replyFiles.id,
      round: replyFiles.round,
      kind: replyFiles.kind,
      fileName: replyFiles.fileName,
      size: replyFiles.size,
      createdAt: replyFiles.createdAt,
    })
    .from(replyFiles)
    .where(current(proposalId))
    .orderBy(asc(replyFiles.round), asc(replyFiles.kind), asc(replyFiles.id))
    .all();
}

/** One round's files, split by kind: its attachments and its sealed scan (or null). */
export function filesOfRound(
  files: readonly ReplyFileItem[],
  round: number,
): { attachments: ReplyFileItem[]; sealed: ReplyFileItem | null } {
  const ofRound = files.filter((f) => f.round === round);
  return { attachments: ofRound.filter((f) => f.kind === "attachment"), sealed: ofRound.find((f) => f.kind === "sealed") ?? null };
}

/**
 * A current reply file with what decides who may read it: whether its round's reply is signed (until then
 * it is part of the draft). Null for no such file, or a replaced scan.
 */
export async function replyFileForDownload(db: Reader, fileId: number) {
  if (!Number.isSafeInteger(fileId) || fileId <= 0) return null;
  const row = await db
    .select({ file: replyFiles, replyId: replies.id })
    .from(replyFiles)
    .leftJoin(replies, and(eq(replies.proposalId, replyFiles.proposalId), eq(replies.round, replyFiles.round)))
    .where(and(eq(replyFiles.id, fileId), isNull(replyFiles.replacedAt)))
    .get();
  return row ? { file: row.file, signed: row.replyId !== null } : null;
}

/** The scan of the sealed letter of a reply published in full (全文公开), or null: only there may the original be public. */
export async function publishedSealedScan(db: Db, publicationId: number) {
  const item = await publishedById(db, publicationId);
  if (item?.mode !== "full") return null;
  return (
    (
      await db
        .select({ file: replyFiles })
        .from(replies)
        .innerJoin(
          replyFiles,
          and(
            eq(replyFiles.proposalId, replies.proposalId),
            eq(replyFiles.round, replies.round),
            eq(replyFiles.kind, "sealed"),
            isNull(replyFiles.replacedAt),
          ),
        )
        .where(eq(replies.id, item.replyId))
        .get()
    )?.file ?? null
  );
}
