/** Writes the demo stories into the database, inside the caller's transaction. */
import { logEvent } from "../queries/events";
import {
  adjustmentRequests,
  assignments,
  coOpinions,
  contactRecords,
  extensionRequests,
  notifications,
  proposals,
  proposalSigners,
  publications,
  receipts,
  replies,
  replyDrafts,
  signOffs,
} from "../schema";
import { GENRE_LABELS } from "@/lib/domain";
import { docNumber, indexNumber } from "./numbering";
import { person, UNITS, type ReferenceIds, type Tx } from "./reference";
import type { AssignmentRec, EventRec, NoticeRec, ReplyRec, Resolve, Story } from "./story";

type Ids = Resolve & { category(name: string): number };

function resolver(ref: ReferenceIds): Ids {
  const lookup = (map: Map<string, number>, key: string) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`Demo data: unknown reference ${key}`);
    return id;
  };
  return {
    unit: (key) => ref.units[key],
    user: (login) => lookup(ref.users, login),
    category: (name) => lookup(ref.categories, name),
  };
}

function writeAssignment(tx: Tx, ids: Ids, proposalId: number, a: AssignmentRec) {
  const assignmentId = tx
    .insert(assignments)
    .values({
      proposalId,
      unitId: ids.unit(a.unit),
      role: a.role,
      status: a.status,
      handlerId: a.handler ? ids.user(a.handler) : null,
      assignedOn: a.assignedOn,
      acceptDue: a.acceptDue,
      due: a.due,
      extendedDue: a.extendedDue,
      acceptedAt: a.acceptedAt,
      createdAt: a.createdAt,
    })
    .returning({ id: assignments.id })
    .get().id;
  if (a.adjustment) {
    const { by, reason, suggested, decideBy, at, status, decision } = a.adjustment;
    tx.insert(adjustmentRequests)
      .values({
        assignmentId,
        requestedBy: ids.user(by),
        reason,
        suggestedUnitId: suggested ? ids.unit(suggested) : null,
        status,
        decideBy,
        decidedBy: decision ? ids.user(decision.by) : null,
        decidedAt: decision?.at ?? null,
        decisionComment: decision?.comment ?? null,
        createdAt: at,
      })
      .run();
  }
  if (a.extension) {
    const { by, reason, requestedUntil, at, status, grantedUntil, decision } = a.extension;
    tx.insert(extensionRequests)
      .values({
        assignmentId,
        requestedBy: ids.user(by),
        reason,
        requestedUntil,
        status,
        grantedUntil,
        decidedBy: decision ? ids.user(decision.by) : null,
        decidedAt: decision?.at ?? null,
        decisionComment: decision?.comment ?? null,
        createdAt: at,
      })
      .run();
  }
  if (a.opinion) {
    const o = a.opinion;
    tx.insert(coOpinions)
      .values({
        assignmentId,
        body: o.body,
        status: o.status,
        authorId: ids.user(o.author),
        directorId: o.director ? ids.user(o.director) : null,
        directorComment: o.directorComment,
        sentAt: o.sentAt,
        createdAt: o.createdAt,
        updatedAt: o.updatedAt,
      })
      .run();
  }
}

function writeReply(tx: Tx, ids: Ids, story: Story, proposalId: number, reply: ReplyRec, draftId: number, signOffId: number) {
  const replyId = tx
    .insert(replies)
    .values({
      proposalId,
      round: reply.round,
      draftId,
      unitId: ids.unit(reply.unit),
      docYear: reply.docYear,
      docSerial: reply.docSerial,
      docNumber: docNumber(reply),
      writtenOn: reply.writtenOn,
      signOffId,
      replyDue: reply.replyDue,
      receiptDue: reply.receiptDue,
      publicationDue: reply.publicationDue,
      createdAt: reply.at,
    })
    .returning({ id: replies.id })
    .get().id;
  const p = reply.publication;
  if (p) {
    tx.insert(publications)
      .values({
        replyId,
        status: p.status,
        mode: p.mode,
        publisherUnitId: ids.unit(p.publisher),
        indexYear: p.indexYear,
        indexSerial: p.indexSerial,
        indexNumber: indexNumber(p),
        topic: story.category,
        genre: GENRE_LABELS[story.kind],
        publisherName: UNITS[p.publisher].shortName,
        validity: "",
        writtenOn: reply.writtenOn,
        publishedOn: p.publishedOn,
        summary: p.summary,
        withheldReason: p.withheldReason,
        decidedBy: ids.user(p.decidedBy),
        createdAt: p.at,
      })
      .run();
  }
  for (const r of reply.receipts) {
    tx.insert(receipts)
      .values({
        replyId,
        memberId: ids.user(r.member),
        contactReport: r.contactReport,
        attitude: r.attitude,
        result: r.result,
        opinion: r.opinion,
        onPaper: r.onPaper,
        recordedBy: ids.user(r.recordedBy),
        submittedAt: r.at,
      })
      .run();
  }
}

