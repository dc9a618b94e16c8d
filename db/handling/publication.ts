/**
 * 发布, 不予公开, 撤回公开 and 重新发布 of a proposal's signed replies, each round's on its own (the latest
 * unless the command names one). lib/publication.ts decides; this writes the
 * publications row and the event in one immediate transaction. The 索引号 serial is read and written in
 * that transaction, so two publications at once cannot share a number (the unique index on publisher,
 * year and serial would refuse it too). The search index follows the publications table by triggers.
 */
import { and, desc, eq, inArray, max } from "drizzle-orm";
import { GENRE_LABELS } from "@/lib/domain";
import {
  decidePublication,
  publicationMetadata,
  publicationNotices,
  type PublicationCommand,
  type PublicationFacts,
  type PublicationSettings,
  UNCATEGORISED,
} from "@/lib/publication";
import type { Recipient, WorkflowActor } from "@/lib/workflow/commands";
import { reviewReply } from "@/lib/disclosure-review";
import type { Db } from "../client";
import { privatePersonsOf } from "../queries/disclosure-review";
import { logEvent } from "../queries/events";
import { loadPublicationSettings } from "../queries/settings";
import { categories, proposalSigners, proposals, publications, replies, replyDrafts, sessions, units } from "../schema";
import { notifyRecipients, type Database, type RunResult } from "./run";
import { now, todayInChina } from "../clock";

/** The signed replies of a proposal, latest round first, with what each draft proposed for disclosure and its publication. */
async function loadReplies(db: Pick<Db, "select">, proposalId: number) {
  return db
    .select({
      replyId: replies.id,
      round: replies.round,
      unitId: replies.unitId,
      writtenOn: replies.writtenOn,
      publicationDue: replies.publicationDue,
      disclosure: replyDrafts.disclosure,
      disclosureSummary: replyDrafts.disclosureSummary,
      disclosureReason: replyDrafts.disclosureReason,
      body: replyDrafts.body,
      contactPhone: replyDrafts.contactPhone,
      publicationId: publications.id,
      publicationStatus: publications.status,
      indexNumber: publications.indexNumber,
      publishedOn: publications.publishedOn,
      withheldReason: publications.withheldReason,
      withdrawnReason: publications.withdrawnReason,
    })
    .from(replies)
    .innerJoin(replyDrafts, eq(replyDrafts.id, replies.draftId))
    .leftJoin(publications, eq(publications.replyId, replies.id))
    .where(eq(replies.proposalId, proposalId))
    .orderBy(desc(replies.round))
    .all();
}

/** The reply a command acts on: the one named, else the latest; null when there is none. */
async function loadReply(db: Pick<Db, "select">, proposalId: number, replyId?: number) {
  const all = await loadReplies(db, proposalId);
  return (replyId === undefined ? all[0] : all.find((r) => r.replyId === replyId)) ?? null;
}

/** The facts lib/publication.ts decides on; `privateNames`, the proposal's private persons, for 公开审查. */
function factsOf(row: Awaited<ReturnType<typeof loadReply>>, privateNames: readonly string[]): PublicationFacts {
  return {
    reply: row && {
      unitId: row.unitId,
      disclosure: row.disclosure,
      disclosureSummary: row.disclosureSummary,
      disclosureReason: row.disclosureReason,
      findings: row.disclosure === "none" ? [] : reviewReply(row, privateNames),
    },
    publication: row?.publicationStatus ? { status: row.publicationStatus } : null,
  };
}

export type PublicationView = {
  replyId: number;
  round: number;
  facts: PublicationFacts;
  settings: PublicationSettings;
  /** What the staff page shows about the current decision. */
  current: {
    /** The signed texts, where 公开审查's findings are. */
    body: string;
    disclosureSummary: string | null;
    /** The signed reply's date and by when it is to be published (or withheld). */
    writtenOn: string | null;
    publicationDue: string | null;
    publicationId: number | null;
    indexNumber: string | null;
    publishedOn: string | null;
    withheldReason: string | null;
    withdrawnReason: string | null;
  };
};

/** For each signed reply of the proposal, oldest round first: the facts the rules need and what its panel shows. */
export async function loadPublications(db: Pick<Db, "select">, proposalId: number): Promise<PublicationView[]> {
  const settings = await loadPublicationSettings(db);
  const rows = await loadReplies(db, proposalId);
  const privateNames = rows.length ? await privatePersonsOf(db, proposalId) : [];
  return rows.reverse().map((row) => ({
    replyId: row.replyId,
    round: row.round,
    settings,
    facts: factsOf(row, privateNames),
    current: {
      body: row.body,
      disclosureSummary: row.disclosureSummary,
      writtenOn: row.writtenOn,
      publicationDue: row.publicationDue,
      publicationId: row.publicationId,
      indexNumber: row.indexNumber,
      publishedOn: row.publishedOn,
      withheldReason: row.withheldReason,
      withdrawnReason: row.withdrawnReason,
    },
  }));
}

export type PublicationOutcome = { publicationId: number; indexNumber: string | null };

