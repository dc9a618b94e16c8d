/** The feedback receipt's rules for the pages: who still owes one, the opinion limit, the words after submitting. Pure. */
import type { ProposalState } from "./domain";
import type { ProposalFacts } from "./workflow/facts";

/** The longest opinion a receipt takes, in characters. */
export const RECEIPT_OPINION_MAX = 2000;

/**
 * The reply rounds on which a proposer or co-signer still owes a receipt: every signed reply they have
 * not answered, whatever the others answered and whatever round the proposal is in now (the current
 * round's once it is replied, and still after it was closed). Whether a receipt is accepted is decided by
 * the workflow; this only tells who may be reminded or offered the form.
 */
export function roundsOwed(
  facts: Pick<ProposalFacts, "status" | "round" | "reply" | "proposerIds" | "receiptsThisRound" | "earlierReplies">,
  memberId: number,
): number[] {
  if (!facts.proposerIds.includes(memberId)) return [];
  const earlier = facts.earlierReplies.filter((r) => !r.answeredBy.includes(memberId)).map((r) => r.round);
  const currentOpen =
    facts.reply?.round === facts.round &&
    (facts.status === "replied" || facts.status === "closed") &&
    !facts.receiptsThisRound.some((r) => r.memberId === memberId);
  return currentOpen ? [...earlier, facts.round] : earlier;
}

/** What the respondent is told once a receipt is in, by the state it left the proposal in. */
export function receiptMessage(status: ProposalState): string {
  if (status === "closed") return "回执已提交，提案已办结。感谢您的反馈！";
  if (status === "rehandling") return "回执已提交。承办单位将重新办理，并再次答复您。";
  return "回执已提交，感谢您的反馈！";
}