function writeStory(tx: Tx, ids: Ids, sessionId: number, story: Story, registeredBy: number): number {
  const proposalId = tx
    .insert(proposals)
    .values({
      sessionId,
      number: story.number,
      title: story.title,
      categoryId: ids.category(story.category),
      body: story.body,
      receivedOn: story.receivedOn,
      assignedOn: story.assignedOn,
      isKey: story.isKey,
      isUrgent: story.isUrgent,
      wantsMeeting: story.wantsMeeting,
      status: story.status,
      round: story.round,
      closedReason: story.closedReason,
      registeredBy,
      version: story.version,
      createdAt: story.createdAt,
      updatedAt: story.updatedAt,
    })
    .returning({ id: proposals.id })
    .get().id;
  tx.insert(proposalSigners)
    .values(story.signers.map((s, position) => ({ proposalId, userId: ids.user(s.login), role: s.role, position })))
    .run();
  for (const a of story.assignments) writeAssignment(tx, ids, proposalId, a);
  for (const c of story.contacts) {
    const { createdBy, ...record } = c;
    tx.insert(contactRecords)
      .values({ ...record, proposalId, unitId: ids.unit(story.assignments[0]!.unit), createdBy: ids.user(createdBy) })
      .run();
  }
  for (const d of story.drafts) {
    const { signOff, author, ...draft } = d;
    const draftId = tx
      .insert(replyDrafts)
      .values({ ...draft, proposalId, unitId: ids.unit(story.assignments[0]!.unit), authorId: ids.user(author) })
      .returning({ id: replyDrafts.id })
      .get().id;
    if (!signOff) continue;
    const signOffId = tx
      .insert(signOffs)
      .values({
        proposalId,
        draftId,
        decision: signOff.decision,
        comment: signOff.comment,
        signerId: ids.user(signOff.signer),
        signerName: signOff.signerName,
        signerTitle: signOff.signerTitle,
        createdAt: signOff.at,
      })
      .returning({ id: signOffs.id })
      .get().id;
    const reply = story.replies.find((r) => r.draft === d);
    if (reply) writeReply(tx, ids, story, proposalId, reply, draftId, signOffId);
  }
  return proposalId;
}

/** Inserts every story, then the event log and the notifications in time order. */
export function writeStories(tx: Tx, ref: ReferenceIds, stories: readonly Story[]): void {
  const ids = resolver(ref);
  const registeredBy = ids.user("coordinator");
  const events: { proposalId: number; event: EventRec }[] = [];
  const notices: { proposalId: number; notice: NoticeRec }[] = [];
  for (const story of stories) {
    const proposalId = writeStory(tx, ids, ref.sessions[story.session], story, registeredBy);
    events.push(...story.events.map((event) => ({ proposalId, event })));
    notices.push(...story.notices.map((notice) => ({ proposalId, notice })));
  }
  // Stable sorts: acts at the same instant keep the order they happened in.
  events.sort((a, b) => a.event.at.getTime() - b.event.at.getTime());
  for (const { proposalId, event: e } of events) {
    logEvent(tx, {
      proposalId,
      actorId: e.actor ? ids.user(e.actor) : null,
      action: e.action,
      fromState: e.from,
      toState: e.to,
      comment: e.comment,
      data: e.data ? e.data(ids) : null,
      createdAt: e.at,
    });
  }
  notices.sort((a, b) => a.notice.at.getTime() - b.notice.at.getTime());
  for (const { proposalId, notice: n } of notices) {
    tx.insert(notifications)
      .values({
        userId: ids.user(n.user),
        proposalId,
        kind: n.kind,
        message: n.message,
        link: person(n.user).role === "member" ? `/member/proposals/${proposalId}` : `/proposals/${proposalId}`,
        createdAt: n.at,
      })
      .run();
  }
}
