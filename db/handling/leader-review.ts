/** 分管领导审核: the unit's 分管领导 passes the draft in review on to the director, or returns it to the 承办人. */
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { leaderReviews } from "../schema";
import { runCommand } from "./run";
import { draftUnderReview } from "./sign-off";

export type Reviewer = WorkflowActor & { displayName: string };

export async function reviewAsLeader(
  db: Db,
  leader: Reviewer,
  proposalId: number,
  input: { approve: boolean; comment: string | null },
  expectedVersion?: number,
) {
  return runCommand(db, {
    proposalId,
    actor: leader,
    expectedVersion,
    command: input.approve ? { type: "leader_approve", comment: input.comment } : { type: "leader_return", comment: input.comment ?? "" },
    write: async (tx, applied) => {
      await tx
        .insert(leaderReviews)
        .values({
          proposalId,
          draftId: (await draftUnderReview(tx, applied)).id,
          decision: input.approve ? "approve" : "return",
          comment: input.comment?.trim() || null,
          leaderId: leader.id,
          leaderName: leader.displayName,
        })
        .run();
    },
  });
}
