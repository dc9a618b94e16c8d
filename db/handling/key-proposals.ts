/**
 * 重点提案: the coordinating office marks a proposal, names the 区领导 who leads it (领办) and the 办理方案;
 * the lead unit files 中期进展 that the office and the leader read. lib/workflow decides; here only the
 * facts it cannot know are checked (the leader exists and is an active 区领导).
 */
import { and, eq } from "drizzle-orm";
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { progressReports, proposals, users } from "../schema";
import { runCommand, type RunResult } from "./run";

export async function markKeyProposal(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  input: { leaderId: number; plan: string },
): Promise<RunResult<void>> {
  const leader = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, input.leaderId), eq(users.role, "district_leader"), eq(users.disabled, false)))
    .get();
  if (!leader) return { ok: false, reason: "请选择一位在任的区领导领办" };
  const plan = input.plan.trim();
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "mark_key", leaderId: leader.id, plan },
    write: async (tx) => void tx.update(proposals).set({ keyPlan: plan }).where(eq(proposals.id, proposalId)).run(),
  });
}

export async function unmarkKeyProposal(db: Db, actor: WorkflowActor, proposalId: number, reason: string): Promise<RunResult<void>> {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "unmark_key", reason },
    write: async (tx) => void tx.update(proposals).set({ keyPlan: null }).where(eq(proposals.id, proposalId)).run(),
  });
}

/** 中期进展 by the lead unit's handler; the report is stored with the round it belongs to. */
export async function reportProgress(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  body: string,
): Promise<RunResult<{ reportId: number }>> {
  if (actor.unitId === null) return { ok: false, reason: "只有主办单位的承办人可以执行此操作" };
  const unitId = actor.unitId;
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "report_progress", unitId },
    write: async (tx, applied) => ({
      reportId: (
        await tx
          .insert(progressReports)
          .values({ proposalId, unitId, authorId: actor.id, round: applied.after.round, body: body.trim() })
          .returning({ id: progressReports.id })
          .get()
      ).id,
    }),
  });
}
