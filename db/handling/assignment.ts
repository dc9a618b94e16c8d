/** 交办, 签收, 申请调整 and its decision: who handles a proposal. */
import { and, eq } from "drizzle-orm";
import { dueDate } from "@/lib/deadlines";
import type { AdjustmentOutcome, WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { adjustmentRequests } from "../schema";
import { type Database, runCommand } from "./run";
import { now } from "../clock";

export async function assignProposal(
  db: Database,
  actor: WorkflowActor,
  proposalId: number,
  units: { leadUnitId: number; coUnitIds: number[] },
  expectedVersion?: number,
) {
  return runCommand(db, { proposalId, actor, expectedVersion, command: { type: "assign", ...units } });
}

export async function acceptAssignment(db: Database, actor: WorkflowActor, proposalId: number, unitId: number) {
  return runCommand(db, { proposalId, actor, command: { type: "accept", unitId } });
}

export async function requestAdjustment(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  input: { unitId: number; reason: string; suggestedUnitId: number | null; asksToLead?: boolean },
) {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "request_adjustment", unitId: input.unitId, reason: input.reason },
    write: async (tx, applied) => {
      await tx
        .insert(adjustmentRequests)
        .values({
          assignmentId: applied.assignmentIds.get(input.unitId)!,
          requestedBy: actor.id,
          reason: input.reason.trim(),
          suggestedUnitId: input.suggestedUnitId,
          asksToLead: input.asksToLead ?? false,
          decideBy: dueDate(applied.calendar, applied.today, applied.rules.adjustmentDecision),
        })
        .run();
    },
  });
}

export async function decideAdjustment(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  input: { unitId: number; outcome: AdjustmentOutcome; comment: string | null },
) {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "decide_adjustment", ...input },
    write: async (tx, applied) => {
      await tx
        .update(adjustmentRequests)
        .set({
          status: input.outcome.kind === "reject" ? "rejected" : "approved",
          decidedBy: actor.id,
          decidedAt: now(),
          decisionComment: input.comment,
        })
        .where(and(eq(adjustmentRequests.assignmentId, applied.assignmentIds.get(input.unitId)!), eq(adjustmentRequests.status, "pending")))
        .run();
    },
  });
}
