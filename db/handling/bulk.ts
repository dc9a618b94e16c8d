/**
 * Bulk work (批量交办, 批量签收, 批量催告, 批量发布): one use case per row, each decided as it would be alone,
 * all inside one transaction — if any row is refused, none is kept. Every row is reported (in Chinese) by its
 * proposal's number, and each carried-out row is logged on its own proposal by the use case itself.
 */
import { eq, inArray } from "drizzle-orm";
import { proposalLabel } from "@/lib/format";
import type { WorkflowActor } from "@/lib/workflow/commands";
import type { Db } from "../client";
import { proposals, sessions } from "../schema";
import { acceptAssignment, assignProposal } from "./assignment";
import { decideReplyPublication } from "./publication";
import { remindReceipt } from "./receipt";
import type { RunResult, Tx } from "./run";

export type BulkRow = { proposalId: number; label: string; ok: boolean; reason: string | null };
export type BulkResult = { ok: boolean; rows: BulkRow[] };

class RolledBack extends Error {}

async function allOrNothing<T extends { proposalId: number }>(
  db: Db,
  items: readonly T[],
  step: (tx: Tx, item: T) => Promise<RunResult<unknown>>,
): Promise<BulkResult> {
  const ids = [...new Set(items.map((i) => i.proposalId))];
  const labels = new Map(
    (ids.length === 0
      ? []
      : await db
          .select({ id: proposals.id, number: proposals.number, kind: sessions.kind })
          .from(proposals)
          .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
          .where(inArray(proposals.id, ids))
          .all()
    ).map((p) => [p.id, proposalLabel(p.number, p.kind)]),
  );
  const rows: BulkRow[] = [];
  try {
    await db.transaction(
      async (tx) => {
        // One row after the other: each is a savepoint of this transaction.
        for (const item of items) {
          const result = await step(tx, item);
          rows.push({
            proposalId: item.proposalId,
            label: labels.get(item.proposalId) ?? `提案${item.proposalId}`,
            ok: result.ok,
            reason: result.ok ? null : result.reason,
          });
        }
        if (rows.some((r) => !r.ok)) throw new RolledBack();
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof RolledBack) return { ok: false, rows };
    throw error;
  }
  return { ok: true, rows };
}

/** 批量交办: each selected proposal to its own lead unit and co-handling units. */
export async function bulkAssign(
  db: Db,
  actor: WorkflowActor,
  rows: readonly { proposalId: number; leadUnitId: number; coUnitIds: number[] }[],
): Promise<BulkResult> {
  return allOrNothing(db, rows, async (tx, r) =>
    assignProposal(tx, actor, r.proposalId, { leadUnitId: r.leadUnitId, coUnitIds: r.coUnitIds }),
  );
}

/** 批量签收: the handler's unit accepts each selected assignment. */
export async function bulkAccept(db: Db, actor: WorkflowActor, proposalIds: readonly number[]): Promise<BulkResult> {
  if (actor.unitId === null) return { ok: false, rows: [] };
  const unitId = actor.unitId;
  return allOrNothing(
    db,
    proposalIds.map((proposalId) => ({ proposalId })),
    async (tx, r) => acceptAssignment(tx, actor, r.proposalId, unitId),
  );
}

/** 批量催告: a reminder to each selected member of the receipt they owe on the reply named. */
export async function bulkRemind(
  db: Db,
  actor: WorkflowActor,
  items: readonly { proposalId: number; memberId: number; replyId: number }[],
  today?: string,
): Promise<BulkResult> {
  return allOrNothing(db, items, async (tx, r) => remindReceipt(tx, actor, r.proposalId, r.memberId, r.replyId, today));
}

/** 批量发布: each selected proposal's latest signed reply, as its director approved it for disclosure. */
export async function bulkPublish(db: Db, actor: WorkflowActor, proposalIds: readonly number[], today?: string): Promise<BulkResult> {
  return allOrNothing(
    db,
    proposalIds.map((proposalId) => ({ proposalId })),
    async (tx, r) => decideReplyPublication(tx, actor, r.proposalId, { type: "publish" }, today ? { today } : {}),
  );
}
