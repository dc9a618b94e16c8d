/** Who still owes a feedback receipt on a proposal's current reply. Pure. */
import type { ProposalFacts } from "./workflow/facts";

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
