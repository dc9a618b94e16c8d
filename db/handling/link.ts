/** 并案办理: the coordinator links similar proposals; each keeps its own handling and reply. */
import { eq } from "drizzle-orm";
import { can, type Actor } from "@/lib/authz";
import type { Db } from "../client";
import { proposalLinks, proposals } from "../schema";
import { logEvent } from "../queries/events";
import type { RunResult } from "./run";

export function linkProposals(db: Db, actor: Actor, proposalId: number, relatedId: number): RunResult<undefined> {
  if (!can(actor, "coordinate")) return { ok: false, reason: "只有交办单位可以并案" };
  if (proposalId === relatedId) return { ok: false, reason: "不能与自身并案" };
  return db.transaction((tx) => {
    const found = [proposalId, relatedId].filter((id) => tx.select({ id: proposals.id }).from(proposals).where(eq(proposals.id, id)).get());
    if (found.length < 2) return { ok: false, reason: "提案不存在" };
    const [low, high] = proposalId < relatedId ? [proposalId, relatedId] : [relatedId, proposalId];
    const inserted = tx.insert(proposalLinks).values({ proposalId: low, relatedId: high, createdBy: actor.id }).onConflictDoNothing().returning().get();
    if (!inserted) return { ok: false, reason: "已并案" };
    for (const [id, other] of [
      [proposalId, relatedId],
      [relatedId, proposalId],
    ] as const) {
      logEvent(tx, { proposalId: id, actorId: actor.id, action: "link", data: { relatedId: other } });
    }
    return { ok: true, data: undefined };
  });
}
