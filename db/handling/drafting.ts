/** The lead unit's work before sign-off: 添加沟通记录, 保存草稿 (a new version each time), 提交审签. */
import type { ContactMethod, DisclosureMode, ResultClass } from "@/lib/domain";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { leadAssignment } from "@/lib/workflow/facts";
import type { Db } from "../client";
import { contactRecords, replyDrafts } from "../schema";
import { runCommand } from "./run";

export type ContactInput = { contactedOn: string; method: ContactMethod; participants: string; summary: string };

export function addContact(db: Db, actor: WorkflowActor, proposalId: number, input: ContactInput) {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "add_contact" },
    write: (tx, applied) => {
      tx.insert(contactRecords)
        .values({ proposalId, unitId: leadAssignment(applied.after)!.unitId, round: applied.after.round, createdBy: actor.id, ...input })
        .run();
    },
  });
}

export type DraftInput = {
  body: string;
  resultClass: ResultClass;
  contactPerson: string;
  contactPhone: string;
  disclosure: DisclosureMode;
  disclosureSummary: string | null;
  disclosureReason: string | null;
};

/** Saves the draft as a new version. `expectedVersion` guards against overwriting a colleague's save. */
export function saveDraft(db: Db, actor: WorkflowActor, proposalId: number, input: DraftInput, expectedVersion?: number) {
  return runCommand(db, {
    proposalId,
    actor,
    expectedVersion,
    command: { type: "save_draft" },
    write: (tx, applied) => {
      const version = applied.after.draftsThisRound;
      tx.insert(replyDrafts)
        .values({ proposalId, unitId: leadAssignment(applied.after)!.unitId, round: applied.after.round, version, authorId: actor.id, ...input })
        .run();
      return { version };
    },
  });
}

export function submitForSignOff(db: Db, actor: WorkflowActor, proposalId: number, expectedVersion?: number) {
  return runCommand(db, { proposalId, actor, expectedVersion, command: { type: "submit" } });
}
