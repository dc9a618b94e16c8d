/** The start of every page about one proposal: who asks, whether they may see it, and what it is. */
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireProposalAccess, requireUser } from "../../../_server/guard";
import { proposalDetailOnce } from "./page-reads";

/** Sends a visitor to sign-in, answers 404 for no such proposal and 403 to a user with no part in it. */
export async function proposalForPage(params: Promise<{ id: string }>) {
  const user = await requireUser("viewProposal");
  const id = Number((await params).id);
  const db = getDb();
  // Read beside the access check, not after it (one round trip's wait less on PostgreSQL); shown only once it passed.
  // An id that is no number is the check's to answer (404), not the read's.
  const [, detail] = await Promise.all([requireProposalAccess(user, id), Number.isSafeInteger(id) ? proposalDetailOnce(db, id) : null]);
  if (!detail) notFound();
  // The lead unit still assigned (a withdrawn one keeps its row): it writes, and may read, the drafts.
  const lead = detail.assignments.find((a) => a.role === "lead" && a.status !== "withdrawn") ?? null;
  return { user, id, db, detail, lead, leadUnitId: lead?.unitId ?? null };
}
