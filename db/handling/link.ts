/**
 * 并案办理 and 取消并案: the coordinator links similar proposals (each keeps its own handling and reply)
 * or undoes a link. lib/workflow decides on the proposal acted from; the other proposal's log says so too.
 */
import { and, eq } from "drizzle-orm";
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { proposalLinks, proposals } from "../schema";
import { logEvent } from "../queries/events";
import { runCommand, type RunResult } from "./run";

/** Links are stored once per pair, the lower id first. */
const pair = (a: number, b: number) => (a < b ? { proposalId: a, relatedId: b } : { proposalId: b, relatedId: a });

async function relatedRefusal(db: Db, proposalId: number, relatedId: number): Promise<{ ok: false; reason: string } | null> {
  if (proposalId === relatedId) return { ok: false, reason: "不能与自身并案" };
  return (await db.select({ id: proposals.id }).from(proposals).where(eq(proposals.id, relatedId)).get())
    ? null
    : { ok: false, reason: "要并案的提案不存在" };
}

export async function linkProposals(db: Db, actor: WorkflowActor, proposalId: number, relatedId: number): Promise<RunResult<void>> {
  const refusal = await relatedRefusal(db, proposalId, relatedId);
  if (refusal) return refusal;
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "link", relatedId },
    write: async (tx) => {
      await tx
        .insert(proposalLinks)
        .values({ ...pair(proposalId, relatedId), createdBy: actor.id })
        .run();
      await logEvent(tx, { proposalId: relatedId, actorId: actor.id, action: "link", data: { relatedId: proposalId } });
    },
  });
}

export async function unlinkProposals(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  relatedId: number,
  reason: string,
): Promise<RunResult<void>> {
  const refusal = await relatedRefusal(db, proposalId, relatedId);
  if (refusal) return refusal;
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "unlink", relatedId, reason },
    write: async (tx) => {
      const { proposalId: low, relatedId: high } = pair(proposalId, relatedId);
      await tx
        .delete(proposalLinks)
        .where(and(eq(proposalLinks.proposalId, low), eq(proposalLinks.relatedId, high)))
        .run();
      await logEvent(tx, {
        proposalId: relatedId,
        actorId: actor.id,
        action: "unlink",
        comment: reason.trim(),
        data: { relatedId: proposalId },
      });
    },
  });
}
