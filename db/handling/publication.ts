/**
 * 发布, 不予公开 and 撤回公开 of a proposal's latest signed reply. lib/publication.ts decides; this writes the
 * publications row and the event in one immediate transaction. The 索引号 serial is read and written in
 * that transaction, so two publications at once cannot share a number (the unique index on publisher,
 * year and serial would refuse it too). The search index follows the publications table by triggers.
 */
import { and, desc, eq, inArray, max } from "drizzle-orm";
import { GENRE_LABELS } from "@/lib/domain";
import { isoDateInChina } from "@/lib/format";
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
import type { Db } from "../client";
import { logEvent } from "../queries/events";
import { loadPublicationSettings } from "../queries/settings";
import { categories, proposalSigners, proposals, publications, replies, replyDrafts, sessions, units } from "../schema";
import { notifyRecipients, type Database, type RunResult } from "./run";

/** The latest signed reply of a proposal with what its draft proposed for disclosure, and its publication. */
function loadReply(db: Pick<Db, "select">, proposalId: number) {
  return (
    db
      .select({
        replyId: replies.id,
        unitId: replies.unitId,
        writtenOn: replies.writtenOn,
        publicationDue: replies.publicationDue,
        disclosure: replyDrafts.disclosure,
        disclosureSummary: replyDrafts.disclosureSummary,
        disclosureReason: replyDrafts.disclosureReason,
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
      .get() ?? null
  );
}

function factsOf(row: ReturnType<typeof loadReply>): PublicationFacts {
  return {
    reply: row && { unitId: row.unitId, disclosure: row.disclosure, disclosureSummary: row.disclosureSummary, disclosureReason: row.disclosureReason },
    publication: row?.publicationStatus ? { status: row.publicationStatus } : null,
  };
}

export type PublicationView = {
  facts: PublicationFacts;
  settings: PublicationSettings;
  /** What the staff page shows about the current decision. */
  current: {
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

/** The facts the rules need, and what the panel shows; null when the proposal does not exist. */
export function loadPublication(db: Pick<Db, "select">, proposalId: number): PublicationView | null {
  const exists = db.select({ id: proposals.id }).from(proposals).where(eq(proposals.id, proposalId)).get();
  if (!exists) return null;
  const row = loadReply(db, proposalId);
  return {
    settings: loadPublicationSettings(db),
    facts: factsOf(row),
    current: {
      writtenOn: row?.writtenOn ?? null,
      publicationDue: row?.publicationDue ?? null,
      publicationId: row?.publicationId ?? null,
      indexNumber: row?.indexNumber ?? null,
      publishedOn: row?.publishedOn ?? null,
      withheldReason: row?.withheldReason ?? null,
      withdrawnReason: row?.withdrawnReason ?? null,
    },
  };
}

export type PublicationOutcome = { publicationId: number; indexNumber: string | null };

/** Runs one publication command on the proposal's latest reply. */
export function decideReplyPublication(
  db: Database,
  actor: WorkflowActor,
  proposalId: number,
  command: PublicationCommand,
  today: string = isoDateInChina(new Date()),
): RunResult<PublicationOutcome> {
  const result = db.transaction(
    (tx): { ok: true; data: PublicationOutcome; notices: Recipient[] } | { ok: false; reason: string } => {
      const proposal = tx
        .select({ status: proposals.status, categoryName: categories.name, kind: sessions.kind })
        .from(proposals)
        .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
        .leftJoin(categories, eq(categories.id, proposals.categoryId))
        .where(eq(proposals.id, proposalId))
        .get();
      if (!proposal) return { ok: false, reason: "提案不存在" };
      const row = loadReply(tx, proposalId);
      const decision = decidePublication(factsOf(row), actor, command, loadPublicationSettings(tx));
      if (!decision.ok) return decision;
      const reply = row!;
      const unit = tx.select().from(units).where(eq(units.id, reply.unitId)).get()!;
      let outcome: PublicationOutcome;

      if (decision.status === "published") {
        const year = Number(today.slice(0, 4));
        const last = tx
          .select({ serial: max(publications.indexSerial) })
          .from(publications)
          .where(and(eq(publications.publisherUnitId, unit.id), eq(publications.indexYear, year)))
          .get()?.serial;
        const meta = publicationMetadata({
          indexPrefix: unit.indexPrefix,
          lastSerial: last,
          categoryName: proposal.categoryName,
          kind: proposal.kind,
          publisherShortName: unit.shortName,
          writtenOn: reply.writtenOn,
          today,
        });
        const inserted = tx
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
        const inserted = tx
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
        tx.update(publications)
          .set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: decision.reason, decidedBy: actor.id })
          .where(eq(publications.id, reply.publicationId!))
          .run();
        outcome = { publicationId: reply.publicationId!, indexNumber: reply.indexNumber };
      }

      logEvent(tx, {
        proposalId,
        actorId: actor.id,
        action: decision.event,
        fromState: proposal.status,
        toState: proposal.status,
        comment: decision.reason,
        data: { publicationId: outcome.publicationId, mode: decision.mode, ...(outcome.indexNumber ? { indexNumber: outcome.indexNumber } : {}) },
      });
      const memberIds = tx
        .select({ userId: proposalSigners.userId })
        .from(proposalSigners)
        .where(and(eq(proposalSigners.proposalId, proposalId), inArray(proposalSigners.role, ["lead", "cosigner"])))
        .all()
        .map((s) => s.userId);
      const notices = publicationNotices(decision.status, { unitId: unit.id, memberIds, indexNumber: outcome.indexNumber });
      return { ok: true, data: outcome, notices };
    },
    { behavior: "immediate" },
  );
  if (!result.ok) return result;
  notifyRecipients(db, proposalId, result.notices);
  return { ok: true, data: result.data };
}
