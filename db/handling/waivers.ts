/** The coordinator's exemptions: a co-handling opinion, or the contact with the proposer before replying. */
import { eq } from "drizzle-orm";
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { assignments, proposals } from "../schema";
import { runCommand } from "./run";

export async function waiveCoOpinion(db: Db, actor: WorkflowActor, proposalId: number, input: { unitId: number; reason: string }) {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "waive_co_opinion", ...input },
    write: async (tx, applied) => {
      await tx
        .update(assignments)
        .set({ opinionWaivedReason: input.reason.trim() })
        .where(eq(assignments.id, applied.assignmentIds.get(input.unitId)!))
        .run();
    },
  });
}

export async function waiveContact(db: Db, actor: WorkflowActor, proposalId: number, reason: string) {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "waive_contact", reason },
    write: async (tx) => {
      await tx.update(proposals).set({ contactWaivedReason: reason.trim() }).where(eq(proposals.id, proposalId)).run();
    },
  });
}
