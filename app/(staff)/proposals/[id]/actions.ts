"use server";
/**
 * The handling workflow's server actions. Each one checks the caller's role (formAction), validates the
 * form, and hands over to a use case in db/handling, where lib/workflow decides what is allowed.
 */
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { issueSignedLettersAfter } from "@/app/letters/_server/signed-letters";
import { originFromHeaders } from "@/lib/site-origin";
import { getDb } from "@/db/client";
import { acceptAssignment, assignProposal, decideAdjustment, requestAdjustment } from "@/db/handling/assignment";
import { signOffCoOpinion, writeCoOpinion } from "@/db/handling/co-opinion";
import { addContact, saveDraft, submitForSignOff } from "@/db/handling/drafting";
import { divideAssignment } from "@/db/handling/division";
import { decideExtension, requestExtension } from "@/db/handling/extension";
import { reviewAsLeader } from "@/db/handling/leader-review";
import type { RunResult } from "@/db/handling/run";
import { approveReply, returnReply } from "@/db/handling/sign-off";
import { linkProposals, unlinkProposals } from "@/db/handling/link";
import { closeProposal, supervise } from "@/db/handling/supervision";
import { waiveContact, waiveCoOpinion } from "@/db/handling/waivers";
import type { ActionResult } from "@/lib/action-result";
import {
  adjustmentDecisionInput,
  adjustmentRequestInput,
  assignInput,
  coOpinionInput,
  contactInput,
  coSignOffInput,
  divisionInput,
  draftInput,
  extensionDecisionInput,
  extensionRequestInput,
  leaderReviewInput,
  linkInput,
  proposalOnly,
  reasonInput,
  signOffInput,
  submitInput,
  superviseInput,
  unlinkInput,
  waiveCoOpinionInput,
} from "@/lib/validation/handling";
import { formAction } from "../../../_server/action";
import type { CurrentUser } from "../../../_server/guard";

/** Turns a use case's outcome into the form's result, refreshing the pages that show the proposal. */
function done<T>(proposalId: number, result: RunResult<T>, message: string): ActionResult {
  if (!result.ok) return { ok: false, error: result.reason };
  revalidatePath(`/proposals/${proposalId}`);
  revalidatePath("/work");
  revalidatePath("/supervision");
  return { ok: true, message };
}

/** Unit roles act for their own unit; the workflow refuses them where that unit has no part. */
const ownUnit = (user: CurrentUser) => user.unitId ?? 0;

export const assign = formAction("coordinate", assignInput, async (input, user) =>
  done(input.proposalId, await assignProposal(getDb(), user, input.proposalId, input), "已交办"),
);

export const decideAdjustmentRequest = formAction("coordinate", adjustmentDecisionInput, async (input, user) =>
  done(
    input.proposalId,
    await decideAdjustment(getDb(), user, input.proposalId, { unitId: input.unitId, outcome: input.outcome, comment: input.comment }),
    input.outcome.kind === "reject" ? "已驳回调整申请" : "已同意调整",
  ),
);

export const decideExtensionRequest = formAction("coordinate", extensionDecisionInput, async (input, user) =>
  done(
    input.proposalId,
    await decideExtension(getDb(), user, input.proposalId, {
      unitId: input.unitId,
      grant: input.decision === "grant",
      until: input.until,
      comment: input.comment,
    }),
    input.decision === "grant" ? "已同意延期" : "已不同意延期",
  ),
);

export const waiveOpinion = formAction("coordinate", waiveCoOpinionInput, async (input, user) =>
  done(input.proposalId, await waiveCoOpinion(getDb(), user, input.proposalId, input), "已免除该协办意见"),
);

export const waiveContactRequirement = formAction("coordinate", reasonInput, async (input, user) =>
  done(input.proposalId, await waiveContact(getDb(), user, input.proposalId, input.reason), "已免除沟通要求"),
);

export const superviseUnit = formAction("coordinate", superviseInput, async (input, user) =>
  done(input.proposalId, await supervise(getDb(), user, input.proposalId, input), "已发出督办通知"),
);

export const close = formAction("coordinate", reasonInput, async (input, user) =>
  done(input.proposalId, await closeProposal(getDb(), user, input.proposalId, input.reason), "已办结"),
);

export const accept = formAction("handle", proposalOnly, async (input, user) =>
  done(input.proposalId, await acceptAssignment(getDb(), user, input.proposalId, ownUnit(user)), "已签收"),
);

