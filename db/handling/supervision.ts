/** 督办 by the coordinating office and closing a proposal with a reason. */
import { provisionalReason } from "@/lib/holiday-calendar";
import { superviseComment } from "@/lib/notices";
import { SUPERVISION_STAGE_LABELS, type SupervisableStage } from "@/lib/supervision-board";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { holidayCalendarOf } from "../queries/holiday-calendar";
import { supervisionItems } from "../queries/supervision";
import { proposals } from "../schema";
import { runCommand } from "./run";
import { todayInChina } from "../clock";

export async function supervise(db: Db, actor: WorkflowActor, proposalId: number, input: { unitId: number; comment: string }) {
  return runCommand(db, { proposalId, actor, command: { type: "supervise", ...input } });
}

/**
 * 督办 from the board: one notice per proposal to the unit, about the given step or the unit's most urgent
 * open step of it (回执 are the member's), worded from its deadline as of `today` — an overdue one says
 * by how many days.
 */
export async function superviseSteps(
  db: Db,
  actor: WorkflowActor,
  input: { unitId: number; proposalIds: readonly number[]; stage?: SupervisableStage },
  today = todayInChina(),
) {
  const { unitId, proposalIds, stage } = input;
  const steps = (await supervisionItems(db, LAST_DAY, unitId)).filter((s) => (stage ? s.stage === stage : s.stage !== "receipt"));
  const calendar = await holidayCalendarOf(db);
  const results = [];
  for (const proposalId of proposalIds) {
    const step = steps.find((s) => s.proposalId === proposalId);
    if (!step) results.push({ ok: false as const, reason: "此提案当前无需督办" });
    else
      results.push(
        await supervise(db, actor, proposalId, {
          unitId,
          comment: superviseComment(
            { step: SUPERVISION_STAGE_LABELS[step.stage], due: step.due, provisional: provisionalReason(calendar, step.due) !== null },
            today,
          ),
        }),
      );
  }
  return results;
}

/** Later than any deadline: every open step. */
const LAST_DAY = "9999-12-31";

export async function closeProposal(db: Db, actor: WorkflowActor, proposalId: number, reason: string) {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "close", reason },
    write: async (tx) => {
      await tx.update(proposals).set({ closedReason: reason.trim() }).where(eq(proposals.id, proposalId)).run();
    },
  });
}
