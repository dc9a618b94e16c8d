/** Loads who still owes a receipt on each reply round, for the coordinator's follow-up panel. */
import type { Db } from "@/db/client";
import { SIGNER_ROLE_LABELS } from "@/lib/domain";
import { dateTimeInChina } from "@/lib/format";
import { roundsOwed } from "@/lib/receipts";
import type { ProposalFacts } from "@/lib/workflow/facts";
import { PaperReceiptPanel } from "./panels/receipt-panels";
import { lastRemindersOnce, proposalDetailOnce, repliesOnce } from "./page-reads";

export async function PaperReceipts({ db, proposalId, facts }: { db: Db; proposalId: number; facts: ProposalFacts }) {
  const signers = (await proposalDetailOnce(db, proposalId))?.signers ?? [];
  const reminded = await lastRemindersOnce(db, proposalId);
  const replies = await repliesOnce(db, proposalId);
  const rounds = replies.flatMap((reply) => {
    const owing = signers
      .filter((s) => roundsOwed(facts, s.userId).includes(reply.round))
      .map((s) => {
        const at = reminded(s.userId, reply.round);
        return { id: s.userId, name: s.name, role: SIGNER_ROLE_LABELS[s.role], lastReminded: at ? dateTimeInChina(at) : null };
      });
    return owing.length > 0 ? [{ replyId: reply.id, round: reply.round, receiptDue: reply.receiptDue, owing }] : [];
  });
  if (rounds.length === 0) return null;
  return <PaperReceiptPanel proposalId={proposalId} rounds={rounds} namesRounds={replies.length > 1} />;
}
