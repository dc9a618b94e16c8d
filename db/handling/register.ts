/** 登记提案: the coordinator records a new proposal with its proposer and co-signers. */
import type { Db } from "../client";
import { proposalSigners, proposals } from "../schema";
import { logEvent } from "../queries/events";
import { uniqueViolation } from "../queries/errors";
import type { RunResult, Tx } from "./run";

export type RegisterInput = {
  sessionId: number;
  number: number;
  title: string;
  body: string;
  categoryId: number | null;
  receivedOn: string;
  proposerId: number;
  coSignerIds: number[];
  seconderIds: number[];
  isKey: boolean;
  isUrgent: boolean;
  wantsMeeting: boolean;
};

/** Inserts the proposal and its signers inside the caller's transaction (also used by the import). */
export async function insertProposal(tx: Tx, actorId: number, input: RegisterInput, comment: string | null = null): Promise<number> {
  const { proposerId, coSignerIds, seconderIds, ...values } = input;
  const { id } = await tx
    .insert(proposals)
    .values({ ...values, status: "registered", registeredBy: actorId })
    .returning({ id: proposals.id })
    .get();
  const signers = [
    { userId: proposerId, role: "lead" as const },
    ...coSignerIds.filter((u) => u !== proposerId).map((userId) => ({ userId, role: "cosigner" as const })),
    ...seconderIds.filter((u) => u !== proposerId && !coSignerIds.includes(u)).map((userId) => ({ userId, role: "seconder" as const })),
  ];
  const seen = new Set<number>();
  await tx
    .insert(proposalSigners)
    .values(signers.filter((s) => !seen.has(s.userId) && seen.add(s.userId)).map((s, position) => ({ proposalId: id, position, ...s })))
    .run();
  await logEvent(tx, { proposalId: id, actorId, action: "register", toState: "registered", comment });
  return id;
}

export async function registerProposal(db: Db, actorId: number, input: RegisterInput): Promise<RunResult<{ id: number }>> {
  try {
    return { ok: true, data: { id: await db.transaction(async (tx) => insertProposal(tx, actorId, input)) } };
  } catch (error) {
    if (uniqueViolation(error) === "proposals.session_id, proposals.number")
      return { ok: false, reason: `本届次会议已有第${input.number}号提案` };
    throw error;
  }
}