export const askForAdjustment = formAction("handle", adjustmentRequestInput, async (input, user) =>
  done(
    input.proposalId,
    await requestAdjustment(getDb(), user, input.proposalId, {
      unitId: ownUnit(user),
      reason: input.reason,
      asksToLead: input.ask === "lead",
      suggestedUnitId: input.ask === "lead" ? null : input.suggestedUnitId,
    }),
    "已提交调整申请",
  ),
);

export const askForExtension = formAction("handle", extensionRequestInput, async (input, user) =>
  done(
    input.proposalId,
    await requestExtension(getDb(), user, input.proposalId, { unitId: ownUnit(user), until: input.until, reason: input.reason }),
    "已提交延期申请",
  ),
);

export const writeOpinion = formAction("handle", coOpinionInput, async (input, user) =>
  done(
    input.proposalId,
    await writeCoOpinion(getDb(), user, input.proposalId, { unitId: ownUnit(user), body: input.body, submit: input.intent === "submit" }),
    input.intent === "submit" ? "协办意见已提交本单位负责人审签" : "协办意见已保存",
  ),
);

export const recordContact = formAction("handle", contactInput, async (input, user) => {
  const { proposalId, ...contact } = input;
  return done(proposalId, await addContact(getDb(), user, proposalId, contact), "已添加沟通记录");
});

export const saveReplyDraft = formAction("handle", draftInput, async (input, user) => {
  const { proposalId, basedOn, version, importedFrom, ...draft } = input;
  const basis = basedOn !== undefined ? { basedOn: basedOn === 0 ? null : basedOn } : { expectedVersion: version! };
  const result = await saveDraft(getDb(), user, proposalId, draft, basis, { importedFrom });
  return done(proposalId, result, result.ok ? `已保存为第 ${result.data.version} 稿` : "");
});

export const submitDraft = formAction("handle", submitInput, async (input, user) =>
  done(
    input.proposalId,
    await submitForSignOff(getDb(), user, input.proposalId, input.version, { confirmation: input.confirmation || null }),
    input.confirmation ? "已提交审签，确认公开的理由已记入办理记录" : "已提交审签",
  ),
);

export const signOffOpinion = formAction("signOff", coSignOffInput, async (input, user) =>
  done(
    input.proposalId,
    await signOffCoOpinion(getDb(), user, input.proposalId, {
      unitId: ownUnit(user),
      approve: input.decision === "approve",
      comment: input.comment,
    }),
    input.decision === "approve" ? "协办意见已送主办单位" : "协办意见已退回修改",
  ),
);

export const signOffReply = formAction("signOff", signOffInput, async (input, user) => {
  const db = getDb();
  if (input.decision === "return") {
    return done(input.proposalId, await returnReply(db, user, input.proposalId, input.comment ?? "", input.version), "已退回修改");
  }
  const result = await approveReply(db, user, input.proposalId, input.comment, input.version);
  // The letters are signed as they are issued, after the commit (电子签章, docs/decisions/015).
  if (result.ok) await issueSignedLettersAfter(db, result.data.replyId, originFromHeaders(await headers()));
  return done(input.proposalId, result, result.ok ? `已同意签发，发文字号 ${result.data.docNumber}` : "");
});

/** 分办 or 改派 of the own unit's assignment: the director, or a handler with 可分办 (the workflow decides). */
export const divide = formAction("divide", divisionInput, async (input, user) => {
  const { proposalId, ...division } = input;
  return done(
    proposalId,
    await divideAssignment(getDb(), user, proposalId, { unitId: ownUnit(user), ...division }),
    "reason" in division ? "已改派" : "已分办",
  );
});

export const reviewDraftAsLeader = formAction("leaderReview", leaderReviewInput, async (input, user) =>
  done(
    input.proposalId,
    await reviewAsLeader(getDb(), user, input.proposalId, { approve: input.decision === "approve", comment: input.comment }, input.version),
    input.decision === "approve" ? "已审核通过，送单位负责人审签" : "已退回承办人修改",
  ),
);

export const link = formAction("coordinate", linkInput, async (input, user) => {
  const result = await linkProposals(getDb(), user, input.proposalId, input.relatedId);
  if (result.ok) revalidatePath(`/proposals/${input.relatedId}`);
  return done(input.proposalId, result, "已并案办理");
});

export const unlink = formAction("coordinate", unlinkInput, async (input, user) => {
  const result = await unlinkProposals(getDb(), user, input.proposalId, input.relatedId, input.reason);
  if (result.ok) revalidatePath(`/proposals/${input.relatedId}`);
  return done(input.proposalId, result, "已取消并案");
});
