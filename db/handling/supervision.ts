/** 督办 by the coordinating office and closing a proposal with a reason. */
import type { WorkflowActor } from "@/lib/workflow/commands";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { proposals } from "../schema";
import { runCommand } from "./run";

export function supervise(db: Db, actor: WorkflowActor, proposalId: number, input: { unitId: number; comment: string }) {
  return runCommand(db, { proposalId, actor, command: { type: "supervise", ...input } });
}

export function closeProposal(db: Db, actor: WorkflowActor, proposalId: number, reason: string) {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "close", reason },
    write: (tx) => {
      tx.update(proposals).set({ closedReason: reason.trim() }).where(eq(proposals.id, proposalId)).run();
    },
  });
}
