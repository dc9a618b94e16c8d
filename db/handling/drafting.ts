/** The lead unit's work before sign-off: 添加沟通记录, 保存草稿 (a new version each time), 提交审签. */
import { and, desc, eq } from "drizzle-orm";
import type { DisclosureCheck } from "@/lib/disclosure-review";
import type { ContactMethod, DisclosureMode, ResultClass } from "@/lib/domain";
import { dateTimeInChina } from "@/lib/format";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { leadAssignment } from "@/lib/workflow/facts";
import type { Db } from "../client";
import { param, preparedOnce } from "../prepared";
import { reviewOfReply } from "../queries/disclosure-review";
import { contactRecords, replyDrafts, users } from "../schema";
import { loadFacts } from "./facts";
import { runCommand, STALE_VERSION, type RunResult } from "./run";

export type ContactInput = { contactedOn: string; method: ContactMethod; participants: string; summary: string };

export async function addContact(db: Db, actor: WorkflowActor, proposalId: number, input: ContactInput) {
  return runCommand(db, {
    proposalId,
    actor,
    command: { type: "add_contact" },
    write: async (tx, applied) => {
      await tx
        .insert(contactRecords)
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

const latestDraftQuery = preparedOnce((db: Pick<Db, "select">) =>
  db
    .select({ draft: replyDrafts, authorName: users.displayName })
    .from(replyDrafts)
    .innerJoin(users, eq(users.id, replyDrafts.authorId))
    .where(and(eq(replyDrafts.proposalId, param("proposalId")), eq(replyDrafts.round, param("round"))))
    .orderBy(desc(replyDrafts.version))
    .limit(1)
    .prepare(),
);

/** The latest draft saved in the proposal's current round (drafts are numbered per round), or null. */
async function latestDraftOfRound(db: Pick<Db, "select">, proposalId: number, round: number) {
  return (await latestDraftQuery(db).get({ proposalId, round })) ?? null;
}

/** Someone saved a draft after the one the editor started from (`newerDraft`), or changed the proposal. */
class DraftConflict extends Error {
  constructor(readonly newerDraft: boolean) {
    super("draft conflict");
  }
}

const sameDraft = (a: DraftInput, b: DraftInput) =>
  a.body === b.body &&
  a.resultClass === b.resultClass &&
  a.contactPerson === b.contactPerson &&
  a.contactPhone === b.contactPhone &&
  a.disclosure === b.disclosure &&
  (a.disclosureSummary ?? null) === (b.disclosureSummary ?? null) &&
  (a.disclosureReason ?? null) === (b.disclosureReason ?? null);

/**
 * What the editor saw when they began: the id of the latest draft (null when there was none), or — for
 * callers that only know it, like the crash-test script — the proposal's version.
 */
export type DraftBasis = { basedOn: number | null } | { expectedVersion: number };

/**
 * Saves the draft as a new version. With `basedOn`, when a colleague has saved a newer draft since,
 * nothing is saved and the answer says who saved which version, so that nobody's text is silently
 * replaced; the same draft sent twice by its author (a double click) is answered with the version the
 * first one saved. With `expectedVersion` any change to the proposal since is a conflict. Without a
 * basis (the import, tests) the draft is saved on top of whatever is there. `importedFrom` names the
 * Word document the body was read from (从 Word 导入) in the log.
 */
export async function saveDraft(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  input: DraftInput,
  basis?: DraftBasis,
  { importedFrom = null }: { importedFrom?: string | null } = {},
): Promise<RunResult<{ version: number }>> {
  const basedOn = basis && "basedOn" in basis ? basis.basedOn : undefined;
  try {
    const result = await runCommand(db, {
      proposalId,
      actor,
      expectedVersion: basis && "expectedVersion" in basis ? basis.expectedVersion : undefined,
      command: { type: "save_draft", importedFrom },
      write: async (tx, applied) => {
        if (basedOn !== undefined && ((await latestDraftOfRound(tx, proposalId, applied.before.round))?.draft.id ?? null) !== basedOn)
          throw new DraftConflict(true);
        const version = applied.after.draftsThisRound;
        await tx
          .insert(replyDrafts)
          .values({
            proposalId,
            unitId: leadAssignment(applied.after)!.unitId,
            round: applied.after.round,
            version,
            authorId: actor.id,
            ...input,
          })
          .run();
        return { version };
      },
    });
    if (result.ok || !result.conflict) return result;
    throw new DraftConflict(false);
  } catch (error) {
    if (!(error instanceof DraftConflict)) throw error;
    const round = (await loadFacts(db, proposalId))?.round ?? 1;
    const latest = await latestDraftOfRound(db, proposalId, round);
    if (!latest) return { ok: false, reason: STALE_VERSION, conflict: true };
    if (latest.draft.authorId === actor.id && sameDraft(latest.draft, input)) return { ok: true, data: { version: latest.draft.version } };
    if (!error.newerDraft) return { ok: false, reason: STALE_VERSION, conflict: true };
    const who = latest.draft.authorId === actor.id ? "您" : latest.authorName;
    return {
      ok: false,
      conflict: true,
      reason: `${who}已于 ${dateTimeInChina(latest.draft.createdAt)} 保存了第 ${latest.draft.version} 稿，本次修改未保存，以免覆盖。请先复制您的修改，刷新页面查看第 ${latest.draft.version} 稿后再保存。`,
    };
  }
}

/**
 * 提交审签 of the round's latest draft, with its 公开审查 read in the same transaction: with findings and a
 * public disclosure mode the workflow wants `confirmation`, the reason for going ahead.
 */
export async function submitForSignOff(
  db: Db,
  actor: WorkflowActor,
  proposalId: number,
  expectedVersion?: number,
  { confirmation = null }: { confirmation?: string | null } = {},
) {
  return runCommand(db, {
    proposalId,
    actor,
    expectedVersion,
    command: async (tx, before) => ({ type: "submit", review: await draftReview(tx, proposalId, before.round, confirmation) }),
  });
}

/** The 公开审查 of a round's latest draft: its disclosure mode and what its texts disclose. */
export async function draftReview(
  db: Pick<Db, "select">,
  proposalId: number,
  round: number,
  confirmation: string | null = null,
): Promise<DisclosureCheck> {
  const latest = await latestDraftOfRound(db, proposalId, round);
  if (!latest) return { disclosure: "none", findings: [], confirmation };
  const { draft } = latest;
  return { disclosure: draft.disclosure, findings: await reviewOfReply(db, proposalId, draft), confirmation };
}
