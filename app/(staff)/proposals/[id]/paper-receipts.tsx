/** Loads who still owes a receipt on the current reply, for the coordinator's follow-up panel. */
import type { Db } from "@/db/client";
import { repliesOf } from "@/db/queries/handling-view";
import { getProposalDetail } from "@/db/queries/proposals";
import { lastRemindersOf } from "@/db/queries/receipts";
import { SIGNER_ROLE_LABELS } from "@/lib/domain";
import { dateTimeInChina } from "@/lib/format";
import { owesReceipt } from "@/lib/receipts";
import type { ProposalFacts } from "@/lib/workflow/facts";
import { PaperReceiptPanel } from "./panels/receipt-panels";

export function PaperReceipts({ db, proposalId, facts }: { db: Db; proposalId: number; facts: ProposalFacts }) {
  const reply = repliesOf(db, proposalId).find((r) => r.round === facts.round);
  const signers = getProposalDetail(db, proposalId)?.signers ?? [];
  const reminded = lastRemindersOf(db, proposalId);
  const owing = signers
    .filter((s) => owesReceipt(facts, s.userId))
    .map((s) => {
      const at = reminded.get(s.userId);
      return { id: s.userId, name: s.name, role: SIGNER_ROLE_LABELS[s.role], lastReminded: at ? dateTimeInChina(at) : null };
    });
  if (!reply || owing.length === 0) return null;
  return <PaperReceiptPanel proposalId={proposalId} replyId={reply.id} receiptDue={reply.receiptDue} owing={owing} />;
}
