/** 协办意见: written by the co-handling unit, signed off by its director, then sent to the lead unit. */
import { eq } from "drizzle-orm";
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { coOpinions } from "../schema";
import { runCommand, type Applied, type Tx } from "./run";
import { now } from "../clock";

const opinionOf = (applied: Applied, unitId: number) => eq(coOpinions.assignmentId, applied.assignmentIds.get(unitId)!);

/** 保存 (submit = false) or 提交审签 (submit = true) the opinion text. */
export async function writeCoOpinion(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  input: { unitId: number; body: string; submit: boolean },
) {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: input.submit ? "submit_co_opinion" : "save_co_opinion", unitId: input.unitId },
    write: async (tx: Tx, applied) => {
      const status = input.submit ? "submitted" : "draft";
      const assignmentId = applied.assignmentIds.get(input.unitId)!;
      await tx
        .insert(coOpinions)
        .values({ assignmentId, body: input.body.trim(), status, authorId: actor.id })
        .onConflictDoUpdate({
          target: coOpinions.assignmentId,
          set: { body: input.body.trim(), status, authorId: actor.id, updatedAt: now() },
        })
        .run();
    },
  });
}

/** The co-handling unit's director: 同意 (sent to the lead unit) or 退回修改 with a comment. */
export async function signOffCoOpinion(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  input: { unitId: number; approve: boolean; comment: string | null },
) {
  return runCommand(db, {
    proposalId,
    actor,
    command: input.approve
      ? { type: "approve_co_opinion", unitId: input.unitId }
      : { type: "return_co_opinion", unitId: input.unitId, comment: input.comment ?? "" },
    write: async (tx, applied) => {
      await tx
        .update(coOpinions)
        .set({
          status: input.approve ? "sent" : "returned",
          directorId: actor.id,
          directorComment: input.comment,
          sentAt: input.approve ? now() : null,
          updatedAt: now(),
        })
        .where(opinionOf(applied, input.unitId))
        .run();
    },
  });
}
