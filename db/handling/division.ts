/**
 * 分办 and 改派: the unit's office names the 科室, the 承办人 and an internal deadline for the assignment it
 * accepted. The 科室 and the person are looked up here; lib/workflow judges them.
 */
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { sectionRef, staffRef } from "../queries/sections";
import { runCommand, type RunResult } from "./run";

export type DivisionInput = { unitId: number; sectionId: number; assigneeId: number; due: string };

/** 分办, or with a reason 改派 (a division already made is changed). */
export async function divideAssignment(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  input: DivisionInput & { reason?: string },
): Promise<RunResult<undefined>> {
  const section = await sectionRef(db, input.sectionId);
  if (!section) return { ok: false, reason: "所选科室不存在" };
  const assignee = await staffRef(db, input.assigneeId);
  if (!assignee) return { ok: false, reason: "所选承办人不存在" };
  const divide = { unitId: input.unitId, section, assignee, due: input.due };
  return runCommand(db, {
    proposalId,
    actor,
    command:
      input.reason === undefined ? { type: "assign_internal", ...divide } : { type: "reassign_internal", ...divide, reason: input.reason },
  });
}
