/** The lead handler's drafting state, the same on the proposal page and on the 起草答复函 page. */
import type { Db } from "@/db/client";
import { draftsOf } from "@/db/queries/handling-view";
import { getUnit } from "@/db/queries/org";
import { submitBlockers } from "@/lib/workflow/decide";
import type { ProposalFacts } from "@/lib/workflow/facts";

export function draftingOf(db: Db, proposalId: number, facts: ProposalFacts) {
  const drafts = draftsOf(db, proposalId);
  // Drafts are numbered per round: the editor continues the current round's latest.
  const latest = drafts.find((d) => d.draft.round === facts.round) ?? null;
  return {
    drafts,
    latest,
    returnComment: latest?.decision === "return" && latest.comment ? { comment: latest.comment, signer: latest.signer ?? "单位负责人" } : null,
    blockers: submitBlockers(facts, (unitId) => getUnit(db, unitId)?.name ?? "协办单位"),
  };
}

export type Drafting = ReturnType<typeof draftingOf>;
