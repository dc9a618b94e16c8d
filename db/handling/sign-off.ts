/** 同意签发 and 退回修改: the director's decision on the latest draft of the lead unit's reply. */
import { and, desc, eq, max } from "drizzle-orm";
import { dueDate } from "@/lib/deadlines";
import { formatDocNumber } from "@/lib/numbering";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { effectiveDue, leadAssignment } from "@/lib/workflow/facts";
import type { Db } from "../client";
import { replies, replyDrafts, signOffs, units } from "../schema";
import { issueReceiptTokens } from "./receipt-tokens";
import { runCommand, type Applied, type Tx } from "./run";

export type Signer = WorkflowActor & { displayName: string; title: string | null };

/** The draft in review: the latest of the round (the 分管领导's review records its decision on it too). */
export async function draftUnderReview(tx: Tx, { proposalId, before }: Applied) {
  const draft = await tx
    .select()
    .from(replyDrafts)
    .where(and(eq(replyDrafts.proposalId, proposalId), eq(replyDrafts.round, before.round)))
    .orderBy(desc(replyDrafts.version))
    .limit(1)
    .get();
  if (!draft) throw new Error(`proposal ${proposalId} is in review without a draft`);
  return draft;
}

async function recordSignOff(tx: Tx, applied: Applied, signer: Signer, decision: "approve" | "return", comment: string | null) {
  const draft = await draftUnderReview(tx, applied);
  const signOff = await tx
    .insert(signOffs)
    .values({
      proposalId: applied.proposalId,
      draftId: draft.id,
      decision,
      comment,
      signerId: signer.id,
      signerName: signer.displayName,
      signerTitle: signer.title,
    })
    .returning({ id: signOffs.id })
    .get();
  return { draft, signOffId: signOff.id };
}

/**
 * Approves the draft: the reply gets the unit's next 发文字号 for the year. The serial is read and
 * written inside the same immediate transaction, so two approvals at once cannot share a number,
 * and the unique index on (unit, year, serial) would refuse it if they tried.
 */
export async function approveReply(db: Db, signer: Signer, proposalId: number, comment: string | null, expectedVersion?: number) {
  return runCommand(db, {
    proposalId,
    actor: signer,
    command: { type: "approve" },
    expectedVersion,
    write: async (tx, applied) => {
      const { draft, signOffId } = await recordSignOff(tx, applied, signer, "approve", comment);
      const lead = leadAssignment(applied.after)!;
      const unit = (await tx.select().from(units).where(eq(units.id, lead.unitId)).get())!;
      const year = Number(applied.today.slice(0, 4));
      const last = (
        await tx
          .select({ serial: max(replies.docSerial) })
          .from(replies)
          .where(and(eq(replies.unitId, unit.id), eq(replies.docYear, year)))
          .get()
      )?.serial;
      const serial = (last ?? 0) + 1;
      const docNumber = formatDocNumber(unit.docPrefix, year, serial);
      const reply = await tx
        .insert(replies)
        .values({
          proposalId,
          round: applied.after.round,
          draftId: draft.id,
          unitId: unit.id,
          docYear: year,
          docSerial: serial,
          docNumber,
          writtenOn: applied.today,
          signOffId,
          replyDue: effectiveDue(applied.before.assignments.find((a) => a.unitId === lead.unitId)!),
          receiptDue: applied.after.reply!.receiptDue,
          publicationDue: dueDate(applied.calendar, applied.today, applied.rules.publication),
        })
        .returning({ id: replies.id })
        .get();
      // The receipt links the letters will print, issued now: rendering a letter never writes.
      await issueReceiptTokens(tx, { id: reply.id, receiptDue: applied.after.reply!.receiptDue }, applied.after.proposerIds);
      return { docNumber, replyId: reply.id };
    },
  });
}

export async function returnReply(db: Db, signer: Signer, proposalId: number, comment: string, expectedVersion?: number) {
  return runCommand(db, {
    proposalId,
    actor: signer,
    command: { type: "return", comment },
    expectedVersion,
    write: async (tx, applied) => {
      await recordSignOff(tx, applied, signer, "return", comment.trim());
    },
  });
}
