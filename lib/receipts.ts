/** The feedback receipt's rules for the pages: who still owes one, the opinion limit, the words after submitting. Pure. */
import type { ProposalState } from "./domain";
import type { ProposalFacts } from "./workflow/facts";

/** The longest opinion a receipt takes, in characters. */
export const RECEIPT_OPINION_MAX = 2000;

/**
 * A proposer or co-signer owes a receipt while the current round's reply waits for theirs. Whether a
 * receipt is accepted is decided by the workflow; this only tells who may be reminded or offered the form.
 */
export function owesReceipt(facts: Pick<ProposalFacts, "status" | "round" | "reply" | "proposerIds" | "receiptsThisRound">, memberId: number): boolean {
  return (
    facts.status === "replied" &&
    facts.reply?.round === facts.round &&
    facts.proposerIds.includes(memberId) &&
    !facts.receiptsThisRound.some((r) => r.memberId === memberId)
  );
}

/** What the respondent is told once a receipt is in, by the state it left the proposal in. */
export function receiptMessage(status: ProposalState): string {
  if (status === "closed") return "回执已提交，提案已办结。感谢您的反馈！";
  if (status === "rehandling") return "回执已提交。承办单位将重新办理，并再次答复您。";
  return "回执已提交，感谢您的反馈！";
}
