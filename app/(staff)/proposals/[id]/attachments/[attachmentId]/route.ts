import { getDb } from "@/db/client";
import { getAttachment } from "@/db/queries/attachments";
import { loadProposalParties } from "@/db/queries/proposals";
import { can, canViewProposal } from "@/lib/authz";
import { downloadCaller } from "../../../../../_server/guard";
import { storedFileResponse } from "@/app/_server/download";

/** Serves a proposal's attachment as a download (never inline), to those who may see the proposal. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const user = await downloadCaller();
  if (user instanceof Response) return user;
  const { id, attachmentId } = await params;
  const db = getDb();
  const parties = await loadProposalParties(db, Number(id));
  if (!parties) return new Response("附件不存在", { status: 404 });
  if (!can(user, "viewProposal") || !canViewProposal(user, parties)) return new Response("无权访问", { status: 403 });
  const file = await getAttachment(db, Number(id), Number(attachmentId));
  if (!file) return new Response("附件不存在", { status: 404 });
  return storedFileResponse(file);
}