/** Runs one publication command on one of the proposal's replies: `replyId`'s, else the latest round's. */
export async function decideReplyPublication(
  db: Database,
  actor: WorkflowActor,
  proposalId: number,
  command: PublicationCommand,
  { replyId, today = todayInChina() }: { replyId?: number; today?: string } = {},
): Promise<RunResult<PublicationOutcome>> {
  const result = await db.transaction(
    async (tx): Promise<{ ok: true; data: PublicationOutcome; notices: Recipient[] } | Extract<RunResult<never>, { ok: false }>> => {
      const proposal = await tx
        .select({ status: proposals.status, categoryName: categories.name, kind: sessions.kind })
        .from(proposals)
        .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
        .leftJoin(categories, eq(categories.id, proposals.categoryId))
        .where(eq(proposals.id, proposalId))
        .get();
      if (!proposal) return { ok: false, reason: "提案不存在" };
      const row = await loadReply(tx, proposalId, replyId);
      if (replyId !== undefined && !row) return { ok: false, reason: "答复函不存在" };
      const decision = decidePublication(
        factsOf(row, await privatePersonsOf(tx, proposalId)),
        actor,
        command,
        await loadPublicationSettings(tx),
      );
      if (!decision.ok) return decision;
      const reply = row!;
      const unit = (await tx.select().from(units).where(eq(units.id, reply.unitId)).get())!;
      let outcome: PublicationOutcome;

      if (command.type === "republish") {
        // Back as it was first published: the same 索引号, page and metadata.
        await tx
          .update(publications)
          .set({ status: "published", withdrawnAt: null, withdrawnReason: null, decidedBy: actor.id })
          .where(eq(publications.id, reply.publicationId!))
          .run();
        outcome = { publicationId: reply.publicationId!, indexNumber: reply.indexNumber };
      } else if (decision.status === "published") {
        const year = Number(today.slice(0, 4));
        const last = (
          await tx
            .select({ serial: max(publications.indexSerial) })
            .from(publications)
            .where(and(eq(publications.publisherUnitId, unit.id), eq(publications.indexYear, year)))
            .get()
        )?.serial;
        const meta = publicationMetadata({
          indexPrefix: unit.indexPrefix,
          lastSerial: last,
          categoryName: proposal.categoryName,
          kind: proposal.kind,
          publisherShortName: unit.shortName,
          writtenOn: reply.writtenOn,
          today,
        });
        const inserted = await tx
          .insert(publications)
          .values({
            replyId: reply.replyId,
            status: "published",
            mode: decision.mode,
            publisherUnitId: unit.id,
            ...meta,
            summary: decision.mode === "summary" ? reply.disclosureSummary!.trim() : null,
            decidedBy: actor.id,
          })
          .returning({ id: publications.id })
          .get();
        outcome = { publicationId: inserted.id, indexNumber: meta.indexNumber };
      } else if (decision.status === "withheld") {
        const inserted = await tx
          .insert(publications)
          .values({
            replyId: reply.replyId,
            status: "withheld",
            mode: "none",
            publisherUnitId: unit.id,
            topic: proposal.categoryName ?? UNCATEGORISED,
            genre: GENRE_LABELS[proposal.kind],
            publisherName: unit.shortName,
            writtenOn: reply.writtenOn,
            withheldReason: decision.reason,
            decidedBy: actor.id,
          })
          .returning({ id: publications.id })
          .get();
        outcome = { publicationId: inserted.id, indexNumber: null };
      } else {
        await tx
          .update(publications)
          .set({ status: "withdrawn", withdrawnAt: now(), withdrawnReason: decision.reason, decidedBy: actor.id })
          .where(eq(publications.id, reply.publicationId!))
          .run();
        outcome = { publicationId: reply.publicationId!, indexNumber: reply.indexNumber };
      }

      await logEvent(tx, {
        proposalId,
        actorId: actor.id,
        action: decision.event,
        fromState: proposal.status,
        toState: proposal.status,
        comment: decision.reason,
        data: {
          publicationId: outcome.publicationId,
          round: reply.round,
          mode: decision.mode,
          ...(outcome.indexNumber ? { indexNumber: outcome.indexNumber } : {}),
        },
      });
      if (decision.confirmed)
        await logEvent(tx, {
          proposalId,
          actorId: actor.id,
          action: "disclosure_confirmed",
          fromState: proposal.status,
          toState: proposal.status,
          comment: decision.confirmed.reason,
          data: { stage: command.type, round: reply.round, findings: decision.confirmed.findings },
        });
      const memberIds = (
        await tx
          .select({ userId: proposalSigners.userId })
          .from(proposalSigners)
          .where(and(eq(proposalSigners.proposalId, proposalId), inArray(proposalSigners.role, ["lead", "cosigner"])))
          .all()
      ).map((s) => s.userId);
      const notices = publicationNotices(decision.status, { unitId: unit.id, memberIds, indexNumber: outcome.indexNumber });
      return { ok: true, data: outcome, notices };
    },
    { behavior: "immediate" },
  );
  if (!result.ok) return result;
  await notifyRecipients(db, proposalId, result.notices);
  return { ok: true, data: result.data };
}
