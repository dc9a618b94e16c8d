import { getDb } from "@/db/client";
import { leadUnitOf, loadProposalParties } from "@/db/queries/proposals";
import { replyFileForDownload } from "@/db/queries/reply-files";
import { canReadLetter } from "@/lib/authz";
import { downloadCaller } from "../../../_server/guard";
import { storedFileResponse } from "../../../_server/download";

const text = (message: string, status: number) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A reply's file as a download: an attachment of the reply, or the scan of the sealed letter. Read as the
 * letter is (lib/authz.ts canReadLetter): once signed by everyone with a part in the proposal, the
 * proposer and co-signers included; before sign-off only by the lead unit and the coordinating office.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const user = await downloadCaller();
  if (user instanceof Response) return user;
  const db = getDb();
  const found = await replyFileForDownload(db, Number((await params).fileId));
  const parties = found ? await loadProposalParties(db, found.file.proposalId) : null;
  if (!found || !parties) return text("文件不存在", 404);
  if (!canReadLetter(user, parties, await leadUnitOf(db, found.file.proposalId), found.signed)) return text("无权查看此文件", 403);
  return storedFileResponse(found.file);
}
