/** 申请延期 and the coordinator's decision on it. */
import { and, eq } from "drizzle-orm";
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { extensionRequests } from "../schema";
import { runCommand } from "./run";
import { now } from "../clock";

export async function requestExtension(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  input: { unitId: number; until: string; reason: string },
) {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "request_extension", ...input },
    write: async (tx, applied) => {
      await tx
        .insert(extensionRequests)
        .values({
          assignmentId: applied.assignmentIds.get(input.unitId)!,
          requestedBy: actor.id,
          reason: input.reason.trim(),
          requestedUntil: input.until,
        })
        .run();
    },
  });
}

export async function decideExtension(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  input: { unitId: number; grant: boolean; until: string | null; comment: string | null },
) {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "decide_extension", ...input },
    write: async (tx, applied) => {
      const assignmentId = applied.assignmentIds.get(input.unitId)!;
      await tx
        .update(extensionRequests)
        .set({
          status: input.grant ? "approved" : "rejected",
          grantedUntil: input.grant ? input.until : null,
          decidedBy: actor.id,
          decidedAt: now(),
          decisionComment: input.comment,
        })
        .where(and(eq(extensionRequests.assignmentId, assignmentId), eq(extensionRequests.status, "pending")))
        .run();
    },
  });
}
