/** The lead handler's drafting state, the same on the proposal page and on the 起草答复函 page. */
import type { Db } from "@/db/client";
import { reviewOfReply } from "@/db/queries/disclosure-review";
import { draftsOf } from "@/db/queries/handling-view";
import { getUnit } from "@/db/queries/org";
import { submitBlockers } from "@/lib/workflow/decide";
import type { ProposalFacts } from "@/lib/workflow/facts";

type Drafts = Awaited<ReturnType<typeof draftsOf>>;

/**
 * What the editor starts from: the round's latest draft (drafts are numbered per round); in a new round,
 * the previous round's signed reply, to be revised after the proposer's 不满意; else nothing.
 */
function editorStart(drafts: Drafts, round: number) {
  const latest = drafts.find((d) => d.draft.round === round);
  if (latest) return { basedOn: { id: latest.draft.id, version: latest.draft.version }, from: null, fields: latest.draft };
  const signed = drafts.find((d) => d.draft.round === round - 1 && d.decision === "approve");
  if (signed) return { basedOn: null, from: { round: round - 1, docNumber: signed.docNumber }, fields: signed.draft };
  return { basedOn: null, from: null, fields: null };
}

/** Why the latest draft was sent back, by the director or else by the 分管领导, shown above the editor. */
function returnCommentOf(latest: Drafts[number] | null): { comment: string; signer: string } | null {
  if (latest?.decision === "return" && latest.comment) return { comment: latest.comment, signer: latest.signer ?? "单位负责人" };
  if (latest?.leader?.decision === "return" && latest.leader.comment)
    return { comment: latest.leader.comment, signer: `分管领导${latest.leader.name}` };
  return null;
}

/** 公开审查 of the round's latest draft, which 提交审签 submits; null when it is not to be made public. */
async function reviewOfLatest(db: Db, proposalId: number, latest: Drafts[number] | null) {
  const draft = latest?.draft;
  if (!draft || draft.disclosure === "none") return null;
  return {
    findings: await reviewOfReply(db, proposalId, draft),
    texts: { body: draft.body, summary: draft.disclosureSummary },
  };
}

export async function draftingOf(db: Db, proposalId: number, facts: ProposalFacts) {
  const drafts = await draftsOf(db, proposalId);
  const latest = drafts.find((d) => d.draft.round === facts.round) ?? null;
  const unitNames = new Map(
    await Promise.all(facts.assignments.map(async (a) => [a.unitId, (await getUnit(db, a.unitId))?.name] as const)),
  );
  return {
    drafts,
    latest,
    start: editorStart(drafts, facts.round),
    returnComment: returnCommentOf(latest),
    blockers: submitBlockers(facts, (unitId) => unitNames.get(unitId) ?? "协办单位"),
    review: await reviewOfLatest(db, proposalId, latest),
  };
}

export type Drafting = Awaited<ReturnType<typeof draftingOf>>;
